package nabla.autograd;

import nabla.core.GraphOps;

/**
 * Records the graph operations of core's activations and costs as {@link Tensor} nodes, so that
 * {@code activation.expression(TensorOps.INSTANCE, z)} builds σ(z) in the graph and backward
 * differentiates it. Each method is the tensor operation of the same name.
 */
public final class TensorOps implements GraphOps<Tensor> {

    public static final TensorOps INSTANCE = new TensorOps();

    private TensorOps() {
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return a.add(b);
    }

    @Override
    public Tensor subtract(Tensor a, Tensor b) {
        return a.subtract(b);
    }

    @Override
    public Tensor multiply(Tensor a, Tensor b) {
        return a.multiply(b);
    }

    @Override
    public Tensor divide(Tensor a, Tensor b) {
        return a.divide(b);
    }

    @Override
    public Tensor negate(Tensor a) {
        return a.negate();
    }

    @Override
    public Tensor scale(Tensor a, double factor) {
        return a.scale(factor);
    }

    @Override
    public Tensor addScalar(Tensor a, double constant) {
        return a.addScalar(constant);
    }

    @Override
    public Tensor pow(Tensor a, double exponent) {
        return a.pow(exponent);
    }

    @Override
    public Tensor exp(Tensor a) {
        return a.exp();
    }

    @Override
    public Tensor log(Tensor a) {
        return a.log();
    }

    @Override
    public Tensor sigmoid(Tensor a) {
        return a.sigmoid();
    }

    @Override
    public Tensor tanh(Tensor a) {
        return a.tanh();
    }

    @Override
    public Tensor relu(Tensor a) {
        return a.relu();
    }

    @Override
    public Tensor softmax(Tensor a) {
        return a.softmax();
    }

    @Override
    public Tensor logSoftmax(Tensor a) {
        return a.logSoftmax();
    }

    @Override
    public Tensor sum(Tensor a) {
        return a.sum();
    }

    @Override
    public int columns(Tensor a) {
        return a.value().cols();
    }
}
