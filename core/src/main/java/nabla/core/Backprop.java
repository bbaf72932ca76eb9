package nabla.core;

/**
 * A way to compute the gradient of a network's cost over a batch of examples. The hand-coded
 * forms in this package implement it, and so can a user's own derivation, which the gradient
 * check then compares with the autodiff graph and finite differences.
 */
@FunctionalInterface
public interface Backprop {

    /**
     * Returns the errors δˡ and the gradient of the mean cost over the examples.
     *
     * @param network the network; not modified
     * @param x the inputs, (n⁰×m), one example per column
     * @param y the targets, (nᴸ×m)
     */
    Gradient gradient(Network network, Matrix x, Matrix y);
}
