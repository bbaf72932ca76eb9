package nabla.core;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense matrix of doubles stored row-major in one array.
 *
 * <p>Every operation that combines two matrices checks their shapes first and throws
 * {@link IllegalArgumentException} naming the operation, both shapes as (rows×columns) and the
 * rule that failed, for example {@code matmul: (30x784) x (30x10): inner dimensions 784 and 30
 * differ}. Methods whose names end in {@code InPlace} modify this matrix and return it; every other
 * method leaves its operands unchanged and returns a new matrix.
 */
public final class Matrix {

    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Creates a (rows×cols) matrix of zeros. Either dimension may be zero. */
    public static Matrix zeros(int rows, int cols) {
        checkDimensions(rows, cols);
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /** Wraps a row-major array as a (rows×cols) matrix without copying it. */
    public static Matrix wrap(int rows, int cols, double[] rowMajor) {
        checkDimensions(rows, cols);
        if (rowMajor.length != (long) rows * cols) {
            throw new IllegalArgumentException("wrap: " + rowMajor.length + " values cannot fill a ("
                    + rows + "x" + cols + ") matrix; pass exactly " + (long) rows * cols + " values");
        }
        return new Matrix(rows, cols, rowMajor);
    }

    /** Copies {@code values[i][j]} into a new matrix; every row must have the same length. */
    public static Matrix of(double[][] values) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        Matrix m = zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            if (values[i].length != cols) {
                throw new IllegalArgumentException("of: row " + i + " has " + values[i].length
                        + " values but row 0 has " + cols + "; every row needs the same length");
            }
            System.arraycopy(values[i], 0, m.data, i * cols, cols);
        }
        return m;
    }

    /** Creates an (n×1) column vector holding a copy of the given values. */
    public static Matrix column(double... values) {
        return new Matrix(values.length, 1, values.clone());
    }

    /** Creates an (n×1) column that is 1.0 at {@code index} and 0.0 elsewhere. */
    public static Matrix oneHot(int n, int index) {
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("oneHot: index " + index + " is outside 0.." + (n - 1));
        }
        Matrix m = zeros(n, 1);
        m.data[index] = 1.0;
        return m;
    }

    private static void checkDimensions(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("invalid shape (" + rows + "x" + cols
                    + "): dimensions must be zero or positive");
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Returns the number of entries, rows × cols. */
    public int size() {
        return data.length;
    }

    /** Returns the shape as the text {@code (rowsxcols)} used in every error message. */
    public String shape() {
        return "(" + rows + "x" + cols + ")";
    }

    /** Returns true when {@code other} has the same number of rows and columns. */
    public boolean sameShape(Matrix other) {
        return rows == other.rows && cols == other.cols;
    }

    public double get(int row, int col) {
        return data[index(row, col)];
    }

    /** Sets one entry; this modifies the matrix. */
    public void set(int row, int col, double value) {
        data[index(row, col)] = value;
    }

    private int index(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("entry (" + row + ", " + col + ") is outside the "
                    + shape() + " matrix");
        }
        return row * cols + col;
    }

    /**
     * Returns the row-major backing array itself, not a copy: writes to it change this matrix.
     * Entry (i, j) is at {@code i * cols() + j}.
     */
    public double[] data() {
        return data;
    }

    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** Returns column {@code j} as a new (rows×1) matrix. */
    public Matrix column(int j) {
        Matrix out = zeros(rows, 1);
        for (int i = 0; i < rows; i++) {
            out.data[i] = get(i, j);
        }
        return out;
    }

    /** Returns the transpose as a new (cols×rows) matrix. */
    public Matrix transpose() {
        Matrix out = zeros(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out.data[j * rows + i] = data[i * cols + j];
            }
        }
        return out;
    }

    /** Returns the matrix product this · b, of shape (rows×b.cols). */
    public Matrix multiply(Matrix b) {
        checkMultiply(b);
        Matrix out = zeros(rows, b.cols);
        MatrixKernels.current().multiply(this, b, out);
        return out;
    }

    /**
     * Writes the matrix product this · b into {@code out}, overwriting it, and returns out; the
     * form that reuses a buffer between mini-batches.
     *
     * @param out (rows×b.cols), modified; must be neither this nor b
     */
    public Matrix multiply(Matrix b, Matrix out) {
        checkMultiply(b);
        checkOutput("matmul", out, rows, b.cols, b);
        MatrixKernels.current().multiply(this, b, out);
        return out;
    }

    private void checkMultiply(Matrix b) {
        if (cols != b.rows) {
            throw new IllegalArgumentException("matmul: " + shape() + " x " + b.shape()
                    + ": inner dimensions " + cols + " and " + b.rows + " differ");
        }
    }

    /** Returns thisᵀ · b, of shape (cols×b.cols), without forming the transpose (Wᵀδ in BP2). */
    public Matrix transposeMultiply(Matrix b) {
        checkTransposeMultiply(b);
        Matrix out = zeros(cols, b.cols);
        MatrixKernels.current().transposeMultiply(this, b, out);
        return out;
    }

    /**
     * Writes thisᵀ · b into {@code out}, overwriting it, and returns out.
     *
     * @param out (cols×b.cols), modified; must be neither this nor b
     */
    public Matrix transposeMultiply(Matrix b, Matrix out) {
        checkTransposeMultiply(b);
        checkOutput("matmul", out, cols, b.cols, b);
        MatrixKernels.current().transposeMultiply(this, b, out);
        return out;
    }

    private void checkTransposeMultiply(Matrix b) {
        if (rows != b.rows) {
            throw new IllegalArgumentException("matmul: " + shape() + "ᵀ x " + b.shape()
                    + ": row counts " + rows + " and " + b.rows + " differ, so the transpose of "
                    + "the first cannot multiply the second");
        }
    }

    /** Returns this · bᵀ, of shape (rows×b.rows), without forming the transpose (δaᵀ in BP4). */
    public Matrix multiplyTranspose(Matrix b) {
        checkMultiplyTranspose(b);
        Matrix out = zeros(rows, b.rows);
        MatrixKernels.current().multiplyTranspose(this, b, out);
        return out;
    }

    /**
     * Writes this · bᵀ into {@code out}, overwriting it, and returns out.
     *
     * @param out (rows×b.rows), modified; must be neither this nor b
     */
    public Matrix multiplyTranspose(Matrix b, Matrix out) {
        checkMultiplyTranspose(b);
        checkOutput("matmul", out, rows, b.rows, b);
        MatrixKernels.current().multiplyTranspose(this, b, out);
        return out;
    }

    private void checkMultiplyTranspose(Matrix b) {
        if (cols != b.cols) {
            throw new IllegalArgumentException("matmul: " + shape() + " x " + b.shape()
                    + "ᵀ: column counts " + cols + " and " + b.cols + " differ, so the first "
                    + "cannot multiply the transpose of the second");
        }
    }

    /** Throws unless {@code out} is (outRows×outCols) and shares its array with neither operand. */
    private void checkOutput(String operation, Matrix out, int outRows, int outCols, Matrix b) {
        if (out.rows != outRows || out.cols != outCols) {
            throw new IllegalArgumentException(operation + ": output " + out.shape() + " cannot hold the ("
                    + outRows + "x" + outCols + ") result; pass a (" + outRows + "x" + outCols + ") matrix");
        }
        if (out.data == data || out.data == b.data) {
            throw new IllegalArgumentException(operation + ": the output " + out.shape()
                    + " is also an operand; pass a separate matrix to write into");
        }
    }

    /** Returns the name of the matrix-product kernels this JVM uses: {@code vector} or {@code scalar}. */
    public static String kernels() {
        return MatrixKernels.name();
    }

    /** Returns this + column, adding the (rows×1) column to every column of this matrix. */
    public Matrix addColumn(Matrix column) {
        if (column.cols != 1 || column.rows != rows) {
            throw new IllegalArgumentException("addColumn: " + shape() + " + " + column.shape()
                    + ": the second operand must be a (" + rows + "x1) column");
        }
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            double bias = column.data[i];
            int offset = i * cols;
            for (int j = 0; j < cols; j++) {
                out.data[offset + j] = data[offset + j] + bias;
            }
        }
        return out;
    }

    // add, subtract and hadamard loop directly rather than through zipWith, whose call of a
    // function object per entry costs more than the arithmetic in every mini-batch.

    public Matrix add(Matrix b) {
        requireSameShape("add", b);
        Matrix out = zeros(rows, cols);
        for (int k = 0; k < data.length; k++) {
            out.data[k] = data[k] + b.data[k];
        }
        return out;
    }

    public Matrix subtract(Matrix b) {
        requireSameShape("subtract", b);
        Matrix out = zeros(rows, cols);
        for (int k = 0; k < data.length; k++) {
            out.data[k] = data[k] - b.data[k];
        }
        return out;
    }

    /** Returns the element-wise (Hadamard) product this ⊙ b. */
    public Matrix hadamard(Matrix b) {
        requireSameShape("hadamard", b);
        Matrix out = zeros(rows, cols);
        for (int k = 0; k < data.length; k++) {
            out.data[k] = data[k] * b.data[k];
        }
        return out;
    }

    /** Returns a new matrix with {@code f} applied to each pair of entries at the same position. */
    public Matrix zipWith(String operation, Matrix b, DoubleBinaryOperator f) {
        requireSameShape(operation, b);
        Matrix out = zeros(rows, cols);
        for (int k = 0; k < data.length; k++) {
            out.data[k] = f.applyAsDouble(data[k], b.data[k]);
        }
        return out;
    }

    /** Throws IllegalArgumentException naming {@code operation} unless both shapes are equal. */
    public void requireSameShape(String operation, Matrix b) {
        if (!sameShape(b)) {
            throw new IllegalArgumentException(operation + ": " + shape() + " and " + b.shape()
                    + ": shapes must be equal");
        }
    }

    public Matrix scale(double factor) {
        Matrix out = zeros(rows, cols);
        for (int k = 0; k < data.length; k++) {
            out.data[k] = data[k] * factor;
        }
        return out;
    }

    /** Returns a new matrix with {@code f} applied to every entry. */
    public Matrix map(DoubleUnaryOperator f) {
        Matrix out = zeros(rows, cols);
        for (int k = 0; k < data.length; k++) {
            out.data[k] = f.applyAsDouble(data[k]);
        }
        return out;
    }

    /** Adds {@code factor · b} to this matrix in place and returns this (an axpy update). */
    public Matrix addScaledInPlace(Matrix b, double factor) {
        requireSameShape("addScaled", b);
        for (int k = 0; k < data.length; k++) {
            data[k] += factor * b.data[k];
        }
        return this;
    }

    /** Multiplies every entry by {@code factor} in place and returns this. */
    public Matrix scaleInPlace(double factor) {
        for (int k = 0; k < data.length; k++) {
            data[k] *= factor;
        }
        return this;
    }

    /** Returns the (rows×1) column of row sums. */
    public Matrix rowSum() {
        Matrix out = zeros(rows, 1);
        for (int i = 0; i < rows; i++) {
            double sum = 0.0;
            int offset = i * cols;
            for (int j = 0; j < cols; j++) {
                sum += data[offset + j];
            }
            out.data[i] = sum;
        }
        return out;
    }

    /** Returns the (rows×1) column of row means; a matrix with no columns has no mean. */
    public Matrix rowMean() {
        if (cols == 0) {
            throw new IllegalArgumentException("rowMean: " + shape() + ": no columns to average");
        }
        return rowSum().scaleInPlace(1.0 / cols);
    }

    /** Returns the (1×cols) row of column sums. */
    public Matrix columnSum() {
        Matrix out = zeros(1, cols);
        for (int i = 0; i < rows; i++) {
            int offset = i * cols;
            for (int j = 0; j < cols; j++) {
                out.data[j] += data[offset + j];
            }
        }
        return out;
    }

    /** Returns the sum of all entries. */
    public double sum() {
        double sum = 0.0;
        for (double v : data) {
            sum += v;
        }
        return sum;
    }

    /** Returns the largest absolute value of any entry, or 0.0 for an empty matrix. */
    public double maxAbs() {
        double max = 0.0;
        for (double v : data) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /**
     * Returns true when every entry of scale·this + factor·g is finite, the values a gradient
     * step w ← scale·w + factor·g would write; computes them as {@link #scaleInPlace} and
     * {@link #addScaledInPlace} do, and modifies nothing.
     */
    public boolean stepStaysFinite(double scale, Matrix g, double factor) {
        requireSameShape("stepStaysFinite", g);
        return MatrixKernels.current().stepStaysFinite(data, scale, g.data, factor);
    }

    /** Returns true when every entry is finite (neither NaN nor infinite). */
    public boolean isFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns, for each column, the row index of its largest entry; ties go to the lowest index.
     * This is the predicted class of each example when examples are stacked as columns.
     */
    public int[] columnArgmax() {
        if (rows == 0) {
            throw new IllegalArgumentException("columnArgmax: " + shape() + ": no rows to choose from");
        }
        int[] best = new int[cols];
        for (int j = 0; j < cols; j++) {
            double max = data[j];
            for (int i = 1; i < rows; i++) {
                double v = data[i * cols + j];
                if (v > max) {
                    max = v;
                    best[j] = i;
                }
            }
        }
        return best;
    }

    /** Returns a copy of the entries as rows of a two-dimensional array. */
    public double[][] toArray() {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * cols, out[i], 0, cols);
        }
        return out;
    }

    /** Two matrices are equal when their shapes and all entries are equal, as Arrays.equals compares them. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix other && sameShape(other) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    /** Returns the shape, followed by the entries row by row when there are at most 100. */
    @Override
    public String toString() {
        if (data.length > 100) {
            return "Matrix" + shape();
        }
        StringBuilder text = new StringBuilder("Matrix").append(shape());
        for (int i = 0; i < rows; i++) {
            text.append(i == 0 ? " [" : ", [");
            for (int j = 0; j < cols; j++) {
                text.append(j == 0 ? "" : ", ").append(data[i * cols + j]);
            }
            text.append(']');
        }
        return text.toString();
    }
}
