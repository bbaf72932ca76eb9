package nabla.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 *
 * <p>One generator, seeded once per run, draws every epoch's shuffle, so the same seed, data and
 * options give bit-identical weights on every run. Training stops with
 * {@link TrainingDivergedException} as soon as a gradient, an updated parameter or the test cost
 * is NaN or infinite.
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
     * @throws TrainingDivergedException if a value becomes NaN or infinite
     */
    public List<EpochResult> train(Network network, Dataset training, Dataset test, SgdOptions options,
            TrainingListener listener) {
        return train(network, training, test, options, 0, listener);
    }

    /**
     * Continues training {@code network} in place after {@code epochsCompleted} epochs of a run
     * with the same options and training set, up to {@code options.epochs()} epochs in all, and
     * returns the results of the epochs trained now. The shuffles of the completed epochs are
     * replayed first, so the result is bit-identical to an uninterrupted run.
     *
     * @throws IllegalArgumentException if the data does not fit the network, or if
     *     {@code epochsCompleted} is negative or leaves no epoch to train
     * @throws TrainingDivergedException if a value becomes NaN or infinite
     */
    public List<EpochResult> train(Network network, Dataset training, Dataset test, SgdOptions options,
            int epochsCompleted, TrainingListener listener) {
        Objects.requireNonNull(listener, "listener: pass a TrainingListener, such as new TrainingListener() {}");
        checkFits(network, training);
        checkFits(network, test);
        if (epochsCompleted < 0 || epochsCompleted >= options.epochs()) {
            throw new IllegalArgumentException("epochs completed " + epochsCompleted + " with epochs "
                    + options.epochs() + ": expected 0 to " + (options.epochs() - 1)
                    + ", so that at least one epoch is left to train");
        }
        RandomGenerator random = new Well19937c(options.seed());
        int[] order = training.identityOrder();
        for (int epoch = 1; epoch <= epochsCompleted; epoch++) {
            shuffle(order, random);
        }
        int outputs = network.size(network.layerCount());
        int miniBatches = (order.length + options.batchSize() - 1) / options.batchSize();
        DivergenceWatch watch = new DivergenceWatch(options.learningRate(), options.weightDecay(), order.length,
                miniBatches);
        List<EpochResult> results = new ArrayList<>();
        // One buffer for the inputs of every full mini-batch, so that training allocates no images.
        Matrix inputs = Matrix.zeros(network.size(0), Math.min(options.batchSize(), order.length));

        for (int epoch = epochsCompleted + 1; epoch <= options.epochs(); epoch++) {
            long start = System.nanoTime();
            shuffle(order, random);
            int miniBatch = 0;
            for (int from = 0; from < order.length; from += options.batchSize()) {
                int to = Math.min(from + options.batchSize(), order.length);
                miniBatch++;
                Matrix x = to - from == inputs.cols() ? training.inputs(order, from, to, inputs)
                        : training.inputs(order, from, to);
                Matrix y = training.targets(order, from, to, outputs);
                Gradient gradient = backprop.gradient(network, x, y);
                watch.check(network, gradient, epoch, miniBatch);
                update(network, gradient, options.learningRate(), options.weightDecay(), order.length);
                listener.batchFinished(epoch, to, order.length);
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            Evaluation evaluation = evaluate(network, test, true);
            watch.checkCost(evaluation.cost(), test.name(), epoch);
            EpochResult result = new EpochResult(epoch, evaluation.correct(), test.size(), seconds);
            results.add(result);
            listener.epochFinished(result);
        }
        return results;
    }

    /** Applies one gradient step: w ← w − η·∂C/∂w and b ← b − η·∂C/∂b for every layer. */
    public static void update(Network network, Gradient gradient, double learningRate) {
        update(network, gradient, learningRate, 0.0, 1);
    }

    /**
     * Applies one gradient step with L2 weight decay, the gradient step of the regularized cost
     * C + (λ/2n) Σ w²: w ← (1 − ηλ/n)·w − η·∂C/∂w and b ← b − η·∂C/∂b for every layer.
     *
     * @param weightDecay λ, 0 or more
     * @param trainingExamples n, the size of the training set
     */
    public static void update(Network network, Gradient gradient, double learningRate, double weightDecay,
            int trainingExamples) {
        double shrink = 1.0 - learningRate * weightDecay / trainingExamples;
        for (int l = 1; l <= network.layerCount(); l++) {
            if (weightDecay != 0.0) {
                // w ← (1 − ηλ/n)·w, the derivative of (λ/2n) Σ w² taken into the step
                network.weight(l).scaleInPlace(shrink);
            }
            network.weight(l).addScaledInPlace(gradient.nablaW(l), -learningRate);
            network.bias(l).addScaledInPlace(gradient.nablaB(l), -learningRate);
        }
    }

    /** Returns how many examples of {@code data} the network classifies right (argmax of aᴸ). */
    public static int correct(Network network, Dataset data) {
        return evaluate(network, data, false).correct();
    }

    /** The examples classified right and the mean cost C over a dataset; the cost is 0 for no examples. */
    private record Evaluation(int correct, double cost) {
    }

    /** Evaluates the network on {@code data}; the cost needs one output neuron per class at least. */
    private static Evaluation evaluate(Network network, Dataset data, boolean withCost) {
        int[] order = data.identityOrder();
        int outputs = network.size(network.layerCount());
        int correct = 0;
        double costSum = 0.0;
        Matrix inputs = Matrix.zeros(data.inputSize(), Math.min(EVALUATION_CHUNK, order.length));
        for (int from = 0; from < order.length; from += EVALUATION_CHUNK) {
            int to = Math.min(from + EVALUATION_CHUNK, order.length);
            Matrix x = to - from == inputs.cols() ? data.inputs(order, from, to, inputs) : data.inputs(order, from, to);
            Matrix output = network.feedforward(x);
            if (withCost) {
                // Cost.value is a mean over the chunk's columns; weigh it by the chunk size for the overall mean.
                costSum += network.cost().value(output, data.targets(order, from, to, outputs)) * (to - from);
            }
            int[] predicted = output.columnArgmax();
            int[] labels = data.labels(order, from, to);
            for (int j = 0; j < predicted.length; j++) {
                if (predicted[j] == labels[j]) {
                    correct++;
                }
            }
        }
        return new Evaluation(correct, order.length == 0 ? 0.0 : costSum / order.length);
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
