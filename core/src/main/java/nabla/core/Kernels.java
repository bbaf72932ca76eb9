package nabla.core;

/**
 * One implementation of the three matrix products behind {@link Matrix#multiply},
 * {@link Matrix#transposeMultiply} and {@link Matrix#multiplyTranspose}. Callers have already
 * checked the shapes, and {@code c} is distinct from both operands. Each method overwrites every
 * entry of {@code c}, so its previous contents do not matter.
 */
interface Kernels {

    /** C = A · B for A (n×k), B (k×m) and C (n×m). */
    void multiply(Matrix a, Matrix b, Matrix c);

    /** C = Aᵀ · B for A (k×n), B (k×m) and C (n×m), without forming Aᵀ. */
    void transposeMultiply(Matrix a, Matrix b, Matrix c);

    /** C = A · Bᵀ for A (n×m), B (k×m) and C (n×k), without forming Bᵀ. */
    void multiplyTranspose(Matrix a, Matrix b, Matrix c);

    /** A short name for messages and benchmarks, such as {@code vector}. */
    String name();

    /**
     * Returns true when every scale·w + factor·g is finite, for arrays of equal length. The
     * default is the scalar loop; u − u is 0 for a finite u and NaN otherwise, so one sum decides.
     */
    default boolean stepStaysFinite(double[] w, double scale, double[] g, double factor) {
        double s0 = 0.0;
        double s1 = 0.0;
        int k = 0;
        for (; k + 1 < w.length; k += 2) {
            double u0 = scale * w[k] + factor * g[k];
            double u1 = scale * w[k + 1] + factor * g[k + 1];
            s0 += u0 - u0;
            s1 += u1 - u1;
        }
        for (; k < w.length; k++) {
            double u = scale * w[k] + factor * g[k];
            s0 += u - u;
        }
        return s0 + s1 == 0.0;
    }
}
