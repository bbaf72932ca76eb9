package nabla.core;

/**
 * The weighted inputs zˡ and activations aˡ of every layer for a batch of examples, as the
 * backward pass needs them. a⁰ is the input x.
 */
public final class ForwardPass {

    private final Network network;
    private final Matrix[] z;
    private final Matrix[] activations;

    ForwardPass(Network network, Matrix[] z, Matrix[] activations) {
        this.network = network;
        this.z = z;
        this.activations = activations;
    }

    public Network network() {
        return network;
    }

    /** Returns zˡ = wˡaˡ⁻¹ + bˡ, (nˡ×m), for l = 1 … L. */
    public Matrix z(int l) {
        if (l < 1 || l >= z.length) {
            throw new IndexOutOfBoundsException("z" + l + " does not exist; weighted inputs are z1..z" + (z.length - 1));
        }
        return z[l];
    }

    /** Returns aˡ = σ(zˡ), (nˡ×m), for l = 0 … L, where a⁰ is the input. */
    public Matrix activation(int l) {
        return activations[l];
    }

    /** Returns m, the number of examples: the number of columns of the input. */
    public int batchSize() {
        return activations[0].cols();
    }

    /** Returns L, the number of layers with weights. */
    public int layerCount() {
        return z.length - 1;
    }
}
