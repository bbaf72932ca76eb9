package nabla.trace;

import nabla.core.Matrix;

/**
 * The shape (rows×columns) of a matrix, printed with a multiplication sign, such as (30×784).
 *
 * @param rows the number of rows
 * @param cols the number of columns
 */
public record Shape(int rows, int cols) {

    /** Returns the shape of {@code matrix}. */
    public static Shape of(Matrix matrix) {
        return new Shape(matrix.rows(), matrix.cols());
    }

    /** Returns the shape of the transpose, (cols×rows). */
    public Shape transposed() {
        return new Shape(cols, rows);
    }

    /** Returns rows · cols, the number of entries. */
    public long size() {
        return (long) rows * cols;
    }

    @Override
    public String toString() {
        return "(" + rows + "×" + cols + ")";
    }
}
