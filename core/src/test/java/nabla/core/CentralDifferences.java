package nabla.core;

/**
 * Estimates ∂C/∂wˡ and ∂C/∂bˡ by central differences of {@link Network#cost(Matrix, Matrix)}: each
 * weight and bias in turn is moved by ±h, the cost recomputed, and the parameter restored. It
 * shares no code with the hand-coded backprop, so it serves as the oracle for both of its forms.
 */
final class CentralDifferences {

    private CentralDifferences() {
    }

    /** Returns the estimate of ∂C/∂wˡ, (nˡ×nˡ⁻¹), for the inputs x and targets y. */
    static Matrix nablaW(Network network, int l, Matrix x, Matrix y, double h) {
        return differentiate(network, network.weight(l), x, y, h);
    }

    /** Returns the estimate of ∂C/∂bˡ, (nˡ×1), for the inputs x and targets y. */
    static Matrix nablaB(Network network, int l, Matrix x, Matrix y, double h) {
        return differentiate(network, network.bias(l), x, y, h);
    }

    /** Differentiates the cost by each entry of {@code parameter}, a matrix that the network owns. */
    private static Matrix differentiate(Network network, Matrix parameter, Matrix x, Matrix y, double h) {
        double[] values = parameter.data();
        Matrix estimate = Matrix.zeros(parameter.rows(), parameter.cols());
        double[] slopes = estimate.data();
        for (int k = 0; k < values.length; k++) {
            double original = values[k];
            // θ ± h is rounded to a double, so divide by the step actually taken, not by 2h.
            double up = original + h;
            double down = original - h;

            values[k] = up;
            double costUp = network.cost(x, y);
            values[k] = down;
            double costDown = network.cost(x, y);
            values[k] = original;

            slopes[k] = (costUp - costDown) / (up - down);
        }
        return estimate;
    }
}
