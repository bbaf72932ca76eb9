package nabla.check;

/** The outcome for one quantity at one layer. */
public enum Verdict {
    /** Every comparison passed. */
    AGREES,
    /** A value comparison failed, and the quantities this one is computed from agree. */
    DISAGREES,
    /** A value comparison failed, but so did a quantity this one is computed from (an earlier step). */
    INHERITS_ERROR,
    /** The implementation under test returned a matrix of the wrong shape. */
    SHAPE_MISMATCH,
    /** The implementation under test returned nothing for this quantity. */
    MISSING,
    /** The implementation under test threw before computing this quantity. */
    NOT_COMPUTED;

    /** True for the verdicts that count against the implementation under test. */
    public boolean isFailure() {
        return this != AGREES;
    }
}
