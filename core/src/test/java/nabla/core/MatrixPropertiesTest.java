package nabla.core;

import static nabla.core.Generators.matrices;
import static nabla.core.MatrixAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Tests every {@link Matrix} operation against Commons Math's {@link Array2DRowRealMatrix} on
 * small random shapes. Commons Math cannot represent a matrix with a zero dimension, so where an operand has
 * one, the expected result is the empty matrix of the right shape, or zeros where each entry is
 * an empty sum.
 */
class MatrixPropertiesTest {

    private static final int EXAMPLES = 100;

    /** Dimensions from 0 to 4: zero is one case in five. */
    private static final Gen<Integer> DIMENSION = integers().between(0, 4);
    private static final Gen<Integer> POSITIVE_DIMENSION = integers().between(1, 4);

    /** Entries in [−2, 2], so the sums of products stay within the bounds of SAME_FORMULA. */
    private static final Gen<Double> ENTRY = doubles().between(-2.0, 2.0);

    private record Operands(Matrix a, Matrix b) {
    }

    @Test
    void multiplyMatchesCommonsMath() {
        // A (r×k) · B (k×c)
        qt().withExamples(EXAMPLES)
                .forAll(DIMENSION.zip(DIMENSION, DIMENSION, (r, k, c) -> new int[] {r, k, c})
                        .flatMap(d -> operands(d[0], d[1], d[1], d[2])))
                .checkAssert(o -> {
                    Matrix expected = o.a().size() == 0 || o.b().size() == 0
                            ? Matrix.zeros(o.a().rows(), o.b().cols())
                            : matrix(real(o.a()).multiply(real(o.b())));
                    assertClose(expected, o.a().multiply(o.b()), Tolerances.SAME_FORMULA, "A·B");
                });
    }

    @Test
    void transposeMultiplyMatchesCommonsMath() {
        // Aᵀ · B for A (k×r) and B (k×c)
        qt().withExamples(EXAMPLES)
                .forAll(DIMENSION.zip(DIMENSION, DIMENSION, (r, k, c) -> new int[] {r, k, c})
                        .flatMap(d -> operands(d[1], d[0], d[1], d[2])))
                .checkAssert(o -> {
                    Matrix expected = o.a().size() == 0 || o.b().size() == 0
                            ? Matrix.zeros(o.a().cols(), o.b().cols())
                            : matrix(real(o.a()).transpose().multiply(real(o.b())));
                    assertClose(expected, o.a().transposeMultiply(o.b()), Tolerances.SAME_FORMULA, "AᵀB");
                });
    }

    @Test
    void multiplyTransposeMatchesCommonsMath() {
        // A · Bᵀ for A (r×k) and B (c×k)
        qt().withExamples(EXAMPLES)
                .forAll(DIMENSION.zip(DIMENSION, DIMENSION, (r, k, c) -> new int[] {r, k, c})
                        .flatMap(d -> operands(d[0], d[1], d[2], d[1])))
                .checkAssert(o -> {
                    Matrix expected = o.a().size() == 0 || o.b().size() == 0
                            ? Matrix.zeros(o.a().rows(), o.b().rows())
                            : matrix(real(o.a()).multiply(real(o.b()).transpose()));
                    assertClose(expected, o.a().multiplyTranspose(o.b()), Tolerances.SAME_FORMULA, "ABᵀ");
                });
    }

    @Test
    void addMatchesCommonsMath() {
        qt().withExamples(EXAMPLES)
                .forAll(sameShapeOperands())
                .checkAssert(o -> {
                    Matrix expected = isEmpty(o.a()) ? o.a() : matrix(real(o.a()).add(real(o.b())));
                    assertClose(expected, o.a().add(o.b()), Tolerances.EXACT, "A + B");
                });
    }

    @Test
    void subtractMatchesCommonsMath() {
        qt().withExamples(EXAMPLES)
                .forAll(sameShapeOperands())
                .checkAssert(o -> {
                    Matrix expected = isEmpty(o.a()) ? o.a() : matrix(real(o.a()).subtract(real(o.b())));
                    assertClose(expected, o.a().subtract(o.b()), Tolerances.EXACT, "A − B");
                });
    }

    @Test
    void hadamardMatchesCommonsMath() {
        qt().withExamples(EXAMPLES)
                .forAll(sameShapeOperands())
                .checkAssert(o -> {
                    Matrix expected = isEmpty(o.a()) ? o.a() : elementwiseProduct(real(o.a()), real(o.b()));
                    assertClose(expected, o.a().hadamard(o.b()), Tolerances.EXACT, "A ⊙ B");
                });
    }

    @Test
    void scaleMatchesCommonsMath() {
        qt().withExamples(EXAMPLES)
                .forAll(matrices(DIMENSION, DIMENSION, ENTRY), doubles().between(-10.0, 10.0))
                .checkAssert((a, factor) -> {
                    Matrix expected = isEmpty(a) ? a : matrix(real(a).scalarMultiply(factor));
                    assertClose(expected, a.scale(factor), Tolerances.EXACT, "factor · A");
                });
    }

