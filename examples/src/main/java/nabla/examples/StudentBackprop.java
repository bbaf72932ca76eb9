package nabla.examples;

import java.util.ArrayList;
import java.util.List;
import nabla.core.Backprop;
import nabla.core.Gradient;
import nabla.core.Matrix;
import nabla.core.Network;

/**
 * A mini-batch backprop written from scratch the way a student would derive it, to be checked by
 * nabla. With {@code divideByRows} set it repeats a classic mistake: it divides ∂C/∂w by the
 * number of rows of X (the input size n⁰) instead of the number of examples m.
 */
public final class StudentBackprop implements Backprop {

    private final boolean divideByRows;

    /** Creates the derivation; {@code divideByRows} plants the mistake. */
    public StudentBackprop(boolean divideByRows) {
        this.divideByRows = divideByRows;
    }

    /** The correct derivation, for {@code nabla check --backprop nabla.examples.StudentBackprop}. */
    public StudentBackprop() {
        this(false);
    }

    @Override
    public Gradient gradient(Network network, Matrix x, Matrix y) {
        int layers = network.layerCount();
        int m = x.cols();

        // Forward pass: zˡ = wˡaˡ⁻¹ + bˡ, aˡ = σ(zˡ), every example a column.
        List<Matrix> zs = new ArrayList<>();
        List<Matrix> activations = new ArrayList<>();
        activations.add(x);
        for (int l = 1; l <= layers; l++) {
            Matrix z = network.weight(l).multiply(activations.get(l - 1)).addColumn(network.bias(l));
            zs.add(z);
            activations.add(network.activation(l).apply(z));
        }

        Matrix[] deltas = new Matrix[layers];
        Matrix[] nablaB = new Matrix[layers];
        Matrix[] nablaW = new Matrix[layers];

        // BP1 for the quadratic cost: δᴸ = (aᴸ − y) ⊙ σ'(zᴸ)
        Matrix outputDerivative = network.activation(layers).derivative(zs.get(layers - 1));
        deltas[layers - 1] = activations.get(layers).subtract(y).hadamard(outputDerivative);

        // BP2: δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ'(zˡ)
        for (int l = layers - 1; l >= 1; l--) {
            Matrix derivative = network.activation(l).derivative(zs.get(l - 1));
            deltas[l - 1] = network.weight(l + 1).transposeMultiply(deltas[l]).hadamard(derivative);
        }

        for (int l = 1; l <= layers; l++) {
            // BP3: ∂C/∂bˡ is the mean of δˡ over the examples, an (n×1) column
            nablaB[l - 1] = deltas[l - 1].rowMean();
            // BP4: ∂C/∂wˡ = δˡ (aˡ⁻¹)ᵀ / m
            int divisor = divideByRows ? x.rows() : m;
            nablaW[l - 1] = deltas[l - 1].multiplyTranspose(activations.get(l - 1)).scale(1.0 / divisor);
        }
        return new Gradient(List.of(deltas), List.of(nablaB), List.of(nablaW));
    }
}
