package nabla.train;

/**
 * Receives progress while {@link Sgd} trains. The library prints nothing itself; a command-line
 * program turns these calls into output. Every method does nothing by default.
 */
public interface TrainingListener {

    /** Called after each mini-batch with the examples done so far in this epoch. */
    default void batchFinished(int epoch, int examplesDone, int examplesTotal) {
    }

    /** Called after each epoch's evaluation on the test set. */
    default void epochFinished(EpochResult result) {
    }
}
