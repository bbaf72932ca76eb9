package nabla.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import nabla.core.Matrix;

/**
 * Checks a backward pass against central finite differences. The function f of several matrix
 * inputs is reduced to the scalar L = Σ r ⊙ f(inputs) with fixed, unequal weights r, so that the
 * check covers every entry of the output's gradient and would catch, for example, a transposed one.
 * Backward from f with the seed r gives ∂L/∂input; each entry is compared with
 * (L(x + h) − L(x − h)) / 2h.
 */
final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /**
     * Fails unless the backward pass of {@code f} matches central differences at {@code inputs}.
     *
     * @param f builds the graph from parameter leaves holding the inputs, in order
     * @param inputs the points at which to differentiate; not modified (copies are perturbed)
     */
    static void assertBackwardMatches(String description, Function<List<Tensor>, Tensor> f, Matrix... inputs) {
        List<Matrix> points = new ArrayList<>();
        List<Tensor> leaves = new ArrayList<>();
        for (Matrix input : inputs) {
            Matrix point = input.copy();
            points.add(point);
            leaves.add(Tensor.parameter(point));
        }
        Tensor output = f.apply(leaves);
        Matrix weights = weights(output.value());
        output.backward(weights);

        for (int p = 0; p < points.size(); p++) {
            Matrix point = points.get(p);
            Matrix numeric = Matrix.zeros(point.rows(), point.cols());
            for (int k = 0; k < point.size(); k++) {
                double x = point.data()[k];
                point.data()[k] = x + Tolerances.STEP;
                double above = weightedSum(f, points, weights);
                point.data()[k] = x - Tolerances.STEP;
                double below = weightedSum(f, points, weights);
                point.data()[k] = x;
                numeric.data()[k] = (above - below) / (2.0 * Tolerances.STEP);
            }
            MatrixAssertions.assertClose(description + ", gradient of input " + p + " " + inputs[p],
                    numeric, leaves.get(p).grad(), Tolerances.FINITE_DIFFERENCE_ABSOLUTE,
                    Tolerances.FINITE_DIFFERENCE_RELATIVE);
        }
    }

    /** L = Σ r ⊙ f(points), evaluated without recording a graph. */
    private static double weightedSum(Function<List<Tensor>, Tensor> f, List<Matrix> points, Matrix weights) {
        return Tensor.withoutGrad(() -> {
            List<Tensor> constants = new ArrayList<>();
            for (Matrix point : points) {
                constants.add(Tensor.constant(point));
            }
            return f.apply(constants).value().hadamard(weights).sum();
        });
    }

    /** Weights r of the output's shape, all different: cos(1 + k) for entry k. */
    private static Matrix weights(Matrix output) {
        Matrix r = Matrix.zeros(output.rows(), output.cols());
        for (int k = 0; k < r.size(); k++) {
            r.data()[k] = Math.cos(1.0 + k);
        }
        return r;
    }
}
