package nabla.autograd;

import static org.junit.jupiter.api.Assertions.fail;

import nabla.core.Matrix;

/** Entry-by-entry comparison of matrices that reports the worst entry, not just true or false. */
final class MatrixAssertions {

    private MatrixAssertions() {
    }

    /**
     * Fails unless both shapes are equal and every entry satisfies
     * |expected − actual| ≤ absolute + relative·|expected|; the message names the worst entry.
     */
    static void assertClose(String description, Matrix expected, Matrix actual, double absolute, double relative) {
        if (!expected.sameShape(actual)) {
            fail(description + ": expected shape " + expected.shape() + " but was " + actual.shape());
        }
        double worstExcess = 0.0;
        int worstRow = -1;
        int worstCol = -1;
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.cols(); j++) {
                double e = expected.get(i, j);
                double a = actual.get(i, j);
                double excess = Math.abs(e - a) - (absolute + relative * Math.abs(e));
                if (!(excess <= 0.0) && (worstRow < 0 || !(excess <= worstExcess))) {
                    worstExcess = excess;
                    worstRow = i;
                    worstCol = j;
                }
            }
        }
        if (worstRow >= 0) {
            double e = expected.get(worstRow, worstCol);
            double a = actual.get(worstRow, worstCol);
            fail(String.format("%s: entry (%d, %d) of %s is %.17g, expected %.17g: error %.3g exceeds %.3g + %.3g·|expected|",
                    description, worstRow, worstCol, expected.shape(), a, e, Math.abs(e - a), absolute, relative));
        }
    }

    /** Returns max over entries of |a − b| / max(|a|, |b|), taking 0/0 as 0. */
    static double maxRelativeError(Matrix a, Matrix b) {
        a.requireSameShape("relative error", b);
        double worst = 0.0;
        for (int k = 0; k < a.size(); k++) {
            double x = a.data()[k];
            double y = b.data()[k];
            double scale = Math.max(Math.abs(x), Math.abs(y));
            if (x != y) {
                worst = Math.max(worst, Math.abs(x - y) / scale);
            }
        }
        return worst;
    }
}
