package nabla.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests the contracts of {@link Matrix} that the Commons Math comparison does not reach. */
class MatrixTest {

    @Test
    void multiplyRejectsMismatchedInnerDimensions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.zeros(30, 784).multiply(Matrix.zeros(30, 10)));

        assertEquals("matmul: (30x784) x (30x10): inner dimensions 784 and 30 differ", e.getMessage());
    }

    static Stream<Arguments> twoOperandOperations() {
        return Stream.of(
                operation("matmul", Matrix::multiply),
                operation("matmul", Matrix::transposeMultiply),
                operation("matmul", Matrix::multiplyTranspose),
                operation("add", Matrix::add),
                operation("subtract", Matrix::subtract),
                operation("hadamard", Matrix::hadamard),
                operation("addColumn", Matrix::addColumn),
                operation("addScaled", (a, b) -> a.addScaledInPlace(b, 2.0)),
                operation("divide", (a, b) -> a.zipWith("divide", b, (x, y) -> x / y)));
    }

    private static Arguments operation(String name, BinaryOperator<Matrix> operation) {
        return Arguments.of(name, operation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoOperandOperations")
    void shapeErrorNamesOperationAndBothShapes(String name, BinaryOperator<Matrix> operation) {
        // (2x3) and (4x5) conform in none of the operations.
        Matrix a = Matrix.zeros(2, 3);
        Matrix b = Matrix.zeros(4, 5);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> operation.apply(a, b));

        assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("(2x3)"), e.getMessage());
        assertTrue(e.getMessage().contains("(4x5)"), e.getMessage());
    }

    @Test
    void productWithZeroInnerDimensionIsZero() {
        // Each entry of a (2x0)·(0x3) product is an empty sum.
        assertEquals(Matrix.zeros(2, 3), Matrix.zeros(2, 0).multiply(Matrix.zeros(0, 3)));
        assertEquals(Matrix.zeros(2, 3), Matrix.zeros(0, 2).transposeMultiply(Matrix.zeros(0, 3)));
        assertEquals(Matrix.zeros(2, 3), Matrix.zeros(2, 0).multiplyTranspose(Matrix.zeros(3, 0)));
    }

    @Test
    void productsPropagateNaNThroughZeroEntries() {
        // IEEE 754 makes 0 · NaN and 0 · ∞ NaN, so a non-finite entry must not vanish from a product.
        Matrix zero = Matrix.zeros(1, 1);
        Matrix nan = Matrix.column(Double.NaN);
        Matrix infinity = Matrix.column(Double.POSITIVE_INFINITY);

        assertTrue(Double.isNaN(zero.multiply(nan).get(0, 0)));
        assertTrue(Double.isNaN(zero.multiply(infinity).get(0, 0)));
        assertTrue(Double.isNaN(zero.transposeMultiply(nan).get(0, 0)));
        assertTrue(Double.isNaN(zero.transposeMultiply(infinity).get(0, 0)));
        assertTrue(Double.isNaN(zero.multiplyTranspose(nan).get(0, 0)));
        assertTrue(Double.isNaN(zero.multiplyTranspose(infinity).get(0, 0)));
    }

    @Test
    void rowMeanRejectsMatrixWithoutColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(3, 0).rowMean());

        assertEquals("rowMean: (3x0): no columns to average", e.getMessage());
    }

    @Test
    void columnArgmaxRejectsMatrixWithoutRows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.zeros(0, 3).columnArgmax());

        assertEquals("columnArgmax: (0x3): no rows to choose from", e.getMessage());
    }

    @Test
    void columnArgmaxOfMatrixWithoutColumnsIsEmpty() {
        assertArrayEquals(new int[0], Matrix.zeros(3, 0).columnArgmax());
    }

    @Test
    void zerosRejectsNegativeDimension() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(2, -1));

        assertEquals("invalid shape (2x-1): dimensions must be zero or positive", e.getMessage());
    }

    @Test
    void wrapRejectsWrongNumberOfValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.wrap(2, 3, new double[5]));

        assertEquals("wrap: 5 values cannot fill a (2x3) matrix; pass exactly 6 values", e.getMessage());
    }

    @Test
    void wrapSharesTheArray() {
        double[] values = {1.0, 2.0};
        Matrix m = Matrix.wrap(1, 2, values);

        values[1] = 5.0;

        assertEquals(5.0, m.get(0, 1));
        assertSame(values, m.data());
    }

    @Test
    void ofRejectsRaggedRows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.of(new double[][] {{1.0, 2.0}, {3.0}}));

        assertEquals("of: row 1 has 1 values but row 0 has 2; every row needs the same length", e.getMessage());
    }

    @Test
    void ofCopiesRowMajor() {
        Matrix m = Matrix.of(new double[][] {{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}});

        assertEquals("(2x3)", m.shape());
        assertArrayEquals(new double[] {1.0, 2.0, 3.0, 4.0, 5.0, 6.0}, m.data());
        assertEquals(6.0, m.get(1, 2));
    }

    @Test
    void oneHotSetsOneEntry() {
        assertEquals(Matrix.column(0.0, 0.0, 1.0, 0.0), Matrix.oneHot(4, 2));
    }

    @Test
    void oneHotRejectsIndexOutsideColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matrix.oneHot(10, 10));

        assertEquals("oneHot: index 10 is outside 0..9", e.getMessage());
    }

    @Test
    void getRejectsEntryOutsideMatrix() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> Matrix.zeros(2, 3).get(2, 0));

        assertEquals("entry (2, 0) is outside the (2x3) matrix", e.getMessage());
    }

    @Test
    void columnReturnsOneColumnAsCopy() {
        Matrix m = Matrix.of(new double[][] {{1.0, 2.0}, {3.0, 4.0}, {5.0, 6.0}});

        Matrix column = m.column(1);
        column.set(0, 0, 9.0);

        assertEquals(Matrix.column(9.0, 4.0, 6.0), column);
        assertEquals(2.0, m.get(0, 1));
    }

    @Test
    void operationsLeaveOperandsUnchanged() {
        Matrix a = Matrix.of(new double[][] {{1.0, -2.0}, {3.0, 4.0}});
        Matrix b = Matrix.of(new double[][] {{0.5, 6.0}, {-7.0, 8.0}});
        Matrix aBefore = a.copy();
        Matrix bBefore = b.copy();

        a.add(b);
        a.subtract(b);
        a.hadamard(b);
        a.multiply(b);
        a.transposeMultiply(b);
        a.multiplyTranspose(b);
        a.scale(3.0);
        a.map(Math::exp);
        a.addColumn(b.column(0));
        a.transpose();
        a.rowMean();

        assertEquals(aBefore, a);
        assertEquals(bBefore, b);
    }

    @Test
    void addScaledInPlaceModifiesAndReturnsThis() {
        Matrix a = Matrix.column(1.0, 2.0);

        Matrix result = a.addScaledInPlace(Matrix.column(10.0, 20.0), -0.5);

        assertSame(a, result);
        assertEquals(Matrix.column(-4.0, -8.0), a);
    }

    @Test
    void scaleInPlaceModifiesAndReturnsThis() {
        Matrix a = Matrix.column(1.0, -2.0);

        Matrix result = a.scaleInPlace(3.0);

        assertSame(a, result);
        assertEquals(Matrix.column(3.0, -6.0), a);
    }

    @Test
    void equalsComparesShapeAsWellAsEntries() {
        Matrix row = Matrix.wrap(1, 2, new double[] {1.0, 2.0});
        Matrix column = Matrix.wrap(2, 1, new double[] {1.0, 2.0});

        assertNotEquals(row, column);
        assertEquals(row, Matrix.of(new double[][] {{1.0, 2.0}}));
        assertEquals(row.hashCode(), Matrix.of(new double[][] {{1.0, 2.0}}).hashCode());
    }

    @Test
    void maxAbsAndSumCoverEveryEntry() {
        Matrix m = Matrix.of(new double[][] {{1.0, -7.0}, {2.5, 0.5}});

        assertEquals(7.0, m.maxAbs());
        assertEquals(-3.0, m.sum());
        assertEquals(0.0, Matrix.zeros(0, 4).maxAbs());
    }

    @Test
    void isFiniteRejectsNaNAndInfinity() {
        assertTrue(Matrix.column(1.0, -1e300).isFinite());
        assertFalse(Matrix.column(1.0, Double.NaN).isFinite());
        assertFalse(Matrix.column(Double.NEGATIVE_INFINITY).isFinite());
    }

    @Test
    void toStringShowsEntriesOfSmallMatrices() {
        assertEquals("Matrix(2x2) [1.0, 2.0], [3.0, 4.0]", Matrix.of(new double[][] {{1.0, 2.0}, {3.0, 4.0}}).toString());
        assertEquals("Matrix(30x784)", Matrix.zeros(30, 784).toString());
    }
}
