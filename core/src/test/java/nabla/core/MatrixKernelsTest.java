package nabla.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.util.Random;
import nabla.data.DataSplit;
import nabla.data.Dataset;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The fast kernels against the textbook loops of {@link ReferenceKernels}. */
class MatrixKernelsTest {

    /**
     * Bound on |fast − reference| as a multiple of Σₖ |aᵢₖ bₖⱼ|. Both sum the same products in the
     * same order, one with a fused multiply-add and one without, so each differs from the exact
     * sum by at most about k·2⁻⁵³ times that sum: 9e-14 for k = 784. A wrong index or a lost
     * term is off by a whole product.
     */
    private static final double KERNEL_TOLERANCE = 1e-12;

    /** Bounds every generated shape; 40 covers blocks of 4, 6 and 12 with remainders. */
    private static final int MAX_DIMENSION = 40;

    /** The shapes of one mini-batch through Network([784, 30, 10]): n⁰, n¹ and the batch size B. */
    private static final int PIXELS = 784;
    private static final int HIDDEN = 30;
    private static final int BATCH = 10;

    /** Two operands with their entries, a fraction of them zero as in images. */
    record Operands(Matrix a, Matrix b) {
    }

    @Test
    void vectorModuleIsLoadedInTests() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "surefire must pass --add-modules jdk.incubator.vector, or the vector kernels go untested");
    }

    @Test
    void scalarMultiplyMatchesReference() {
        checkMultiply(ScalarKernels.INSTANCE);
    }

    @Test
    void vectorMultiplyMatchesReference() {
        checkMultiply(vectorKernels());
    }

    @Test
    void scalarTransposeMultiplyMatchesReference() {
        checkTransposeMultiply(ScalarKernels.INSTANCE);
    }

    @Test
    void vectorTransposeMultiplyMatchesReference() {
        checkTransposeMultiply(vectorKernels());
    }

    @Test
    void scalarMultiplyTransposeMatchesReference() {
        checkMultiplyTranspose(ScalarKernels.INSTANCE);
    }

    @Test
    void vectorMultiplyTransposeMatchesReference() {
        checkMultiplyTranspose(vectorKernels());
    }

    @Test
    void fastKernelsMatchReferenceOnMnistShapes() throws IOException {
        Dataset images = DataSplit.embeddedSample().training();
        int[] order = images.identityOrder();
        Matrix x = images.inputs(order, 0, BATCH);
        Random random = new Random(images.label(0));
        Matrix w = fill(HIDDEN, PIXELS, 0.0, random);
        Matrix delta = fill(HIDDEN, BATCH, 0.0, random);

        for (Kernels fast : new Kernels[] {ScalarKernels.INSTANCE, vectorKernelsOrScalar()}) {
            // z¹ = w¹x, the weighted input of the first layer
            assertClose(fast, ReferenceKernels.INSTANCE::multiply, fast::multiply, w, x, HIDDEN, BATCH, false);
            // BP4: δ¹xᵀ, the rank-B update of ∂C/∂w¹
            assertClose(fast, ReferenceKernels.INSTANCE::multiplyTranspose, fast::multiplyTranspose, delta, x,
                    HIDDEN, PIXELS, false);
        }
    }

    @Test
    void productIntoOutputOverwritesIt() {
        Matrix a = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix b = Matrix.of(new double[][] {{5, 6}, {7, 8}});
        Matrix out = Matrix.of(new double[][] {{100, 100}, {100, 100}});

        a.multiply(b, out);

        assertEquals(Matrix.of(new double[][] {{19, 22}, {43, 50}}), out);
    }

    @Test
    void productIntoRejectsWrongShapeAndAliasing() {
        Matrix a = Matrix.zeros(3, 4);
        Matrix b = Matrix.zeros(4, 3);

        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> a.multiply(b, Matrix.zeros(3, 4)));
        IllegalArgumentException alias = assertThrows(IllegalArgumentException.class,
                () -> a.multiplyTranspose(Matrix.zeros(4, 4), a));

        assertEquals("matmul: output (3x4) cannot hold the (3x3) result; pass a (3x3) matrix", shape.getMessage());
        assertEquals("matmul: the output (3x4) is also an operand; pass a separate matrix to write into",
                alias.getMessage());
    }

    private static void checkMultiply(Kernels fast) {
        qt().withExamples(300).forAll(operands(true)).checkAssert(o -> assertClose(fast,
                ReferenceKernels.INSTANCE::multiply, fast::multiply, o.a(), o.b(), o.a().rows(), o.b().cols(), false));
    }

    private static void checkTransposeMultiply(Kernels fast) {
        qt().withExamples(300).forAll(operands(false)).checkAssert(o -> assertClose(fast,
                ReferenceKernels.INSTANCE::transposeMultiply, fast::transposeMultiply, o.a(), o.b(),
                o.a().cols(), o.b().cols(), true));
    }

    private static void checkMultiplyTranspose(Kernels fast) {
        qt().withExamples(300).forAll(operands(true)).checkAssert(o -> {
            Matrix b = o.b().transpose();
            assertClose(fast, ReferenceKernels.INSTANCE::multiplyTranspose, fast::multiplyTranspose, o.a(), b,
                    o.a().rows(), b.rows(), false);
        });
    }

    /**
     * Pairs (n×k)·(k×m) when {@code chained}, else (k×n) and (k×m) for Aᵀ·B; k may be 0. Entries
     * lie in [−10, 10], and a generated fraction of them, up to all, is zero.
     */
    private static Gen<Operands> operands(boolean chained) {
        Gen<Integer> size = integers().between(1, MAX_DIMENSION);
        Gen<Integer> inner = integers().between(0, MAX_DIMENSION);
        Gen<Double> zeroFraction = doubles().between(0.0, 1.0);
        return size.zip(inner, size, zeroFraction, (n, k, m, zeros) -> new int[] {n, k, m, (int) (zeros * 1000)})
                .zip(longs().all(), (dims, seed) -> {
                    Random random = new Random(seed);
                    double zeros = dims[3] / 1000.0;
                    Matrix a = chained ? fill(dims[0], dims[1], zeros, random) : fill(dims[1], dims[0], zeros, random);
                    return new Operands(a, fill(dims[1], dims[2], zeros, random));
                });
    }

    private static Matrix fill(int rows, int cols, double zeroFraction, Random random) {
        Matrix m = Matrix.zeros(rows, cols);
        double[] data = m.data();
        for (int k = 0; k < data.length; k++) {
            data[k] = random.nextDouble() < zeroFraction ? 0.0 : 20.0 * random.nextDouble() - 10.0;
        }
        return m;
    }

    interface Product {
        void compute(Matrix a, Matrix b, Matrix c);
    }

    /**
     * Compares one product of the fast kernels with the reference, entry by entry, against
     * KERNEL_TOLERANCE times Σₖ |aᵢₖ bₖⱼ|, computed with the reference kernels on |a| and |b|.
     */
    private static void assertClose(Kernels fast, Product reference, Product product, Matrix a, Matrix b,
            int rows, int cols, boolean transposedFirst) {
        Matrix expected = Matrix.zeros(rows, cols);
        Matrix actual = Matrix.of(new double[rows][cols]).map(v -> Double.NaN);
        Matrix scale = Matrix.zeros(rows, cols);
        reference.compute(a, b, expected);
        product.compute(a, b, actual);
        reference.compute(a.map(Math::abs), b.map(Math::abs), scale);

        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double bound = KERNEL_TOLERANCE * scale.get(i, j);
                double error = Math.abs(actual.get(i, j) - expected.get(i, j));
                assertTrue(error <= bound, () -> fast.name() + " kernels: entry of " + a.shape()
                        + (transposedFirst ? "ᵀ" : "") + " and " + b.shape() + " differs from the reference by "
                        + error + ", above " + bound);
            }
        }
    }

    private static Kernels vectorKernels() {
        assumeTrue(VectorKernels.isSupported(), "this processor has no 256-bit vectors");
        return VectorKernels.INSTANCE;
    }

    private static Kernels vectorKernelsOrScalar() {
        return VectorKernels.isSupported() ? VectorKernels.INSTANCE : ScalarKernels.INSTANCE;
    }
}
