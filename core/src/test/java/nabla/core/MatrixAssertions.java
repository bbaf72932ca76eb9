package nabla.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import nabla.core.Tolerances.Tolerance;

/** Assertions on whole matrices that report the shape or the worst entry on failure. */
public final class MatrixAssertions {

    private MatrixAssertions() {
    }

    /** Asserts that {@code actual} is within {@code tolerance} of {@code expected}. */
    public static void assertClose(double expected, double actual, Tolerance tolerance, String label) {
        if (!tolerance.accepts(expected, actual)) {
            fail(label + " is " + actual + ", expected " + expected + "; the difference " + Math.abs(expected - actual)
                    + " exceeds the allowed " + tolerance.allowed(expected, actual) + " (" + tolerance + ")");
        }
    }

    /**
     * Asserts that both matrices have the same shape and that every entry of {@code actual} is
     * within {@code tolerance} of the entry of {@code expected} at the same position. The failure
     * names {@code label}, the entry whose error exceeds its bound the most, both values and the bound.
     */
    public static void assertClose(Matrix expected, Matrix actual, Tolerance tolerance, String label) {
        assertEquals(expected.shape(), actual.shape(), label + ": shape");

        int worstRow = -1;
        int worstColumn = -1;
        double worstExcess = 0.0;
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.cols(); j++) {
                double e = expected.get(i, j);
                double a = actual.get(i, j);
                double excess = Math.abs(e - a) - tolerance.allowed(e, a);
                // A NaN on either side never passes.
                if (excess > worstExcess || Double.isNaN(excess)) {
                    worstRow = i;
                    worstColumn = j;
                    worstExcess = Double.isNaN(excess) ? Double.POSITIVE_INFINITY : excess;
                }
            }
        }

        if (worstRow >= 0) {
            double e = expected.get(worstRow, worstColumn);
            double a = actual.get(worstRow, worstColumn);
            fail(label + ": entry (" + worstRow + ", " + worstColumn + ") is " + a + ", expected " + e
                    + "; the difference " + Math.abs(e - a) + " exceeds the allowed " + tolerance.allowed(e, a)
                    + " (" + tolerance + ")");
        }
    }
}
