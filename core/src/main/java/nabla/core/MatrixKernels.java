package nabla.core;

/**
 * The three matrix products behind {@link Matrix#multiply}, {@link Matrix#transposeMultiply} and
 * {@link Matrix#multiplyTranspose}. Callers have already checked the shapes.
 *
 * <p>No product is skipped for a zero entry, because 0 · NaN and 0 · ∞ are NaN and a non-finite
 * value must reach the result.
 */
final class MatrixKernels {

    private MatrixKernels() {
    }

    /** C = A · B, with loops ordered i-k-j so that the innermost loop walks rows of B and C. */
    static Matrix multiply(Matrix a, Matrix b) {
        int n = a.rows();
        int inner = a.cols();
        int m = b.cols();
        double[] x = a.data();
        double[] y = b.data();
        Matrix c = Matrix.zeros(n, m);
        double[] z = c.data();
        for (int i = 0; i < n; i++) {
            int rowC = i * m;
            for (int k = 0; k < inner; k++) {
                double aik = x[i * inner + k];
                int rowB = k * m;
                for (int j = 0; j < m; j++) {
                    z[rowC + j] += aik * y[rowB + j];
                }
            }
        }
        return c;
    }

    /** C = Aᵀ · B, reading A by rows so that no transpose is formed. */
    static Matrix transposeMultiply(Matrix a, Matrix b) {
        int inner = a.rows();
        int n = a.cols();
        int m = b.cols();
        double[] x = a.data();
        double[] y = b.data();
        Matrix c = Matrix.zeros(n, m);
        double[] z = c.data();
        for (int k = 0; k < inner; k++) {
            int rowA = k * n;
            int rowB = k * m;
            for (int i = 0; i < n; i++) {
                double aki = x[rowA + i];
                int rowC = i * m;
                for (int j = 0; j < m; j++) {
                    z[rowC + j] += aki * y[rowB + j];
                }
            }
        }
        return c;
    }

    /** C = A · Bᵀ: each entry is the dot product of a row of A with a row of B. */
    static Matrix multiplyTranspose(Matrix a, Matrix b) {
        int n = a.rows();
        int inner = a.cols();
        int m = b.rows();
        double[] x = a.data();
        double[] y = b.data();
        Matrix c = Matrix.zeros(n, m);
        double[] z = c.data();
        for (int i = 0; i < n; i++) {
            int rowA = i * inner;
            for (int j = 0; j < m; j++) {
                int rowB = j * inner;
                double sum = 0.0;
                for (int k = 0; k < inner; k++) {
                    sum += x[rowA + k] * y[rowB + k];
                }
                z[i * m + j] = sum;
            }
        }
        return c;
    }
}
