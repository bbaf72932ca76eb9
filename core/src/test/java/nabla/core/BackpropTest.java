package nabla.core;

import static nabla.core.MatrixAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import nabla.core.Generators.Batch;
import nabla.core.Generators.NetworkKind;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Tests the two hand-coded forms of backprop, {@link MiniBatchBackprop} and
 * {@link PerExampleBackprop}, against each other and against central differences of the cost.
 */
class BackpropTest {

    private static final double H = Tolerances.FINITE_DIFFERENCE_STEP;

    private final Backprop miniBatch = new MiniBatchBackprop();
    private final Backprop perExample = new PerExampleBackprop();

    @Test
    void miniBatchEqualsMeanOfPerExampleGradients() {
        qt().withExamples(150)
                .forAll(Generators.batches(NetworkKind.ALL, 3, 6, 8))
                .checkAssert(batch -> {
                    Network network = batch.network();
                    Gradient mean = meanOfSingleExampleGradients(network, batch.x(), batch.y());
                    Gradient batched = miniBatch.gradient(network, batch.x(), batch.y());
                    Gradient averaged = perExample.gradient(network, batch.x(), batch.y());

                    assertShapes(batch, batched, "mini-batch");
                    assertShapes(batch, averaged, "per-example");
                    for (int l = 1; l <= network.layerCount(); l++) {
                        assertClose(mean.delta(l), batched.delta(l), Tolerances.SAME_FORMULA, "mini-batch δ" + l);
                        assertClose(mean.nablaB(l), batched.nablaB(l), Tolerances.SAME_FORMULA, "mini-batch ∂C/∂b" + l);
                        assertClose(mean.nablaW(l), batched.nablaW(l), Tolerances.SAME_FORMULA, "mini-batch ∂C/∂w" + l);
                        assertClose(mean.delta(l), averaged.delta(l), Tolerances.SAME_FORMULA, "per-example δ" + l);
                        assertClose(mean.nablaB(l), averaged.nablaB(l), Tolerances.SAME_FORMULA, "per-example ∂C/∂b" + l);
                        assertClose(mean.nablaW(l), averaged.nablaW(l), Tolerances.SAME_FORMULA, "per-example ∂C/∂w" + l);
                    }
                });
    }

    @Test
    void bothFormsAgreeWithCentralDifferences() {
        qt().withExamples(60)
                .forAll(Generators.batches(NetworkKind.FOR_FINITE_DIFFERENCES, 3, 4, 5))
                .checkAssert(batch -> {
                    Network network = batch.network();
                    Gradient batched = miniBatch.gradient(network, batch.x(), batch.y());
                    Gradient averaged = perExample.gradient(network, batch.x(), batch.y());

                    for (int l = 1; l <= network.layerCount(); l++) {
                        Matrix nablaB = CentralDifferences.nablaB(network, l, batch.x(), batch.y(), H);
                        Matrix nablaW = CentralDifferences.nablaW(network, l, batch.x(), batch.y(), H);
                        assertClose(nablaB, batched.nablaB(l), Tolerances.FINITE_DIFFERENCE, "mini-batch ∂C/∂b" + l);
                        assertClose(nablaW, batched.nablaW(l), Tolerances.FINITE_DIFFERENCE, "mini-batch ∂C/∂w" + l);
                        assertClose(nablaB, averaged.nablaB(l), Tolerances.FINITE_DIFFERENCE, "per-example ∂C/∂b" + l);
                        assertClose(nablaW, averaged.nablaW(l), Tolerances.FINITE_DIFFERENCE, "per-example ∂C/∂w" + l);
                    }
                });
    }

    @Test
    void weightGradientDividesByColumnsNotRows() {
        // n⁰ = 3 rows but m = 7 columns: dividing by the rows would scale every ∂C/∂w by 7/3.
        Network network = new Network(new int[] {3, 4, 2}, 5);
        Matrix x = uniform(3, 7, -1.0, 1.0, 11);
        Matrix y = uniform(2, 7, 0.0, 1.0, 12);

        for (Backprop form : List.of(miniBatch, perExample)) {
            Gradient gradient = form.gradient(network, x, y);
            for (int l = 1; l <= 2; l++) {
                Matrix expected = CentralDifferences.nablaW(network, l, x, y, H);
                assertClose(expected, gradient.nablaW(l), Tolerances.FINITE_DIFFERENCE, "∂C/∂w" + l);
            }
        }
    }

