package nabla.core;

/** Evaluates graph expressions directly on matrices, with no graph and no gradients. */
public final class MatrixOps implements GraphOps<Matrix> {

    public static final MatrixOps INSTANCE = new MatrixOps();

    private MatrixOps() {
    }

    @Override
    public Matrix add(Matrix a, Matrix b) {
        return a.add(b);
    }

    @Override
    public Matrix subtract(Matrix a, Matrix b) {
        return a.subtract(b);
    }

    @Override
    public Matrix multiply(Matrix a, Matrix b) {
        return a.hadamard(b);
    }

    @Override
    public Matrix divide(Matrix a, Matrix b) {
        return a.zipWith("divide", b, (x, y) -> x / y);
    }

    @Override
    public Matrix negate(Matrix a) {
        return a.scale(-1.0);
    }

    @Override
    public Matrix scale(Matrix a, double factor) {
        return a.scale(factor);
    }

    @Override
    public Matrix addScalar(Matrix a, double constant) {
        return a.map(x -> x + constant);
    }

    @Override
    public Matrix pow(Matrix a, double exponent) {
        return a.map(x -> Math.pow(x, exponent));
    }

    @Override
    public Matrix exp(Matrix a) {
        return a.map(Math::exp);
    }

    @Override
    public Matrix log(Matrix a) {
        return a.map(Math::log);
    }

    @Override
    public Matrix sigmoid(Matrix a) {
        return a.map(Activations::sigmoid);
    }

    @Override
    public Matrix tanh(Matrix a) {
        return a.map(Math::tanh);
    }

    @Override
    public Matrix relu(Matrix a) {
        return a.map(x -> x > 0.0 ? x : 0.0);
    }

    @Override
    public Matrix softmax(Matrix a) {
        return Activations.softmaxColumns(a);
    }

    @Override
    public Matrix logSoftmax(Matrix a) {
        return Activations.logSoftmaxColumns(a);
    }

    @Override
    public Matrix sum(Matrix a) {
        return Matrix.column(a.sum());
    }

    @Override
    public int columns(Matrix a) {
        return a.cols();
    }
}
