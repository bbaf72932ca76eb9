package nabla.core;

import java.util.Arrays;

/**
 * The products in plain Java, used when the vector module is not available. Loops are ordered
 * so that the innermost one walks contiguous rows, which the JIT can vectorise. {@link #multiply}
 * and {@link #transposeMultiply} skip the zero entries of their left operand.
 */
final class ScalarKernels implements Kernels {

    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    /** C = A · B with loops ordered i-k-j, so that the innermost loop walks rows of B and C. */
    @Override
    public void multiply(Matrix a, Matrix b, Matrix c) {
        int n = a.rows();
        int inner = a.cols();
        int m = b.cols();
        double[] x = a.data();
        double[] y = b.data();
        double[] z = c.data();
        Arrays.fill(z, 0.0);
        for (int i = 0; i < n; i++) {
            int rowC = i * m;
            for (int k = 0; k < inner; k++) {
                double aik = x[i * inner + k];
                if (aik == 0.0) {
                    continue;
                }
                int rowB = k * m;
                for (int j = 0; j < m; j++) {
                    z[rowC + j] += aik * y[rowB + j];
                }
            }
        }
    }

    /** C = Aᵀ · B, reading A by rows so that no transpose is formed. */
    @Override
    public void transposeMultiply(Matrix a, Matrix b, Matrix c) {
        int inner = a.rows();
        int n = a.cols();
        int m = b.cols();
        double[] x = a.data();
        double[] y = b.data();
        double[] z = c.data();
        Arrays.fill(z, 0.0);
        for (int k = 0; k < inner; k++) {
            int rowA = k * n;
            int rowB = k * m;
            for (int i = 0; i < n; i++) {
                double aki = x[rowA + i];
                if (aki == 0.0) {
                    continue;
                }
                int rowC = i * m;
                for (int j = 0; j < m; j++) {
                    z[rowC + j] += aki * y[rowB + j];
                }
            }
        }
    }

    /** C = A · Bᵀ: each entry is the dot product of a row of A with a row of B. */
    @Override
    public void multiplyTranspose(Matrix a, Matrix b, Matrix c) {
        int n = a.rows();
        int inner = a.cols();
        int m = b.rows();
        double[] x = a.data();
        double[] y = b.data();
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
    }

    @Override
    public String name() {
        return "scalar";
    }
}