    @Test
    void centralDifferencesCatchDivisionByRows() {
        // A variant with the classic mistake must fail the comparison above, or that test proves nothing.
        Backprop dividesByRows = new MiniBatchBackprop() {
            @Override
            protected Matrix weightGradient(ForwardPass pass, int l, Matrix delta) {
                return delta.multiplyTranspose(pass.activation(l - 1)).scaleInPlace(1.0 / pass.activation(0).rows());
            }
        };
        Network network = new Network(new int[] {3, 4, 2}, 5);
        Matrix x = uniform(3, 7, -1.0, 1.0, 11);
        Matrix y = uniform(2, 7, 0.0, 1.0, 12);

        Matrix expected = CentralDifferences.nablaW(network, 1, x, y, H);
        Matrix wrong = dividesByRows.gradient(network, x, y).nablaW(1);
        assertThrows(AssertionError.class,
                () -> assertClose(expected, wrong, Tolerances.FINITE_DIFFERENCE, "∂C/∂w1 divided by rows"));
    }

    @Test
    void biasGradientIsAColumn() {
        Network network = new Network(new int[] {3, 4, 2}, 5);
        Matrix x = uniform(3, 7, -1.0, 1.0, 11);
        Matrix y = uniform(2, 7, 0.0, 1.0, 12);

        for (Backprop form : List.of(miniBatch, perExample)) {
            Gradient gradient = form.gradient(network, x, y);
            assertEquals("(4x1)", gradient.nablaB(1).shape());
            assertEquals("(2x1)", gradient.nablaB(2).shape());
            assertClose(CentralDifferences.nablaB(network, 1, x, y, H), gradient.nablaB(1),
                    Tolerances.FINITE_DIFFERENCE, "∂C/∂b1");
        }
    }

    @Test
    void gradientOfSingleExampleIsItsOwnMean() {
        Network network = new Network(new int[] {2, 3, 1}, 8);
        Matrix x = uniform(2, 1, -1.0, 1.0, 13);
        Matrix y = uniform(1, 1, 0.0, 1.0, 14);

        Gradient gradient = miniBatch.gradient(network, x, y);

        // BP3 with m = 1: ∂C/∂bˡ is δˡ itself.
        assertEquals(gradient.delta(1), gradient.nablaB(1));
        assertEquals(gradient.delta(2), gradient.nablaB(2));
    }

