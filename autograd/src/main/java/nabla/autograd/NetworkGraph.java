package nabla.autograd;

import java.util.ArrayList;
import java.util.List;
import nabla.core.Gradient;
import nabla.core.Matrix;

/**
 * The autodiff graph of a network's cost over one batch, with its named nodes, as
 * {@link GraphBackprop#trace} builds it. Lists are indexed by layer as in the equations:
 * {@code weights}, {@code biases} and {@code weightedInputs} by l − 1 for l = 1 … L, and
 * {@code activations} by l for l = 0 … L, where a⁰ is the input. Use the accessors, which take
 * the layer number.
 *
 * @param input x, (n⁰×m), a constant labelled {@code x}; the same node as a⁰
 * @param target y, (nᴸ×m), a constant labelled {@code y}
 * @param weights wˡ, (nˡ×nˡ⁻¹), parameters labelled {@code w1} … {@code wL}
 * @param biases bˡ, (nˡ×1), parameters labelled {@code b1} … {@code bL}
 * @param weightedInputs zˡ = wˡaˡ⁻¹ + bˡ, (nˡ×m), labelled {@code z1} … {@code zL}
 * @param activations aˡ = σ(zˡ), (nˡ×m), labelled {@code a0} … {@code aL}
 * @param cost C, (1×1), the mean cost over the m columns, labelled {@code C}
 */
public record NetworkGraph(Tensor input, Tensor target, List<Tensor> weights, List<Tensor> biases,
        List<Tensor> weightedInputs, List<Tensor> activations, Tensor cost) {

    public NetworkGraph {
        weights = List.copyOf(weights);
        biases = List.copyOf(biases);
        weightedInputs = List.copyOf(weightedInputs);
        activations = List.copyOf(activations);
    }

    /** Returns L, the number of layers with weights. */
    public int layerCount() {
        return weights.size();
    }

    /** Returns m, the number of examples: the number of columns of the input. */
    public int batchSize() {
        return input.value().cols();
    }

    /** Returns the node of wˡ, for l = 1 … L. */
    public Tensor weight(int l) {
        return weights.get(l - 1);
    }

    /** Returns the node of bˡ, for l = 1 … L. */
    public Tensor bias(int l) {
        return biases.get(l - 1);
    }

    /** Returns the node of zˡ, for l = 1 … L. */
    public Tensor z(int l) {
        return weightedInputs.get(l - 1);
    }

    /** Returns the node of aˡ, for l = 0 … L. */
    public Tensor activation(int l) {
        return activations.get(l);
    }

    /**
     * Resets every gradient in the graph and runs the backward pass from C, so that each node's
     * gradient is ∂C/∂node for this batch alone.
     */
    public void backward() {
        cost.zeroGrad();
        cost.backward();
    }

    /** Returns ∂C/∂zˡ, (nˡ×m), after {@link #backward()}: the graph's matrix itself, not a copy. */
    public Matrix costGradientByZ(int l) {
        return z(l).grad();
    }

    /**
     * Returns the gradient after {@link #backward()} in the hand-coded backprop's convention: see
     * {@link GraphBackprop}. The bias and weight gradients are the graph's matrices themselves, not
     * copies, so a later backward on this graph changes them.
     */
    public Gradient gradient() {
        int m = batchSize();
        List<Matrix> deltas = new ArrayList<>(layerCount());
        List<Matrix> nablaB = new ArrayList<>(layerCount());
        List<Matrix> nablaW = new ArrayList<>(layerCount());
        for (int l = 1; l <= layerCount(); l++) {
            // δˡ column x is ∂Cₓ/∂zˡ; C is the mean of the Cₓ, so ∂C/∂zˡ holds δˡ/m
            deltas.add(costGradientByZ(l).scale(m));
            nablaB.add(bias(l).grad());
            nablaW.add(weight(l).grad());
        }
        return new Gradient(deltas, nablaB, nablaW);
    }
}
