package nabla.core;

import java.util.List;

/**
 * The result of one backprop over m examples: for each layer l = 1 … L the error δˡ of every
 * example, (nˡ×m), and the gradient of the mean cost, ∂C/∂bˡ (nˡ×1) and ∂C/∂wˡ (nˡ×nˡ⁻¹).
 *
 * <p>Lists are indexed by l − 1; use the accessors, which take the layer number as in the equations.
 */
public record Gradient(List<Matrix> deltas, List<Matrix> nablaB, List<Matrix> nablaW) {

    public Gradient {
        if (deltas.size() != nablaB.size() || nablaB.size() != nablaW.size()) {
            throw new IllegalArgumentException("gradient: " + deltas.size() + " deltas, " + nablaB.size()
                    + " bias gradients and " + nablaW.size() + " weight gradients; give one of each per layer");
        }
        deltas = List.copyOf(deltas);
        nablaB = List.copyOf(nablaB);
        nablaW = List.copyOf(nablaW);
    }

    /** Returns L, the number of layers with weights. */
    public int layerCount() {
        return nablaB.size();
    }

    /** Returns δˡ, (nˡ×m): column x is the error ∂Cₓ/∂zˡ of example x. */
    public Matrix delta(int l) {
        return deltas.get(l - 1);
    }

    /** Returns ∂C/∂bˡ, (nˡ×1). */
    public Matrix nablaB(int l) {
        return nablaB.get(l - 1);
    }

    /** Returns ∂C/∂wˡ, (nˡ×nˡ⁻¹). */
    public Matrix nablaW(int l) {
        return nablaW.get(l - 1);
    }
}
