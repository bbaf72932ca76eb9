package nabla.train;

/**
 * Thrown by {@link Sgd} when training produces a value that is NaN or infinite: a gradient entry,
 * a weight or bias after an update, or the cost on the test set. The message names the epoch, the
 * mini-batch, the quantity and the layer, and suggests a smaller learning rate η.
 *
 * <p>When the gradient or the update of a mini-batch is the first non-finite value, the network
 * keeps the parameters it had before that mini-batch, all finite.
 */
public class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int miniBatch;

    /**
     * Creates the exception for mini-batch {@code miniBatch} (counting from 1) of epoch
     * {@code epoch}; {@code detail} names the non-finite quantity and where it sits.
     */
    public TrainingDivergedException(int epoch, int miniBatch, int miniBatches, double learningRate,
            String detail) {
        super("training diverged in epoch " + epoch + ", mini-batch " + miniBatch + " of " + miniBatches
                + ": " + detail + "; try a smaller learning rate η than " + learningRate);
        this.epoch = epoch;
        this.miniBatch = miniBatch;
    }

    /** Returns the epoch in which a non-finite value appeared, counting from 1. */
    public int epoch() {
        return epoch;
    }

    /** Returns the mini-batch of that epoch after which a non-finite value appeared, counting from 1. */
    public int miniBatch() {
        return miniBatch;
    }
}
