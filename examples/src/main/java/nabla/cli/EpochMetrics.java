package nabla.cli;

/**
 * The figures of one epoch that {@code nabla train --metrics} and {@code --plot} report.
 *
 * @param epoch the epoch number, counting from 1
 * @param correct test examples classified right
 * @param total test examples evaluated
 * @param trainingCost the mean cost C over the whole training set, evaluated after the epoch's last
 *     update, without the weight-decay term
 * @param seconds wall-clock time of the epoch's training, without any evaluation
 */
record EpochMetrics(int epoch, int correct, int total, double trainingCost, double seconds) {

    /** Returns correct / total, or 0 when nothing was evaluated. */
    double testAccuracy() {
        return total == 0 ? 0.0 : (double) correct / total;
    }
}
