package nabla.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Hand-coded backprop one example at a time, as in Nielsen's {@code network.py}: each column x
 * of the batch runs its own forward and backward pass with (n×1) vectors, and the per-example
 * gradients are averaged. It shares no code with {@link MiniBatchBackprop}, so each form checks
 * the other. An optional {@link StepListener} receives every step of every example, then the
 * final means.
 */
public final class PerExampleBackprop implements Backprop {

    /** Receives each evaluated step; null when none was given. */
    private final StepListener listener;

    public PerExampleBackprop() {
        this.listener = null;
    }

    /** Creates a backprop that reports each step, with the matrices it read and returned, to {@code listener}. */
    public PerExampleBackprop(StepListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

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
            Matrix[] delta = backpropOne(network, x.column(example), y.column(example), activations, example);
            for (int l = 1; l <= layers; l++) {
                Matrix target = deltas.get(l - 1);
                for (int i = 0; i < target.rows(); i++) {
                    target.set(i, example, delta[l].get(i, 0));
                }
                // BP3: ∂Cₓ/∂bˡ = δˡₓ, summed over the examples
                nablaB.get(l - 1).addScaledInPlace(delta[l], 1.0);
                // BP4: ∂Cₓ/∂wˡ = δˡₓ (aˡ⁻¹ₓ)ᵀ, summed over the examples
                Matrix exampleNablaW = delta[l].multiply(activations[l - 1].transpose());
                nablaW.get(l - 1).addScaledInPlace(exampleNablaW, 1.0);
                if (listener != null) {
                    report(BackpropStep.Kind.BIAS_GRADIENT, l, example, delta[l], delta[l]);
                    report(BackpropStep.Kind.WEIGHT_GRADIENT, l, example, exampleNablaW, delta[l], activations[l - 1]);
                }
            }
        }
        // The mean over the m examples.
        for (int l = 1; l <= layers; l++) {
            Matrix meanB = nablaB.get(l - 1).scaleInPlace(1.0 / m);
            Matrix meanW = nablaW.get(l - 1).scaleInPlace(1.0 / m);
            if (listener != null) {
                listener.stepEvaluated(new BackpropStep(BackpropStep.Kind.MEAN_OF_BIAS_GRADIENTS, l,
                        OptionalInt.empty(), List.of(meanB), meanB));
                listener.stepEvaluated(new BackpropStep(BackpropStep.Kind.MEAN_OF_WEIGHT_GRADIENTS, l,
                        OptionalInt.empty(), List.of(meanW), meanW));
            }
        }
        return new Gradient(deltas, nablaB, nablaW);
    }

    /**
     * Returns δˡ for one example, (nˡ×1), indexed by layer 1 … L, and fills {@code activations}
     * with a⁰ … aᴸ.
     */
    private Matrix[] backpropOne(Network network, Matrix x, Matrix y, Matrix[] activations, int example) {
        int layers = network.layerCount();
        Matrix[] z = new Matrix[layers + 1];
        forwardOne(network, x, z, activations, example);
        Matrix[] delta = new Matrix[layers + 1];

        // BP1: δᴸ = ∇ₐC ⊙ σ'(zᴸ)
        delta[layers] = network.cost().outputError(z[layers], activations[layers], y, network.outputActivation());
        if (listener != null) {
            report(BackpropStep.Kind.OUTPUT_ERROR, layers, example, delta[layers], activations[layers], y, z[layers]);
        }
        for (int l = layers - 1; l >= 1; l--) {
            // BP2: δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ'(zˡ)
            Matrix backpropagated = network.weight(l + 1).transpose().multiply(delta[l + 1]);
            delta[l] = backpropagated.hadamard(network.activation(l).derivative(z[l]));
            if (listener != null) {
                report(BackpropStep.Kind.HIDDEN_ERROR, l, example, delta[l], network.weight(l + 1), delta[l + 1], z[l]);
            }
        }
        return delta;
    }

    /** Fills z¹ … zᴸ and a⁰ … aᴸ for one example. */
    private void forwardOne(Network network, Matrix x, Matrix[] z, Matrix[] activations, int example) {
        int layers = network.layerCount();
        activations[0] = x;
        for (int l = 1; l <= layers; l++) {
            // zˡ = wˡ aˡ⁻¹ + bˡ
            Matrix zl = network.weight(l).multiply(activations[l - 1]).add(network.bias(l));
            if (listener != null) {
                report(BackpropStep.Kind.WEIGHTED_INPUT, l, example, zl, network.weight(l), activations[l - 1],
                        network.bias(l));
            }
            // aˡ = σ(zˡ)
            activations[l] = network.activation(l).apply(zl);
            if (listener != null) {
                report(BackpropStep.Kind.ACTIVATION, l, example, activations[l], zl);
            }
            z[l] = zl;
        }
    }

    private void report(BackpropStep.Kind kind, int layer, int example, Matrix result, Matrix... operands) {
        listener.stepEvaluated(new BackpropStep(kind, layer, OptionalInt.of(example), List.of(operands), result));
    }
}
