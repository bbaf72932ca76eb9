package nabla.train;

/**
 * Settings of mini-batch stochastic gradient descent.
 *
 * <p>Each setting has its own check, which the constructor applies and a caller that reads the
 * settings one by one (such as the command line) can apply to name the setting that is wrong.
 *
 * @param epochs the number of passes over the training set, at least 1
 * @param batchSize B, the number of examples per mini-batch, at least 1; the last mini-batch of
 *     an epoch contains the remainder and may be smaller
 * @param learningRate η, the step size of w ← w − η·∂C/∂w; finite and positive
 * @param seed seeds the shuffle of the training set before each epoch
 * @param weightDecay λ, the L2 regularization parameter: each step also shrinks every weight by
 *     the factor 1 − ηλ/n, where n is the size of the training set, as in Nielsen's
 *     {@code network2.py}; 0 turns it off, and biases are never decayed
 */
public record SgdOptions(int epochs, int batchSize, double learningRate, long seed, double weightDecay) {

    public SgdOptions {
        checkEpochs(epochs);
        checkBatchSize(batchSize);
        checkLearningRate(learningRate);
        checkWeightDecay(weightDecay);
    }

    /** Creates options without weight decay (λ = 0). */
    public SgdOptions(int epochs, int batchSize, double learningRate, long seed) {
        this(epochs, batchSize, learningRate, seed, 0.0);
    }

    /** Throws IllegalArgumentException unless λ is a finite number of at least 0; NaN is rejected. */
    public static void checkWeightDecay(double weightDecay) {
        if (!(weightDecay >= 0.0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay λ = " + weightDecay
                    + ": it must be a finite number of at least 0, such as 5.0, or 0 for none");
        }
    }

    /** Throws IllegalArgumentException unless {@code epochs} is at least 1. */
    public static void checkEpochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs " + epochs + ": train for at least 1 epoch");
        }
    }

    /** Throws IllegalArgumentException unless {@code batchSize} is at least 1. */
    public static void checkBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + ": a mini-batch needs at least 1 example");
        }
    }

    /** Throws IllegalArgumentException unless η is a finite number greater than 0; NaN is rejected. */
    public static void checkLearningRate(double learningRate) {
        if (!(learningRate > 0.0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate η = " + learningRate
                    + ": it must be a finite number greater than 0, such as 3.0");
        }
    }
}
