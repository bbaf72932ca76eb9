package nabla.check;

import java.util.List;
import nabla.core.Matrix;

/** Builds {@link Comparison}s entry by entry. */
final class Comparisons {

    private Comparisons() {
    }

    /** Compares every entry of {@code actual} with the same entry of {@code expected} (equal shapes). */
    static Comparison againstMatrix(Matrix actual, Matrix expected, Tolerance tolerance) {
        Accumulator acc = new Accumulator(tolerance);
        for (int i = 0; i < actual.rows(); i++) {
            for (int j = 0; j < actual.cols(); j++) {
                acc.add(i, j, actual.get(i, j), expected.get(i, j));
            }
        }
        return acc.result(0);
    }

    /** Compares the entries of {@code actual} at the estimates' coordinates with the estimates. */
    static Comparison againstEstimates(Matrix actual, List<FiniteDifferences.Estimate> estimates, Tolerance tolerance) {
        Accumulator acc = new Accumulator(tolerance);
        int skipped = 0;
        for (FiniteDifferences.Estimate e : estimates) {
            if (e.nearKink()) {
                skipped++;
                continue;
            }
            int row = e.coordinate().row();
            int column = e.coordinate().column();
            acc.add(row, column, actual.get(row, column), e.derivative());
        }
        return acc.result(skipped);
    }

    /** Running maxima over the entries compared so far. */
    private static final class Accumulator {
        private final Tolerance tolerance;
        private int entries;
        private int failures;
        private double maxAbsolute;
        private double maxRelative;
        private double worstExcess = Double.NEGATIVE_INFINITY;
        private int worstRow = -1;
        private int worstColumn = -1;
        private double worstActual;
        private double worstExpected;

        Accumulator(Tolerance tolerance) {
            this.tolerance = tolerance;
        }

        void add(int row, int column, double actual, double expected) {
            entries++;
            double absolute = Math.abs(actual - expected);
            double relative = Tolerance.relativeError(actual, expected);
            boolean accepted = tolerance.accepts(actual, expected);
            if (!accepted) {
                failures++;
            }
            // NaN compares false everywhere, so it is recorded as infinitely bad explicitly.
            maxAbsolute = Double.isNaN(absolute) ? Double.POSITIVE_INFINITY : Math.max(maxAbsolute, absolute);
            maxRelative = Double.isNaN(relative) ? Double.POSITIVE_INFINITY : Math.max(maxRelative, relative);
            double allowed = tolerance.absolute() + tolerance.relative() * Math.max(Math.abs(actual), Math.abs(expected));
            double excess = Double.isNaN(absolute) ? Double.POSITIVE_INFINITY : absolute - allowed;
            if (excess > worstExcess) {
                worstExcess = excess;
                worstRow = row;
                worstColumn = column;
                worstActual = actual;
                worstExpected = expected;
            }
        }

        Comparison result(int skipped) {
            return new Comparison(entries, skipped, maxAbsolute, maxRelative, worstRow, worstColumn, worstActual,
                    worstExpected, failures, tolerance);
        }
    }
}
