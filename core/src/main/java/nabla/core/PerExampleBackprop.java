package nabla.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-coded backprop one example at a time, as in Nielsen's {@code network.py}: each column x
 * of the batch runs its own forward and backward pass with (n×1) vectors, and the per-example
 * gradients are averaged. It shares no code with {@link MiniBatchBackprop}, so each form checks
 * the other.
 */
public final class PerExampleBackprop implements Backprop {

    @Override
    public Gradient gradient(Network network, Matrix x, Matrix y) {
        MiniBatchBackprop.checkBatch(network, x, y);
        int layers = network.layerCount();
        int m = x.cols();

        List<Matrix> deltas = new ArrayList<>(layers);
        List<Matrix> nablaB = new ArrayList<>(layers);
        List<Matrix> nablaW = new ArrayList<>(layers);
        for (int l = 1; l <= layers; l++) {
            deltas.add(Matrix.zeros(network.size(l), m));
            nablaB.add(Matrix.zeros(network.size(l), 1));
            nablaW.add(Matrix.zeros(network.size(l), network.size(l - 1)));
        }

        for (int example = 0; example < m; example++) {
            Matrix[] activations = new Matrix[layers + 1];
            Matrix[] delta = backpropOne(network, x.column(example), y.column(example), activations);
            for (int l = 1; l <= layers; l++) {
                Matrix target = deltas.get(l - 1);
                for (int i = 0; i < target.rows(); i++) {
                    target.set(i, example, delta[l].get(i, 0));
                }
                // BP3: ∂Cₓ/∂bˡ = δˡₓ, summed over the examples
                nablaB.get(l - 1).addScaledInPlace(delta[l], 1.0);
                // BP4: ∂Cₓ/∂wˡ = δˡₓ (aˡ⁻¹ₓ)ᵀ, summed over the examples
                nablaW.get(l - 1).addScaledInPlace(delta[l].multiply(activations[l - 1].transpose()), 1.0);
            }
        }
        // The mean over the m examples.
        for (int l = 0; l < layers; l++) {
            nablaB.get(l).scaleInPlace(1.0 / m);
            nablaW.get(l).scaleInPlace(1.0 / m);
        }
        return new Gradient(deltas, nablaB, nablaW);
    }

    /**
     * Returns δˡ for one example, (nˡ×1), indexed by layer 1 … L, and fills {@code activations}
     * with a⁰ … aᴸ.
     */
    private static Matrix[] backpropOne(Network network, Matrix x, Matrix y, Matrix[] activations) {
        int layers = network.layerCount();
        Matrix[] z = new Matrix[layers + 1];
        forwardOne(network, x, z, activations);
        Matrix[] delta = new Matrix[layers + 1];

        // BP1: δᴸ = ∇ₐC ⊙ σ'(zᴸ)
        delta[layers] = network.cost().outputError(z[layers], activations[layers], y, network.outputActivation());
        for (int l = layers - 1; l >= 1; l--) {
            // BP2: δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ'(zˡ)
            Matrix backpropagated = network.weight(l + 1).transpose().multiply(delta[l + 1]);
            delta[l] = backpropagated.hadamard(network.activation(l).derivative(z[l]));
        }
        return delta;
    }

    /** Fills z¹ … zᴸ and a⁰ … aᴸ for one example. */
    private static void forwardOne(Network network, Matrix x, Matrix[] z, Matrix[] activations) {
        int layers = network.layerCount();
        activations[0] = x;
        for (int l = 1; l <= layers; l++) {
            // zˡ = wˡ aˡ⁻¹ + bˡ
            Matrix zl = network.weight(l).multiply(activations[l - 1]).add(network.bias(l));
            // aˡ = σ(zˡ)
            activations[l] = network.activation(l).apply(zl);
            z[l] = zl;
        }
    }
}
