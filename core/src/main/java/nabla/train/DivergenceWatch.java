package nabla.train;

import nabla.core.Gradient;
import nabla.core.Matrix;
import nabla.core.Network;

/**
 * Checks that training stays finite, and throws {@link TrainingDivergedException} naming the
 * epoch, the mini-batch and the first non-finite entry otherwise.
 *
 * <p>The gradient and the update are checked before the update is applied, so a network that
 * diverges keeps its last finite parameters. The cost is not computed per mini-batch, which
 * would take one more forward pass each; a non-finite output aᴸ makes the gradient non-finite
 * in the same mini-batch, and the cost on the test set is checked after every epoch.
 */
final class DivergenceWatch {

    private final double learningRate;
    private final int miniBatches;
    /** The factor 1 − ηλ/n by which weight decay multiplies the weights at each step. */
    private final double shrink;

    /** Creates a watch for epochs of {@code miniBatches} mini-batches trained with η = {@code learningRate}. */
    DivergenceWatch(double learningRate, int miniBatches) {
        this(learningRate, 0.0, 1, miniBatches);
    }

    /** Creates a watch for a run with weight decay λ over n training examples. */
    DivergenceWatch(double learningRate, double weightDecay, int trainingExamples, int miniBatches) {
        this.learningRate = learningRate;
        this.miniBatches = miniBatches;
        this.shrink = 1.0 - learningRate * weightDecay / trainingExamples;
    }

    /**
     * Throws unless the gradient and the update it makes are finite: one fast pass over every
     * parameter, then, only when it finds a non-finite value, {@link #checkGradient} and
     * {@link #checkUpdate} to name it. The fast pass costs about as much as the update itself.
     */
    void check(Network network, Gradient gradient, int epoch, int miniBatch) {
        boolean finite = true;
        for (int l = 1; l <= network.layerCount(); l++) {
            finite &= network.weight(l).stepStaysFinite(shrink, gradient.nablaW(l), -learningRate);
            finite &= network.bias(l).stepStaysFinite(1.0, gradient.nablaB(l), -learningRate);
        }
        if (!finite) {
            checkGradient(gradient, epoch, miniBatch);
            checkUpdate(network, gradient, epoch, miniBatch);
        }
    }

    /** Throws unless every entry of ∂C/∂bˡ and ∂C/∂wˡ is finite, for every layer l. */
    void checkGradient(Gradient gradient, int epoch, int miniBatch) {
        for (int l = 1; l <= gradient.layerCount(); l++) {
            checkFinite(gradient.nablaW(l), "the gradient ∂C/∂w of layer " + l, epoch, miniBatch);
            checkFinite(gradient.nablaB(l), "the gradient ∂C/∂b of layer " + l, epoch, miniBatch);
        }
    }

    /**
     * Throws unless the update w ← (1 − ηλ/n)·w − η·∂C/∂w, b ← b − η·∂C/∂b keeps every weight
     * and bias finite. Computes each new value as {@link Sgd#update} does, but modifies nothing.
     */
    void checkUpdate(Network network, Gradient gradient, int epoch, int miniBatch) {
        for (int l = 1; l <= network.layerCount(); l++) {
            checkStep(network.weight(l), gradient.nablaW(l), shrink, "the weights of layer " + l, epoch, miniBatch);
            checkStep(network.bias(l), gradient.nablaB(l), 1.0, "the biases of layer " + l, epoch, miniBatch);
        }
    }

    /** Throws unless the cost on the test set after {@code epoch} is finite. */
    void checkCost(double cost, String dataName, int epoch) {
        if (!Double.isFinite(cost)) {
            throw new TrainingDivergedException(epoch, miniBatches, miniBatches, learningRate,
                    "after this epoch's last mini-batch the cost on " + dataName + " is " + cost);
        }
    }

    private void checkFinite(Matrix m, String subject, int epoch, int miniBatch) {
        double[] values = m.data();
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new TrainingDivergedException(epoch, miniBatch, miniBatches, learningRate,
                        subject + " " + m.shape() + " is " + values[k] + " at " + entry(m, k));
            }
        }
    }

    private void checkStep(Matrix parameters, Matrix nabla, double scale, String subject, int epoch, int miniBatch) {
        double[] values = parameters.data();
        double[] gradient = nabla.data();
        double factor = -learningRate;
        for (int k = 0; k < values.length; k++) {
            // The value Sgd.update writes: (1 − ηλ/n)·w − η·g for weights, b − η·g for biases
            double updated = scale * values[k] + factor * gradient[k];
            if (!Double.isFinite(updated)) {
                throw new TrainingDivergedException(epoch, miniBatch, miniBatches, learningRate,
                        "the update would make " + subject + " " + parameters.shape() + " " + updated + " at "
                                + entry(parameters, k) + " (value " + values[k] + ", gradient " + gradient[k] + ")");
            }
        }
    }

    private static String entry(Matrix m, int index) {
        return "entry (" + index / m.cols() + ", " + index % m.cols() + ")";
    }
}
