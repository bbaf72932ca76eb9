package nabla.check;

/**
 * When two values count as equal: |a − b| ≤ absolute + relative · max(|a|, |b|). The absolute
 * part keeps the test meaningful where both values are near zero, where a relative error alone
 * would compare rounding noise with rounding noise.
 *
 * @param absolute the absolute floor
 * @param relative the relative bound
 */
public record Tolerance(double absolute, double relative) {

    /**
     * Hand-coded backprop against the autodiff graph. Both evaluate the same analytical gradient
     * and differ only in the order of floating-point operations, which costs a few ulps per
     * operation: a relative 1e-9 is about a million times the unit roundoff and still far below
     * any real mistake, which changes values by a factor or a term. The absolute floor is scaled
     * by the largest entry of the quantity (see {@link #scaledBy}), so that entries that cancel
     * to nearly zero are judged against the size of the quantity, not against themselves.
     */
    public static final Tolerance ANALYTIC = new Tolerance(1e-12, 1e-9);

    /**
     * An analytical gradient against central differences with the default step h = 1e-5: the
     * truncation and rounding errors are each near 1e-11 for costs of order 1 (see
     * {@link CheckOptions#DEFAULT_CENTRAL_STEP}), so a relative 1e-6 with an absolute floor of
     * 1e-8 leaves a margin of about a thousand while still failing any wrong term or factor. The
     * checker scales the floor by |C| where |C| exceeds 1, because the rounding error does.
     */
    public static final Tolerance CENTRAL_DIFFERENCES = new Tolerance(1e-8, 1e-6);

    /**
     * An analytical gradient against forward differences, whose O(h) truncation error is about
     * 1e-8·|C''| with the default step h = 1e-7, hence bounds a thousand times wider than for
     * central differences.
     */
    public static final Tolerance FORWARD_DIFFERENCES = new Tolerance(1e-5, 1e-3);

    public Tolerance {
        if (!(absolute >= 0.0) || !(relative >= 0.0)) {
            throw new IllegalArgumentException("tolerance " + absolute + " absolute, " + relative
                    + " relative: both must be zero or positive numbers");
        }
    }

    /** The tolerance for comparing against the given finite-difference method. */
    public static Tolerance forDifferences(Differences differences) {
        return differences == Differences.CENTRAL ? CENTRAL_DIFFERENCES : FORWARD_DIFFERENCES;
    }

    /** Returns this tolerance with its absolute floor multiplied by {@code scale} (if above 1). */
    public Tolerance scaledBy(double scale) {
        return new Tolerance(absolute * Math.max(1.0, scale), relative);
    }

    /** Returns true when a and b are equal within this tolerance; NaN never is. */
    public boolean accepts(double a, double b) {
        double error = Math.abs(a - b);
        return error <= absolute + relative * Math.max(Math.abs(a), Math.abs(b));
    }

    /** Returns the relative error |a − b| / max(|a|, |b|, tiny), with tiny the smallest normal double. */
    public static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), Double.MIN_NORMAL);
    }
}
