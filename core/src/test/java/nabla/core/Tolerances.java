package nabla.core;

/**
 * The tolerances of the core tests, each with the error it allows for.
 *
 * <p>A value passes when |expected − actual| ≤ absolute + relative · max(|expected|, |actual|).
 * The relative part scales with the values compared, and the absolute part keeps the bound
 * meaningful where both values are zero or nearly so.
 */
public final class Tolerances {

    /** A bound that combines an absolute and a relative error. */
    public record Tolerance(double relative, double absolute) {

        /** Returns true when {@code actual} is within this tolerance of {@code expected}. */
        public boolean accepts(double expected, double actual) {
            return Math.abs(expected - actual) <= allowed(expected, actual);
        }

        /** Returns the largest difference this tolerance allows between the two values. */
        public double allowed(double expected, double actual) {
            return absolute + relative * Math.max(Math.abs(expected), Math.abs(actual));
        }
    }

    /**
     * Two computations that apply one IEEE 754 operation to each entry, such as an element-wise
     * sum against Commons Math: both round the same exact result, so they must agree exactly.
     * Unlike {@link Matrix#equals}, this takes 0.0 and −0.0 as equal.
     */
    public static final Tolerance EXACT = new Tolerance(0.0, 0.0);

    /**
     * Two computations of the same formula in a different order, such as the mini-batch backprop
     * against the mean of per-example backprops, or a product against Commons Math. Each sums at
     * most a few dozen terms, so the orders differ by a few dozen roundings of 2⁻⁵³ ≈ 1.1e-16
     * relative to the largest term: far below 1e-12 unless the terms cancel. The absolute 1e-14
     * covers entries that cancel to nearly zero, for terms up to about 10.
     */
    public static final Tolerance SAME_FORMULA = new Tolerance(1e-12, 1e-14);

    /**
     * The step h of the central differences (f(θ + h) − f(θ − h)) / 2h. Their truncation error
     * is h²/6 · f'''(θ), about 2e-11 · f''' at h = 1e-5. Their rounding error is about
     * ε · |f| / h ≈ 1e-11 · |f|, with ε = 2⁻⁵³. The sum of the two is smallest at
     * h = (3ε · |f| / |f'''|)^(1/3), which is about 7e-6 when |f| and |f'''| are alike.
     */
    public static final double FINITE_DIFFERENCE_STEP = 1e-5;

    /**
     * A hand-derived derivative against central differences at step {@link #FINITE_DIFFERENCE_STEP}.
     * With the two errors above, a cost near 1 gives about 1e-10, and a quadratic cost of 200
     * after a linear output still gives under 1e-8 (ε · 200 / h ≈ 2e-9). The relative 1e-6 is far
     * above that for any derivative larger than 1e-2. The absolute 1e-8 lets derivatives that are
     * nearly zero, such as those of saturated sigmoids, pass on their absolute error.
     */
    public static final Tolerance FINITE_DIFFERENCE = new Tolerance(1e-6, 1e-8);

    private Tolerances() {
    }
}
