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
}
