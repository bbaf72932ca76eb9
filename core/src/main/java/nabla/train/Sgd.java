package nabla.train;

import java.util.ArrayList;
import java.util.List;
import nabla.core.Backprop;
import nabla.core.Gradient;
import nabla.core.Matrix;
import nabla.core.Network;
import nabla.data.Dataset;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Mini-batch stochastic gradient descent, as in Nielsen's {@code network.py}: before each epoch
 * the training set is shuffled, then cut into mini-batches of B examples, and each mini-batch
 * moves every weight and bias against its gradient, w ← w − η·∂C/∂w and b ← b − η·∂C/∂b, where
 * C is the mean cost over the mini-batch. After each epoch the network is evaluated on the test
 * set.
 */
public final class Sgd {

    /** Examples per forward pass when evaluating: 0.6 MiB of inputs for 784-pixel images. */
    private static final int EVALUATION_CHUNK = 100;

    private final Backprop backprop;

    /** Creates a trainer that takes its gradients from {@code backprop}. */
    public Sgd(Backprop backprop) {
        this.backprop = backprop;
    }

    /**
     * Trains {@code network} in place and returns the result of every epoch.
     *
     * @throws IllegalArgumentException if the data does not fit the network
     */
    public List<EpochResult> train(Network network, Dataset training, Dataset test, SgdOptions options,
            TrainingListener listener) {
        checkFits(network, training);
        checkFits(network, test);
        RandomGenerator random = new Well19937c(options.seed());
        int[] order = training.identityOrder();
        int outputs = network.size(network.layerCount());
        List<EpochResult> results = new ArrayList<>();
        // One buffer for the inputs of every full mini-batch, so that training allocates no images.
        Matrix inputs = Matrix.zeros(network.size(0), Math.min(options.batchSize(), order.length));

        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            long start = System.nanoTime();
            shuffle(order, random);
            for (int from = 0; from < order.length; from += options.batchSize()) {
                int to = Math.min(from + options.batchSize(), order.length);
                Matrix x = to - from == inputs.cols() ? training.inputs(order, from, to, inputs)
                        : training.inputs(order, from, to);
                Matrix y = training.targets(order, from, to, outputs);
                update(network, backprop.gradient(network, x, y), options.learningRate());
                listener.batchFinished(epoch, to, order.length);
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            EpochResult result = new EpochResult(epoch, correct(network, test), test.size(), seconds);
            results.add(result);
            listener.epochFinished(result);
        }
        return results;
    }

    /** Applies one gradient step: w ← w − η·∂C/∂w and b ← b − η·∂C/∂b for every layer. */
    public static void update(Network network, Gradient gradient, double learningRate) {
        for (int l = 1; l <= network.layerCount(); l++) {
            network.weight(l).addScaledInPlace(gradient.nablaW(l), -learningRate);
            network.bias(l).addScaledInPlace(gradient.nablaB(l), -learningRate);
        }
    }

    /** Returns how many examples of {@code data} the network classifies right (argmax of aᴸ). */
    public static int correct(Network network, Dataset data) {
        int[] order = data.identityOrder();
        int correct = 0;
        Matrix inputs = Matrix.zeros(data.inputSize(), Math.min(EVALUATION_CHUNK, order.length));
        for (int from = 0; from < order.length; from += EVALUATION_CHUNK) {
            int to = Math.min(from + EVALUATION_CHUNK, order.length);
            Matrix x = to - from == inputs.cols() ? data.inputs(order, from, to, inputs) : data.inputs(order, from, to);
            int[] predicted = network.feedforward(x).columnArgmax();
            int[] labels = data.labels(order, from, to);
            for (int j = 0; j < predicted.length; j++) {
                if (predicted[j] == labels[j]) {
                    correct++;
                }
            }
        }
        return correct;
    }

    /** Fisher–Yates shuffle in place. */
    static void shuffle(int[] order, RandomGenerator random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private static void checkFits(Network network, Dataset data) {
        if (data.inputSize() != network.size(0)) {
            throw new IllegalArgumentException(data.name() + " has images of " + data.inputSize()
                    + " pixels but the network's input layer has " + network.size(0)
                    + " neurons; make the first size " + data.inputSize());
        }
        int outputs = network.size(network.layerCount());
        if (outputs < data.classes()) {
            throw new IllegalArgumentException("the output layer has " + outputs + " neurons but "
                    + data.name() + " has " + data.classes() + " classes; make the last size at least "
                    + data.classes());
        }
    }
}
