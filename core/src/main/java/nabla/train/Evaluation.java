package nabla.train;

import nabla.core.Matrix;
import nabla.core.Network;
import nabla.data.Dataset;

/** Measures a network on a whole dataset, a chunk of examples at a time. */
public final class Evaluation {

    /** Examples per forward pass; bounds the memory of one chunk to n⁰ × 1000 doubles. */
    private static final int CHUNK = 1000;

    private Evaluation() {
    }

    /**
     * Returns the network's cost C averaged over every example of {@code data}, with one-hot
     * targets, evaluated with the parameters as they are. C is the network's cost function alone,
     * without the weight-decay term that training with λ > 0 adds.
     *
     * @throws IllegalArgumentException if the data does not fit the network, or is empty
     */
    public static double meanCost(Network network, Dataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("mean cost: " + data.name() + " has no examples");
        }
        int[] order = data.identityOrder();
        int outputs = network.size(network.layerCount());
        double sum = 0.0;
        for (int from = 0; from < order.length; from += CHUNK) {
            int to = Math.min(from + CHUNK, order.length);
            Matrix x = data.inputs(order, from, to);
            Matrix y = data.targets(order, from, to, outputs);
            // Network.cost is the mean over the chunk's columns; weight it by the chunk's size.
            sum += network.cost(x, y) * (to - from);
        }
        return sum / order.length;
    }
}
