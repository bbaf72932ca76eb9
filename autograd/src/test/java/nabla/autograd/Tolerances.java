package nabla.autograd;

/**
 * Every tolerance of the autograd tests, with what it protects against. An entry passes when
 * |expected − actual| ≤ absolute + relative·|expected|, so an expected zero is safe.
 */
final class Tolerances {

    /**
     * The finite-difference step h. Central differences err by about h²·|f'''|/6 (truncation) plus
     * ε·|f|/h (rounding, ε ≈ 1.1e-16); with the entries generated here (|x| ≤ 3, shapes up to 4×4)
     * both stay near 1e-9, far below the tolerance, while a wrong rule is off by O(1).
     */
    static final double STEP = 1e-5;

    /** Absolute and relative bounds of backward against central finite differences. */
    static final double FINITE_DIFFERENCE_ABSOLUTE = 1e-6;
    static final double FINITE_DIFFERENCE_RELATIVE = 1e-6;

    /**
     * Backward against Commons Math's DerivativeStructure: both are exact formulas evaluated in
     * double precision, so they differ by rounding alone; 1e-12 leaves room for the cancellation in
     * 1 − σ(x) for |x| ≤ 6 while a wrong derivative is off by far more.
     */
    static final double ORACLE_ABSOLUTE = 1e-12;
    static final double ORACLE_RELATIVE = 1e-12;

    /**
     * The graph against the hand-coded backprop: the same arithmetic in another order, so the
     * results differ by rounding (about 1e-15 relative); the spec's bound for one SGD step.
     */
    static final double ENGINE_RELATIVE = 1e-10;

    /**
     * Absolute floor for engine comparisons of gradients that can be near zero, where relative
     * error means nothing: gradient entries here are O(1e-3) to O(1), and rounding leaves about
     * 1e-17 of absolute error in them.
     */
    static final double ENGINE_ABSOLUTE = 1e-13;

    private Tolerances() {
    }
}
