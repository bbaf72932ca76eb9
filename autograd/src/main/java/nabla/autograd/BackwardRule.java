package nabla.autograd;

import nabla.core.Matrix;

/**
 * The local step of the chain rule for one operation: given g = ∂root/∂out, the gradient that
 * reached the operation's output, it adds ∂root/∂p = g · ∂out/∂p to the gradient of each parent p
 * that requires one. The rules of every operation stand together in {@link Derivatives}.
 */
@FunctionalInterface
interface BackwardRule {

    /**
     * @param out the node whose value the operation computed; its parents are the operands
     * @param g ∂root/∂out, of the shape of {@code out}; not modified
     */
    void propagate(Tensor out, Matrix g);
}
