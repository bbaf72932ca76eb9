package nabla.cli;

import java.util.Locale;

/**
 * The last line of {@code nabla train} and {@code nabla eval}, which scripts read:
 * {@code final test accuracy: 0.9080 (1816/2000)}.
 */
final class AccuracyLine {

    private AccuracyLine() {
    }

    /** Returns the line for {@code correct} of {@code total} test examples, without a line break. */
    static String format(int correct, int total) {
        double accuracy = total == 0 ? 0.0 : (double) correct / total;
        return String.format(Locale.ROOT, "final test accuracy: %.4f (%d/%d)", accuracy, correct, total);
    }
}
