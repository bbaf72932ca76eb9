package nabla.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kernel decides whether a gradient step w ← scale·w + factor·g stays finite. */
class StepStaysFiniteTest {

    private static List<Kernels> kernels() {
        return VectorKernels.isSupported()
                ? List.of(ScalarKernels.INSTANCE, ReferenceKernels.INSTANCE, VectorKernels.INSTANCE)
                : List.of(ScalarKernels.INSTANCE, ReferenceKernels.INSTANCE);
    }

    @Test
    void finiteStepIsFinite() {
        double[] w = {1.0, -2.0, 3.0, 0.5, 7.0, -1e300};
        double[] g = {0.1, 0.2, -0.3, 4.0, 0.0, 1e300};
        for (Kernels k : kernels()) {
            assertTrue(k.stepStaysFinite(w, 0.99, g, -3.0), k.name());
        }
    }

    @Test
    void anyNonFiniteEntryIsFound() {
        // Every position of a 9-entry array, so that vector bodies and scalar tails are both covered.
        qt().withExamples(60)
                .forAll(integers().between(0, 8), integers().between(0, 2))
                .checkAssert((position, kind) -> {
                    double[] w = new double[9];
                    double[] g = new double[9];
                    for (int i = 0; i < 9; i++) {
                        w[i] = i - 4.0;
                        g[i] = 0.5 * i;
                    }
                    switch (kind) {
                        case 0 -> g[position] = Double.NaN;
                        case 1 -> g[position] = Double.POSITIVE_INFINITY;
                        default -> w[position] = Double.MAX_VALUE;
                    }
                    double factor = kind == 2 ? 1e300 : -1.0;
                    if (kind == 2) {
                        g[position] = Double.MAX_VALUE;
                    }
                    for (Kernels k : kernels()) {
                        assertFalse(k.stepStaysFinite(w, 1.0, g, factor), k.name() + " at " + position);
                    }
                });
    }

    @Test
    void kernelsAgreeOnRandomSteps() {
        qt().withExamples(100)
                .forAll(integers().between(0, 40), doubles().between(-1e308, 1e308), doubles().between(-4.0, 4.0))
                .checkAssert((length, big, factor) -> {
                    double[] w = new double[length];
                    double[] g = new double[length];
                    for (int i = 0; i < length; i++) {
                        w[i] = big / (i + 1);
                        g[i] = big / (length - i);
                    }
                    boolean expected = true;
                    for (int i = 0; i < length; i++) {
                        expected &= Double.isFinite(0.9 * w[i] + factor * g[i]);
                    }
                    for (Kernels k : kernels()) {
                        assertEquals(expected, k.stepStaysFinite(w, 0.9, g, factor), k.name());
                    }
                });
    }

    @Test
    void matrixMethodMatchesUpdate() {
        Matrix w = Matrix.of(new double[][] {{1.0, Double.MAX_VALUE}});
        Matrix g = Matrix.of(new double[][] {{0.0, -Double.MAX_VALUE}});

        assertFalse(w.stepStaysFinite(1.0, g, -1.0));
        w.scaleInPlace(1.0).addScaledInPlace(g, -1.0);
        assertFalse(w.isFinite());
    }
}
