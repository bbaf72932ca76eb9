package nabla.core;

/**
 * A cost function C(a, y) of the output activation a and the target y, averaged over the
 * examples, which are stacked as columns.
 *
 * <p>An implementation supplies its value, its hand-derived gradient ∇ₐC for each example, and
 * its expression in graph operations. BP1 uses {@link #outputError}, which by default is
 * δᴸ = ∇ₐC ⊙ σ'(zᴸ); a cost whose pairing with an output activation simplifies δᴸ (cross-entropy
 * after sigmoid, log-likelihood after softmax: δᴸ = a − y) overrides it.
 */
public interface Cost {

    /** The name used on the command line and in saved models, such as {@code quadratic}. */
    String name();

    /** Returns C = (1/m) Σₓ Cₓ(a, y) over the m columns of a and y. */
    double value(Matrix a, Matrix y);

    /** Returns ∇ₐCₓ for each example as a matrix of the shape of a (the per-example gradient). */
    Matrix gradient(Matrix a, Matrix y);

    /** C written in graph operations: the mean over columns of the per-example cost. */
    <T> T expression(GraphOps<T> ops, T a, T y);

    /**
     * Returns the output error δᴸ for each example (BP1), of the shape of zᴸ.
     *
     * @param z the weighted input zᴸ of the output layer, (nᴸ×m)
     * @param a the output activation aᴸ = σ(zᴸ), (nᴸ×m)
     * @param y the targets, (nᴸ×m)
     * @param output the output activation function
     */
    default Matrix outputError(Matrix z, Matrix a, Matrix y, Activation output) {
        if (!output.isElementwise()) {
            throw new IllegalArgumentException("cost " + name() + " cannot follow the "
                    + output.name() + " output: its σ'(z) is not element-wise, so BP1 needs a cost "
                    + "with a δᴸ shortcut for it, such as log-likelihood after softmax");
        }
        // BP1: δᴸ = ∇ₐC ⊙ σ'(zᴸ)
        return gradient(a, y).hadamard(output.derivative(z));
    }

    /**
     * Returns C computed from the output layer's weighted input zᴸ as well as its activation
     * aᴸ = σ(zᴸ). A cost overrides this where zᴸ gives a more accurate value than aᴸ: ln(1 − a)
     * after a saturated sigmoid, for one, loses every digit once a rounds to 1. Finite differences
     * of the cost need that accuracy. By default it returns {@link #value(Matrix, Matrix)}.
     */
    default double value(Matrix z, Matrix a, Matrix y, Activation output) {
        return value(a, y);
    }

    /**
     * C written in graph operations from zᴸ as well as aᴸ, for the same reason as
     * {@link #value(Matrix, Matrix, Matrix, Activation)}: a stable form keeps the autodiff graph
     * finite where aᴸ saturates. By default it returns {@link #expression(GraphOps, Object, Object)}.
     */
    default <T> T expression(GraphOps<T> ops, T z, T a, T y, Activation output) {
        return expression(ops, a, y);
    }

    /** True when {@link #outputError} can follow {@code output}. */
    default boolean supportsOutput(Activation output) {
        return output.isElementwise();
    }
}
