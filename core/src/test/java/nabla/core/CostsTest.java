package nabla.core;

import static nabla.core.Generators.matrices;
import static nabla.core.MatrixAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;

/** Tests the built-in costs: each hand-derived ∇ₐC against its value, and the δᴸ shortcuts of BP1. */
class CostsTest {

    private static final double H = Tolerances.FINITE_DIFFERENCE_STEP;

    /**
     * Outputs a in [0.1, 0.9], away from the poles of ln a and ln(1 − a). The worst case there is
     * cross-entropy at a ≈ y ≈ 0.1, where ∂C/∂a ≈ 0 but the third derivative is about 2/a² = 200,
     * so central differences miss by h²/6 · 200 ≈ 3e-9, under the absolute 1e-8 of the tolerance.
     */
    private static final Gen<Double> OUTPUT = doubles().between(0.1, 0.9);

    private static final Gen<Double> TARGET = doubles().between(0.0, 1.0);

    private static final Gen<Integer> SIZE = integers().between(1, 4);

    private record Pair(Matrix a, Matrix y) {
    }

    static List<Cost> costs() {
        List<Cost> costs = new ArrayList<>();
        for (String name : Costs.names()) {
            costs.add(Costs.named(name));
        }
        return costs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("costs")
    void gradientMatchesCentralDifferencesOfValue(Cost cost) {
        qt().withExamples(100)
                .forAll(outputsAndTargets())
                .checkAssert(pair -> {
                    Matrix a = pair.a();
                    Matrix y = pair.y();
                    Matrix slopes = Matrix.zeros(a.rows(), a.cols());
                    double[] entries = a.data();
                    for (int k = 0; k < entries.length; k++) {
                        double original = entries[k];
                        double up = original + H;
                        double down = original - H;
                        entries[k] = up;
                        double costUp = cost.value(a, y);
                        entries[k] = down;
                        double costDown = cost.value(a, y);
                        entries[k] = original;
                        slopes.data()[k] = (costUp - costDown) / (up - down);
                    }

                    // C is the mean over the m columns, so ∂C/∂a of one entry is ∇ₐCₓ / m.
                    Matrix expected = cost.gradient(a, y).scale(1.0 / a.cols());
                    assertClose(expected, slopes, Tolerances.FINITE_DIFFERENCE, cost + " ∂C/∂a");
                });
    }

    @Test
    void crossEntropyShortcutEqualsChainRuleAfterSigmoid() {
        // BP1 in general, ∇ₐC ⊙ σ'(z), against the shortcut δᴸ = a − y.
        qt().withExamples(100)
                .forAll(SIZE.zip(SIZE, (n, m) -> new int[] {n, m})
                        .flatMap(shape -> matrices(shape[0], shape[1], doubles().between(-5.0, 5.0))
                                .zip(matrices(shape[0], shape[1], TARGET), Pair::new)))
                .checkAssert(pair -> {
                    Matrix z = pair.a();
                    Matrix a = Activations.SIGMOID.apply(z);
                    Matrix chainRule = Costs.CROSS_ENTROPY.gradient(a, pair.y()).hadamard(Activations.SIGMOID.derivative(z));
                    Matrix shortcut = Costs.CROSS_ENTROPY.outputError(z, a, pair.y(), Activations.SIGMOID);
                    assertClose(chainRule, shortcut, Tolerances.SAME_FORMULA, "δᴸ");
                });
    }

    @Test
    void logLikelihoodShortcutEqualsSoftmaxJacobianProduct() {
        // For one-hot y, the softmax Jacobian ∂aᵢ/∂zⱼ = aᵢ(δᵢⱼ − aⱼ) applied to ∇ₐC gives δᴸ = a − y.
        qt().withExamples(100)
                .forAll(integers().between(2, 5).flatMap(n -> matrices(n, 1, doubles().between(-5.0, 5.0))
                        .zip(integers().between(0, n - 1), (z, label) -> new Pair(z, Matrix.oneHot(n, label)))))
                .checkAssert(pair -> {
                    Matrix z = pair.a();
                    Matrix y = pair.y();
                    Matrix a = Activations.SOFTMAX.apply(z);
                    Matrix gradient = Costs.LOG_LIKELIHOOD.gradient(a, y);

                    Matrix chainRule = Matrix.zeros(z.rows(), 1);
                    for (int j = 0; j < z.rows(); j++) {
                        double sum = 0.0;
                        for (int i = 0; i < z.rows(); i++) {
                            double kronecker = i == j ? 1.0 : 0.0;
                            sum += a.get(i, 0) * (kronecker - a.get(j, 0)) * gradient.get(i, 0);
                        }
                        chainRule.set(j, 0, sum);
                    }

                    Matrix shortcut = Costs.LOG_LIKELIHOOD.outputError(z, a, y, Activations.SOFTMAX);
                    assertClose(chainRule, shortcut, Tolerances.SAME_FORMULA, "δᴸ");
                });
    }

    @Test
    void quadraticCostAveragesOverColumns() {
        Matrix a = Matrix.of(new double[][] {{1.0, 0.0}, {0.5, 2.0}});
        Matrix y = Matrix.of(new double[][] {{0.0, 0.0}, {0.5, 0.0}});

        // ½(1² + 0²) for the first column, ½(0² + 2²) for the second, averaged: (0.5 + 2) / 2.
        assertEquals(1.25, Costs.QUADRATIC.value(a, y));
    }

    private static Gen<Pair> outputsAndTargets() {
        return SIZE.zip(SIZE, (n, m) -> new int[] {n, m})
                .flatMap(shape -> matrices(shape[0], shape[1], OUTPUT).zip(matrices(shape[0], shape[1], TARGET), Pair::new));
    }
}