    @Test
    void backpropRejectsTargetsOfWrongShape() {
        Network network = new Network(new int[] {3, 4, 2}, 5);
        Matrix x = Matrix.zeros(3, 7);
        Matrix y = Matrix.zeros(2, 6);

        for (Backprop form : List.of(miniBatch, perExample)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> form.gradient(network, x, y));
            assertEquals("backprop: targets (2x6) do not match inputs (3x7): expected (2x7), "
                    + "one target column per example", e.getMessage());
        }
    }

    @Test
    void backpropRejectsInputOfWrongRowCount() {
        Network network = new Network(new int[] {3, 4, 2}, 5);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> miniBatch.gradient(network, Matrix.zeros(7, 3), Matrix.zeros(2, 3)));

        assertTrue(e.getMessage().contains("(7x3)"), e.getMessage());
        assertTrue(e.getMessage().contains("3 neurons"), e.getMessage());
    }

    @Test
    void backpropRejectsEmptyBatch() {
        Network network = new Network(new int[] {3, 4, 2}, 5);

        for (Backprop form : List.of(miniBatch, perExample)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> form.gradient(network, Matrix.zeros(3, 0), Matrix.zeros(2, 0)));
            assertTrue(e.getMessage().contains("no examples"), e.getMessage());
        }
    }

    @Test
    void failingStepNamesEquationAndLayer() {
        Backprop brokenBp2 = new MiniBatchBackprop() {
            @Override
            protected Matrix hiddenError(ForwardPass pass, int l, Matrix nextDelta) {
                // (wˡ⁺¹)(δˡ⁺¹) without the transpose: (2x4) x (2x7) does not conform.
                return pass.network().weight(l + 1).multiply(nextDelta);
            }
        };
        Network network = new Network(new int[] {3, 4, 2}, 5);

        BackpropStepException e = assertThrows(BackpropStepException.class,
                () -> brokenBp2.gradient(network, Matrix.zeros(3, 7), Matrix.zeros(2, 7)));

        assertEquals(Equation.BP2, e.equation());
        assertEquals(1, e.layer());
        assertEquals("BP2 at layer 1 (δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ'(zˡ)) failed: "
                + "matmul: (2x4) x (2x7): inner dimensions 4 and 2 differ", e.getMessage());
    }

    /** Asserts δˡ (nˡ×m), ∂C/∂bˡ (nˡ×1) and ∂C/∂wˡ (nˡ×nˡ⁻¹) for every layer. */
    private static void assertShapes(Batch batch, Gradient gradient, String form) {
        int[] sizes = batch.sizes();
        assertEquals(sizes.length - 1, gradient.layerCount(), form + ": layer count");
        for (int l = 1; l < sizes.length; l++) {
            assertEquals(shape(sizes[l], batch.m()), gradient.delta(l).shape(), form + ": shape of δ" + l);
            assertEquals(shape(sizes[l], 1), gradient.nablaB(l).shape(), form + ": shape of ∂C/∂b" + l);
            assertEquals(shape(sizes[l], sizes[l - 1]), gradient.nablaW(l).shape(), form + ": shape of ∂C/∂w" + l);
        }
    }

    /**
     * Runs the per-example form on each column alone and returns the mean of the m gradients,
     * with the m single-column errors δˡ side by side as the columns of δˡ.
     */
    private Gradient meanOfSingleExampleGradients(Network network, Matrix x, Matrix y) {
        int m = x.cols();
        List<Matrix> deltas = new ArrayList<>();
        List<Matrix> nablaB = new ArrayList<>();
        List<Matrix> nablaW = new ArrayList<>();
        for (int l = 1; l <= network.layerCount(); l++) {
            deltas.add(Matrix.zeros(network.size(l), m));
            nablaB.add(Matrix.zeros(network.size(l), 1));
            nablaW.add(Matrix.zeros(network.size(l), network.size(l - 1)));
        }

        for (int j = 0; j < m; j++) {
            Gradient single = perExample.gradient(network, x.column(j), y.column(j));
            for (int l = 1; l <= network.layerCount(); l++) {
                Matrix delta = single.delta(l);
                for (int i = 0; i < delta.rows(); i++) {
                    deltas.get(l - 1).set(i, j, delta.get(i, 0));
                }
                nablaB.get(l - 1).addScaledInPlace(single.nablaB(l), 1.0);
                nablaW.get(l - 1).addScaledInPlace(single.nablaW(l), 1.0);
            }
        }

        for (int l = 0; l < network.layerCount(); l++) {
            nablaB.get(l).scaleInPlace(1.0 / m);
            nablaW.get(l).scaleInPlace(1.0 / m);
        }
        return new Gradient(deltas, nablaB, nablaW);
    }

    private static String shape(int rows, int cols) {
        return "(" + rows + "x" + cols + ")";
    }

    /** Returns a (rows×cols) matrix of values drawn uniformly from [low, high] with a fixed seed. */
    private static Matrix uniform(int rows, int cols, double low, double high, long seed) {
        RandomGenerator random = new Well19937c(seed);
        Matrix m = Matrix.zeros(rows, cols);
        double[] data = m.data();
        for (int k = 0; k < data.length; k++) {
            data[k] = low + (high - low) * random.nextDouble();
        }
        return m;
    }
}