    @Test
    void addColumnMatchesCommonsMath() {
        // A (r×c) + b (r×1) added to every column: A + b·1ᵀ
        qt().withExamples(EXAMPLES)
                .forAll(DIMENSION.zip(DIMENSION, (r, c) -> new int[] {r, c})
                        .flatMap(d -> operands(d[0], d[1], d[0], 1)))
                .checkAssert(o -> {
                    Matrix expected = isEmpty(o.a()) ? o.a()
                            : matrix(real(o.a()).add(real(o.b()).multiply(ones(1, o.a().cols()))));
                    assertClose(expected, o.a().addColumn(o.b()), Tolerances.EXACT, "A + b");
                });
    }

    @Test
    void rowSumMatchesCommonsMath() {
        qt().withExamples(EXAMPLES)
                .forAll(matrices(DIMENSION, DIMENSION, ENTRY))
                .checkAssert(a -> {
                    Matrix expected = isEmpty(a) ? Matrix.zeros(a.rows(), 1)
                            : matrix(real(a).multiply(ones(a.cols(), 1)));
                    assertClose(expected, a.rowSum(), Tolerances.SAME_FORMULA, "row sums");
                });
    }

    @Test
    void rowMeanMatchesCommonsMath() {
        // A matrix without columns has no mean; MatrixTest checks that it is rejected.
        qt().withExamples(EXAMPLES)
                .forAll(matrices(DIMENSION, POSITIVE_DIMENSION, ENTRY))
                .checkAssert(a -> {
                    Matrix expected = Matrix.zeros(a.rows(), 1);
                    Mean mean = new Mean();
                    for (int i = 0; i < a.rows(); i++) {
                        expected.set(i, 0, mean.evaluate(real(a).getRow(i)));
                    }
                    assertClose(expected, a.rowMean(), Tolerances.SAME_FORMULA, "row means");
                });
    }

    @Test
    void columnSumMatchesCommonsMath() {
        qt().withExamples(EXAMPLES)
                .forAll(matrices(DIMENSION, DIMENSION, ENTRY))
                .checkAssert(a -> {
                    Matrix expected = isEmpty(a) ? Matrix.zeros(1, a.cols())
                            : matrix(ones(1, a.rows()).multiply(real(a)));
                    assertClose(expected, a.columnSum(), Tolerances.SAME_FORMULA, "column sums");
                });
    }

    @Test
    void transposeMatchesCommonsMath() {
        qt().withExamples(EXAMPLES)
                .forAll(matrices(DIMENSION, DIMENSION, ENTRY))
                .checkAssert(a -> {
                    Matrix expected = isEmpty(a) ? Matrix.zeros(a.cols(), a.rows()) : matrix(real(a).transpose());
                    assertClose(expected, a.transpose(), Tolerances.EXACT, "Aᵀ");
                });
    }

    @Test
    void columnArgmaxPicksLowestIndexOfMaximum() {
        // Entries from {−2, …, 2}, so that most columns of more than a few rows hold ties.
        Gen<Double> fewValues = integers().between(-2, 2).map(Integer::doubleValue);
        qt().withExamples(EXAMPLES)
                .forAll(matrices(POSITIVE_DIMENSION, DIMENSION, fewValues))
                .checkAssert(a -> {
                    int[] expected = new int[a.cols()];
                    for (int j = 0; j < a.cols(); j++) {
                        double[] column = real(a).getColumn(j);
                        double max = StatUtils.max(column);
                        int first = 0;
                        while (column[first] != max) {
                            first++;
                        }
                        expected[j] = first;
                    }
                    assertArrayEquals(expected, a.columnArgmax(), a::toString);
                });
    }

    private static Gen<Operands> sameShapeOperands() {
        return DIMENSION.zip(DIMENSION, (r, c) -> new int[] {r, c}).flatMap(d -> operands(d[0], d[1], d[0], d[1]));
    }

    private static Gen<Operands> operands(int rowsA, int colsA, int rowsB, int colsB) {
        return matrices(rowsA, colsA, ENTRY).zip(matrices(rowsB, colsB, ENTRY), Operands::new);
    }

    private static boolean isEmpty(Matrix m) {
        return m.size() == 0;
    }

    /** Returns the Commons Math copy of a matrix that has at least one row and one column. */
    private static RealMatrix real(Matrix m) {
        return new Array2DRowRealMatrix(m.toArray());
    }

    private static Matrix matrix(RealMatrix m) {
        return Matrix.of(m.getData());
    }

    private static RealMatrix ones(int rows, int cols) {
        RealMatrix ones = new Array2DRowRealMatrix(rows, cols);
        ones.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return 1.0;
            }
        });
        return ones;
    }

    /** Returns A ⊙ B row by row with Commons Math's element-by-element vector product. */
    private static Matrix elementwiseProduct(RealMatrix a, RealMatrix b) {
        double[][] product = new double[a.getRowDimension()][];
        for (int i = 0; i < product.length; i++) {
            product[i] = ((ArrayRealVector) a.getRowVector(i)).ebeMultiply(b.getRowVector(i)).toArray();
        }
        return Matrix.of(product);
    }
}
