package nabla.core;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A fully connected feedforward network with layer sizes n⁰, n¹, …, nᴸ.
 *
 * <p>Layers are numbered as in the backprop equations: layer 0 is the input, and each layer
 * l = 1 … L has weights wˡ of shape (nˡ×nˡ⁻¹) and biases bˡ of shape (nˡ×1). Hidden layers
 * apply one activation and the output layer another; the cost belongs to the network so that
 * training, checking and saving agree on it. The weight and bias matrices are mutable: training
 * updates them in place.
 */
public final class Network {

    private final int[] sizes;
    private final Matrix[] weights;
    private final Matrix[] biases;
    private final Activation hidden;
    private final Activation output;
    private final Cost cost;

    /**
     * Creates a sigmoid network with the quadratic cost, as in Nielsen's {@code network.py}.
     * Weights and biases are drawn from N(0, 1) by a generator seeded with {@code seed}, so the
     * same sizes and seed give identical networks on every run and machine.
     */
    public Network(int[] sizes, long seed) {
        this(sizes, seed, Activations.SIGMOID, Activations.SIGMOID, Costs.QUADRATIC);
    }

    /** Creates a network with the given activations and cost, drawn as {@link #Network(int[], long)}. */
    public Network(int[] sizes, long seed, Activation hidden, Activation output, Cost cost) {
        this(sizes, hidden, output, cost);
        RandomGenerator random = new Well19937c(seed);
        for (int l = 1; l < sizes.length; l++) {
            fillGaussian(biases[l], random);
            fillGaussian(weights[l], random);
        }
    }

    /** Creates a network with all weights and biases zero, for loading saved parameters. */
    public static Network zeros(int[] sizes, Activation hidden, Activation output, Cost cost) {
        return new Network(sizes, hidden, output, cost);
    }

    private Network(int[] sizes, Activation hidden, Activation output, Cost cost) {
        checkSizes(sizes);
        if (!hidden.isElementwise()) {
            throw new IllegalArgumentException("hidden activation " + hidden.name() + " is not "
                    + "element-wise, so BP2 cannot use its σ'(z); choose an element-wise one such as sigmoid");
        }
        if (!cost.supportsOutput(output)) {
            throw new IllegalArgumentException("cost " + cost.name() + " cannot follow the "
                    + output.name() + " output layer; " + Costs.PAIRINGS);
        }
        this.sizes = sizes.clone();
        this.hidden = hidden;
        this.output = output;
        this.cost = cost;
        this.weights = new Matrix[sizes.length];
        this.biases = new Matrix[sizes.length];
        for (int l = 1; l < sizes.length; l++) {
            weights[l] = Matrix.zeros(sizes[l], sizes[l - 1]);
            biases[l] = Matrix.zeros(sizes[l], 1);
        }
    }

    private static void checkSizes(int[] sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("sizes " + Arrays.toString(sizes)
                    + ": a network needs at least an input and an output layer, such as [784, 30, 10]");
        }
        for (int l = 0; l < sizes.length; l++) {
            if (sizes[l] <= 0) {
                throw new IllegalArgumentException("sizes " + Arrays.toString(sizes) + ": layer " + l
                        + " has " + sizes[l] + " neurons; every layer needs at least 1");
            }
        }
    }

    private static void fillGaussian(Matrix m, RandomGenerator random) {
        double[] data = m.data();
        for (int k = 0; k < data.length; k++) {
            data[k] = random.nextGaussian();
        }
    }

    /** Returns a copy of the layer sizes n⁰ … nᴸ. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Returns nˡ, the number of neurons in layer l (0 is the input). */
    public int size(int l) {
        return sizes[l];
    }

    /** Returns L, the number of layers with weights (the input layer does not count). */
    public int layerCount() {
        return sizes.length - 1;
    }

    /** Returns the weight matrix wˡ, (nˡ×nˡ⁻¹), for l = 1 … L; the matrix itself, not a copy. */
    public Matrix weight(int l) {
        checkLayer(l);
        return weights[l];
    }

    /** Returns the bias column bˡ, (nˡ×1), for l = 1 … L; the matrix itself, not a copy. */
    public Matrix bias(int l) {
        checkLayer(l);
        return biases[l];
    }

    /** Returns the activation of layer l: the output activation for l = L, the hidden one otherwise. */
    public Activation activation(int l) {
        checkLayer(l);
        return l == layerCount() ? output : hidden;
    }

    public Activation hiddenActivation() {
        return hidden;
    }

    public Activation outputActivation() {
        return output;
    }

    public Cost cost() {
        return cost;
    }

    /** Returns the number of weights and biases, Σₗ nˡ(nˡ⁻¹ + 1): 23,860 for [784, 30, 10]. */
    public int parameterCount() {
        int count = 0;
        for (int l = 1; l < sizes.length; l++) {
            count += sizes[l] * (sizes[l - 1] + 1);
        }
        return count;
    }

    private void checkLayer(int l) {
        if (l < 1 || l > layerCount()) {
            throw new IndexOutOfBoundsException("layer " + l + " does not exist; layers with weights are 1.."
                    + layerCount());
        }
    }

    /**
     * Returns the output activation aᴸ for the input x, of shape (n⁰×m): one example per column,
     * so a single (n⁰×1) column gives one (nᴸ×1) output.
     */
    public Matrix feedforward(Matrix x) {
        checkInput("feedforward", x);
        Matrix a = x;
        for (int l = 1; l <= layerCount(); l++) {
            // z = wa + b, a = σ(z)
            a = activation(l).apply(weights[l].multiply(a).addColumn(biases[l]));
        }
        return a;
    }

    /** Returns the cost C of the outputs for x against the targets y, averaged over the columns. */
    public double cost(Matrix x, Matrix y) {
        checkInput("cost", x);
        Matrix a = x;
        Matrix z = null;
        for (int l = 1; l <= layerCount(); l++) {
            z = weights[l].multiply(a).addColumn(biases[l]);
            a = activation(l).apply(z);
        }
        return cost.value(z, a, y, output);
    }

    /** Throws IllegalArgumentException naming {@code operation} unless x has n⁰ rows. */
    public void checkInput(String operation, Matrix x) {
        if (x.rows() != sizes[0]) {
            throw new IllegalArgumentException(operation + ": input " + x.shape() + " has " + x.rows()
                    + " rows but the network's input layer has " + sizes[0]
                    + " neurons; pass one example per column");
        }
    }

    /** Returns a deep copy: the same sizes, functions and parameter values, in new matrices. */
    public Network copy() {
        Network copy = new Network(sizes, hidden, output, cost);
        copy.copyParametersFrom(this);
        return copy;
    }

    /** Overwrites every weight and bias with those of {@code other}, which must have the same sizes. */
    public void copyParametersFrom(Network other) {
        if (!Arrays.equals(sizes, other.sizes)) {
            throw new IllegalArgumentException("copyParametersFrom: sizes " + Arrays.toString(other.sizes)
                    + " differ from " + Arrays.toString(sizes));
        }
        for (int l = 1; l < sizes.length; l++) {
            System.arraycopy(other.weights[l].data(), 0, weights[l].data(), 0, weights[l].size());
            System.arraycopy(other.biases[l].data(), 0, biases[l].data(), 0, biases[l].size());
        }
    }

    @Override
    public String toString() {
        return "Network" + Arrays.toString(sizes) + " (" + hidden.name() + " hidden, " + output.name()
                + " output, " + cost.name() + " cost)";
    }
}
