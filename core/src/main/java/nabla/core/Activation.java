package nabla.core;

/**
 * An activation function σ, applied to the weighted input z of a layer to give its activation
 * a = σ(z).
 *
 * <p>An implementation supplies three views of the same function: its value, its hand-derived
 * derivative σ'(z) (used by BP1 and BP2 of the hand-coded backprop), and its expression in graph
 * operations (used by the autodiff engine). The gradient check compares the first two against
 * the third, so a wrong derivative shows up as a BP1 or BP2 disagreement.
 *
 * <p>Element-wise activations implement the two scalar methods; the matrix methods follow from
 * them. An activation that mixes entries, such as softmax, overrides the matrix methods and
 * returns false from {@link #isElementwise()}.
 */
public interface Activation {

    /** The name used on the command line and in saved models, such as {@code sigmoid}. */
    String name();

    /** σ(z) for one entry. */
    double value(double z);

    /** σ'(z) for one entry, derived by hand. */
    double derivative(double z);

    /** σ(z) written in graph operations, for the autodiff engine and the gradient check. */
    <T> T expression(GraphOps<T> ops, T z);

    /** Returns σ(z) for every entry of z as a new matrix. */
    default Matrix apply(Matrix z) {
        return z.map(this::value);
    }

    /** Returns σ'(z) for every entry of z as a new matrix. */
    default Matrix derivative(Matrix z) {
        return z.map(this::derivative);
    }

    /**
     * Returns σ'(z) for every entry of z as a new matrix, given also a = σ(z) of the same shape.
     * By default a is ignored. An activation whose derivative follows from its value, such as the
     * sigmoid's σ(1 − σ), overrides this to save recomputing σ.
     */
    default Matrix derivative(Matrix z, Matrix a) {
        return derivative(z);
    }

    /** True when σ acts on each entry alone, so that σ'(z) is a matrix of the shape of z. */
    default boolean isElementwise() {
        return true;
    }

    /**
     * True when σ has a kink within {@code step} of {@code z}, so that a finite difference of that
     * width across it measures no derivative. Smooth activations return false.
     */
    default boolean isNonDifferentiableNear(double z, double step) {
        return false;
    }
}
