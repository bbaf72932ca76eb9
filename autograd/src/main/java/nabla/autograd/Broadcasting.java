package nabla.autograd;

import java.util.function.DoubleBinaryOperator;
import nabla.core.Matrix;

/**
 * Broadcasting for the element-wise binary operations: two shapes are compatible when, in each
 * dimension, they are equal or one of them is 1, and the result takes the larger size. So an
 * (n×1) column is added to every column of an (n×m) matrix, a (1×m) row to every row, and a
 * (1×1) scalar to every entry.
 */
final class Broadcasting {

    private Broadcasting() {
    }

    /** Returns f(a, b) entry by entry, each operand repeated along the dimensions where it has size 1. */
    static Matrix zip(String operation, Matrix a, Matrix b, DoubleBinaryOperator f) {
        if (a.sameShape(b)) {
            return a.zipWith(operation, b, f);
        }
        int rows = broadcastSize(operation, a, b, a.rows(), b.rows());
        int cols = broadcastSize(operation, a, b, a.cols(), b.cols());
        Matrix out = Matrix.zeros(rows, cols);
        double[] x = a.data();
        double[] y = b.data();
        double[] z = out.data();
        for (int i = 0; i < rows; i++) {
            int rowA = a.rows() == 1 ? 0 : i * a.cols();
            int rowB = b.rows() == 1 ? 0 : i * b.cols();
            for (int j = 0; j < cols; j++) {
                double left = x[rowA + (a.cols() == 1 ? 0 : j)];
                double right = y[rowB + (b.cols() == 1 ? 0 : j)];
                z[i * cols + j] = f.applyAsDouble(left, right);
            }
        }
        return out;
    }

    /** Returns a new (rows×cols) matrix holding {@code m} repeated along its dimensions of size 1. */
    static Matrix expand(Matrix m, int rows, int cols) {
        Matrix out = Matrix.zeros(rows, cols);
        double[] x = m.data();
        double[] z = out.data();
        for (int i = 0; i < rows; i++) {
            int row = m.rows() == 1 ? 0 : i * m.cols();
            for (int j = 0; j < cols; j++) {
                z[i * cols + j] = x[row + (m.cols() == 1 ? 0 : j)];
            }
        }
        return out;
    }

    private static int broadcastSize(String operation, Matrix a, Matrix b, int sizeA, int sizeB) {
        if (sizeA == sizeB || sizeB == 1) {
            return sizeA;
        }
        if (sizeA == 1) {
            return sizeB;
        }
        throw new IllegalArgumentException(operation + ": " + a.shape() + " and " + b.shape()
                + ": shapes must be equal or broadcast, each dimension equal in both or 1 in one of them");
    }

    /**
     * Undoes a broadcast in the backward pass: an operand repeated along a dimension received the
     * gradient of every copy, so those gradients are summed back into its own shape. Returns
     * {@code g} itself when no broadcast happened, else a new matrix.
     */
    static Matrix sumToShape(Matrix g, Matrix shape) {
        if (g.sameShape(shape)) {
            return g;
        }
        boolean rowsRepeated = shape.rows() == 1 && g.rows() != 1;
        boolean colsRepeated = shape.cols() == 1 && g.cols() != 1;
        if (rowsRepeated && colsRepeated) {
            return Matrix.column(g.sum());
        }
        return rowsRepeated ? g.columnSum() : g.rowSum();
    }
}
