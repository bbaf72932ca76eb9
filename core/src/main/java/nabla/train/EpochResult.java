package nabla.train;

/**
 * What one epoch of training achieved.
 *
 * @param epoch the epoch number, counting from 1
 * @param correct test examples whose largest output is at their label
 * @param total test examples evaluated
 * @param seconds wall-clock time of the epoch's training, without the evaluation
 */
public record EpochResult(int epoch, int correct, int total, double seconds) {

    /** Returns correct / total, or 0 when nothing was evaluated. */
    public double accuracy() {
        return total == 0 ? 0.0 : (double) correct / total;
    }
}
