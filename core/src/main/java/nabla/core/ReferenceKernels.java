package nabla.core;

/**
 * The three products as the textbook triple loop, with no blocking, no skipped zeros and one
 * rounding per multiplication and per addition. The fast kernels are tested against these.
 */
final class ReferenceKernels implements Kernels {

    static final ReferenceKernels INSTANCE = new ReferenceKernels();

    private ReferenceKernels() {
    }

    @Override
    public void multiply(Matrix a, Matrix b, Matrix c) {
        int inner = a.cols();
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                double sum = 0.0;
                for (int k = 0; k < inner; k++) {
                    sum += a.get(i, k) * b.get(k, j);
                }
                c.set(i, j, sum);
            }
        }
    }

    @Override
    public void transposeMultiply(Matrix a, Matrix b, Matrix c) {
        int inner = a.rows();
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                double sum = 0.0;
                for (int k = 0; k < inner; k++) {
                    sum += a.get(k, i) * b.get(k, j);
                }
                c.set(i, j, sum);
            }
        }
    }

    @Override
    public void multiplyTranspose(Matrix a, Matrix b, Matrix c) {
        int inner = a.cols();
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                double sum = 0.0;
                for (int k = 0; k < inner; k++) {
                    sum += a.get(i, k) * b.get(j, k);
                }
                c.set(i, j, sum);
            }
        }
    }

    @Override
    public String name() {
        return "reference";
    }
}
