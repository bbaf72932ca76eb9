package nabla.autograd;

import java.util.ArrayList;
import java.util.List;
import nabla.core.Backprop;
import nabla.core.Gradient;
import nabla.core.Matrix;
import nabla.core.MiniBatchBackprop;
import nabla.core.Network;

/**
 * The network's gradient computed by reverse-mode autodiff instead of the four equations: the
 * forward pass is recorded as a graph of {@link Tensor} operations,
 *
 * <pre>
 * zˡ = wˡ aˡ⁻¹ + bˡ        bˡ (nˡ×1) broadcast over the m columns
 * aˡ = σ(zˡ)              the layer's activation, written in graph operations
 * C  = cost(aᴸ, y)         the network's cost, the mean over the m columns
 * </pre>
 *
 * and one backward pass from C gives ∂C/∂node for every node. Nothing here uses BP1–BP4, so the
 * result is an independent check of the hand-coded backprop.
 *
 * <p>The returned {@link Gradient} follows the hand-coded convention: {@code nablaB(l)} and
 * {@code nablaW(l)} are the graph's ∂C/∂bˡ and ∂C/∂wˡ, and {@code delta(l)} is the graph's ∂C/∂zˡ
 * multiplied by m, the number of columns. The multiplication is needed because C is the mean
 * (1/m) Σₓ Cₓ over the batch while column x of the hand-coded δˡ is the per-example error
 * ∂Cₓ/∂zˡ, so ∂C/∂zˡ = δˡ / m.
 *
 * <p>NOTE: core's cross-entropy and log-likelihood expressions take ln a as it is, so an output
 * that saturates to exactly 0 or 1 (σ(z) for z above about 37, or a softmax whose column spreads
 * over more than about 745) makes 0·ln 0 in the graph, and its gradient is NaN where the
 * hand-coded δᴸ = a − y stays finite. The remedy belongs in those expressions, not here.
 */
public final class GraphBackprop implements Backprop {

    /**
     * The parameter nodes of the last trace, indexed by l, kept by an instance that reuses them;
     * null otherwise. Index 0 is unused.
     */
    private Tensor[] weightLeaves;
    private Tensor[] biasLeaves;

    /** Creates a backprop whose every result is new, so that results of earlier calls stay valid. */
    public GraphBackprop() {
    }

    /**
     * Creates a backprop that keeps the parameter nodes wˡ and bˡ between traces of the same
     * network, so that each backward pass writes ∂C/∂wˡ and ∂C/∂bˡ into the matrices of the one
     * before instead of allocating them. A caller must use a gradient before the next call, as SGD
     * does, or copy it. Not for use by several threads at once.
     */
    public static GraphBackprop reusingBuffers() {
        GraphBackprop backprop = new GraphBackprop();
        backprop.weightLeaves = new Tensor[0];
        backprop.biasLeaves = new Tensor[0];
        return backprop;
    }

    @Override
    public Gradient gradient(Network network, Matrix x, Matrix y) {
        NetworkGraph graph = trace(network, x, y);
        graph.backward();
        return graph.gradient();
    }

    /**
     * Records the network's cost over the batch as a graph, without running the backward pass.
     * The parameter nodes share the network's own weight and bias matrices, not copies, so the
     * graph describes the network as it is when traced.
     *
     * @param network the network; not modified
     * @param x the inputs, (n⁰×m), one example per column
     * @param y the targets, (nᴸ×m)
     * @throws IllegalArgumentException if x or y does not fit the network, or the batch is empty
     */
    public NetworkGraph trace(Network network, Matrix x, Matrix y) {
        MiniBatchBackprop.checkBatch(network, x, y);
        int layers = network.layerCount();
        Tensor input = Tensor.constant(x).labelled("x");
        Tensor target = Tensor.constant(y).labelled("y");
        List<Tensor> weights = new ArrayList<>(layers);
        List<Tensor> biases = new ArrayList<>(layers);
        List<Tensor> weightedInputs = new ArrayList<>(layers);
        List<Tensor> activations = new ArrayList<>(layers + 1);
        activations.add(input);

        if (weightLeaves != null && weightLeaves.length != layers + 1) {
            weightLeaves = new Tensor[layers + 1];
            biasLeaves = new Tensor[layers + 1];
        }

        for (int l = 1; l <= layers; l++) {
            Tensor w = parameter(weightLeaves, l, network.weight(l), "w" + l);
            Tensor b = parameter(biasLeaves, l, network.bias(l), "b" + l);
            // zˡ = wˡ aˡ⁻¹ + bˡ
            Tensor z = w.matmul(activations.get(l - 1)).add(b).labelled("z" + l);
            // aˡ = σ(zˡ); for the identity this is the node zˡ itself, which keeps the label zˡ
            Tensor a = network.activation(l).expression(TensorOps.INSTANCE, z);
            if (a != z) {
                a.labelled("a" + l);
            }
            weights.add(w);
            biases.add(b);
            weightedInputs.add(z);
            activations.add(a);
        }

        // C from zᴸ and aᴸ, so that costs with a stable form in zᴸ (cross-entropy after sigmoid,
        // log-likelihood after softmax) stay finite where aᴸ saturates
        Tensor cost = network.cost().expression(TensorOps.INSTANCE, weightedInputs.get(layers - 1),
                activations.get(layers), target, network.outputActivation()).labelled("C");
        return new NetworkGraph(input, target, weights, biases, weightedInputs, activations, cost);
    }

    /**
     * Returns the parameter node labelled {@code label} for {@code value}: the node of the last
     * trace when this instance reuses nodes and that node has the same matrix, else a new one.
     */
    private static Tensor parameter(Tensor[] leaves, int l, Matrix value, String label) {
        if (leaves == null) {
            return Tensor.parameter(value).labelled(label);
        }
        if (leaves[l] == null || leaves[l].value() != value) {
            leaves[l] = Tensor.parameter(value).labelled(label);
        }
        return leaves[l];
    }
}
