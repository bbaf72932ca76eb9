package nabla.core;

/**
 * The operations from which an activation or a cost writes its expression, so that one
 * definition can be evaluated on plain matrices ({@link MatrixOps}) or recorded in an autodiff
 * graph. {@code T} is the value type: a {@link Matrix}, or a graph node.
 *
 * <p>Element-wise operations take operands of equal shape. {@link #sum} returns a (1×1) value.
 * {@link #softmax} and {@link #logSoftmax} work on each column.
 */
public interface GraphOps<T> {

    T add(T a, T b);

    T subtract(T a, T b);

    /** Element-wise product a ⊙ b. */
    T multiply(T a, T b);

    /** Element-wise quotient. */
    T divide(T a, T b);

    T negate(T a);

    /** Multiplies every entry by the constant {@code factor}. */
    T scale(T a, double factor);

    /** Adds the constant {@code constant} to every entry. */
    T addScalar(T a, double constant);

    /** Raises every entry to the constant power {@code exponent}. */
    T pow(T a, double exponent);

    T exp(T a);

    /** Natural logarithm of every entry. */
    T log(T a);

    T sigmoid(T a);

    T tanh(T a);

    /** max(0, a) for every entry. */
    T relu(T a);

    /** Softmax of each column, computed stably by subtracting the column maximum first. */
    T softmax(T a);

    /** Logarithm of the softmax of each column, computed stably. */
    T logSoftmax(T a);

    /** Sum of all entries, as a (1×1) value. */
    T sum(T a);

    /** Number of columns of {@code a}: the number of examples when they are stacked as columns. */
    int columns(T a);
}
