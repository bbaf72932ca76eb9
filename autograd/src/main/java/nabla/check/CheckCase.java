package nabla.check;

import nabla.core.Activation;
import nabla.core.Activations;
import nabla.core.Cost;
import nabla.core.Costs;
import nabla.core.Matrix;
import nabla.core.Network;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A network and a batch to check a gradient on.
 *
 * @param network the network, with its activations and cost
 * @param x the inputs, (n⁰×m), one example per column
 * @param y the targets, (nᴸ×m)
 */
public record CheckCase(Network network, Matrix x, Matrix y) {

    public CheckCase {
        network.checkInput("check case", x);
        int outputs = network.size(network.layerCount());
        if (y.rows() != outputs || y.cols() != x.cols()) {
            throw new IllegalArgumentException("check case: targets " + y.shape() + " do not match inputs "
                    + x.shape() + "; expected (" + outputs + "x" + x.cols() + ")");
        }
    }

    /**
     * Draws a case: a network of the given sizes, functions and seed, inputs uniform in [0, 1)
     * and one-hot targets, all from the same seed, so one seed always gives the same case.
     */
    public static CheckCase random(int[] sizes, int batchSize, long seed, Activation hidden, Activation output,
            Cost cost) {
        Network network = new Network(sizes, seed, hidden, output, cost);
        RandomGenerator random = new Well19937c(seed ^ 0x5DEECE66DL);
        Matrix x = Matrix.zeros(sizes[0], batchSize);
        double[] data = x.data();
        for (int k = 0; k < data.length; k++) {
            data[k] = random.nextDouble();
        }
        int outputs = sizes[sizes.length - 1];
        Matrix y = Matrix.zeros(outputs, batchSize);
        for (int j = 0; j < batchSize; j++) {
            y.set(random.nextInt(outputs), j, 1.0);
        }
        return new CheckCase(network, x, y);
    }

    /** Draws a sigmoid network with the quadratic cost and its batch, as {@link #random(int[], int, long, Activation, Activation, Cost)}. */
    public static CheckCase random(int[] sizes, int batchSize, long seed) {
        return random(sizes, batchSize, seed, Activations.SIGMOID, Activations.SIGMOID, Costs.QUADRATIC);
    }
}
