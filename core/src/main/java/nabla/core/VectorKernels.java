package nabla.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The products with explicit 256-bit vectors (four doubles) from the incubating
 * {@code jdk.incubator.vector} module, which the JVM loads only when started with
 * {@code --add-modules jdk.incubator.vector}. {@link MatrixKernels} falls back to
 * {@link ScalarKernels} when the module is absent, so no other class may refer to this one.
 *
 * <p>Both kernels keep their partial sums in registers for a whole pass over the shared
 * dimension and write each entry of C once, or twice with the same value where the last block of
 * columns overlaps the one before:
 *
 * <ul>
 *   <li>{@link #multiply} computes a block of four rows of C by twelve columns as twelve vector
 *       accumulators: for each k it loads three vectors of row k of B and adds each, times the
 *       broadcast entry of A, into the accumulators of every row.</li>
 *   <li>{@link #multiplyTranspose} (the rank-m update δ aᵀ of BP4) computes eight consecutive
 *       columns of C at a time: it copies the eight rows of B they need into a small buffer as
 *       2m vectors, and adds them, times the broadcast entries of A, into twelve accumulators for
 *       six rows of C.</li>
 * </ul>
 *
 * <p>{@link #multiplyTranspose} skips the terms of a column j of B whose eight entries are all
 * zero, as for a run of dark pixels in image j. A skipped term is an exact zero, so finite results
 * do not change. Where A contains an infinity or NaN against such zeros, the result keeps the
 * value of the other terms instead of becoming NaN. {@link #multiply} skips nothing.
 *
 * <p>NOTE: skipping the all-zero rows of B in {@link #multiply} through a list of the other rows
 * took about 30% off z¹ = w¹x for batches of 10 MNIST digits, whose pixel rows are half zero,
 * but added about 15% for Fashion-MNIST, where 11% are. A nest of loops over runs of rows made
 * JDK 17 box the vectors and run 15 times slower. Those were single runs of a timing loop on a
 * shared machine, so a better scheme may still exist.
 *
 * <p>Sums run over k in increasing order with one fused multiply-add per term, so results differ
 * from the reference loops only by rounding, at most about k·2⁻⁵³ times Σₖ |aᵢₖ bₖⱼ|.
 */
final class VectorKernels implements Kernels {

    /**
     * 256 bits, not the machine's preferred width. On processors that split 512-bit operations in
     * two halves (AMD Zen 4) the throughput is the same, and three four-lane vectors cover the 10
     * columns of a mini-batch with 2 lanes to spare where two eight-lane ones would have 6.
     */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;
    private static final int LANES = 4;

    /** Columns per block of {@link #multiply}: three vectors, which for four rows make 12 accumulators. */
    private static final int PANEL_COLUMNS = 3 * LANES;

    static final VectorKernels INSTANCE = new VectorKernels();

    private VectorKernels() {
    }

    @Override
    public boolean stepStaysFinite(double[] w, double scale, double[] g, double factor) {
        // Lane-wise u − u: 0 for a finite u, NaN for an infinite or NaN one.
        DoubleVector sum = DoubleVector.zero(SPECIES);
        int upper = SPECIES.loopBound(w.length);
        int k = 0;
        for (; k < upper; k += LANES) {
            DoubleVector u = DoubleVector.fromArray(SPECIES, w, k).mul(scale)
                    .add(DoubleVector.fromArray(SPECIES, g, k).mul(factor));
            sum = sum.add(u.sub(u));
        }
        double tail = 0.0;
        for (; k < w.length; k++) {
            double u = scale * w[k] + factor * g[k];
            tail += u - u;
        }
        return sum.reduceLanes(VectorOperators.ADD) + tail == 0.0;
    }

    /** Returns true when this JVM computes 256-bit vectors in hardware rather than emulating them. */
    static boolean isSupported() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= SPECIES.vectorBitSize();
    }

    @Override
    public void multiply(Matrix a, Matrix b, Matrix c) {
        // A(i, k) is a[i·inner + k]
        product(a.data(), a.cols(), 1, b.data(), c.data(), a.rows(), a.cols(), b.cols());
    }

    @Override
    public void transposeMultiply(Matrix a, Matrix b, Matrix c) {
        // Aᵀ(i, k) is A(k, i), at a[k·n + i]
        product(a.data(), 1, a.cols(), b.data(), c.data(), a.cols(), a.rows(), b.cols());
    }

    /**
     * Computes C (n×m) = A' · B for B (inner×m), where A'(i, k) is {@code a[i·rowStride + k·colStride]}.
     * Column blocks start at 0, 12, 24, … and within a block the vectors start 4 columns apart,
     * but never past m − 4. So a narrow last block overlaps the one before and recomputes a few
     * columns instead of reading beyond the row.
     */
    private static void product(double[] a, int rowStride, int colStride, double[] b, double[] c,
            int n, int inner, int m) {
        if (m < LANES) {
            scalarProduct(a, rowStride, colStride, b, c, n, inner, m);
            return;
        }
        for (int first = 0; first < m; first += PANEL_COLUMNS) {
            int o0 = Math.min(first, m - LANES);
            int o1 = Math.min(first + LANES, m - LANES);
            int o2 = Math.min(first + 2 * LANES, m - LANES);
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                fourRows(a, rowStride, colStride, b, c, i, inner, m, o0, o1, o2);
            }
            for (; i < n; i++) {
                oneRow(a, rowStride, colStride, b, c, i, inner, m, o0, o1, o2);
            }
        }
    }

    private static void fourRows(double[] a, int rowStride, int colStride, double[] b, double[] c, int i,
            int inner, int m, int o0, int o1, int o2) {
        int a0 = i * rowStride;
        int a1 = a0 + rowStride;
        int a2 = a1 + rowStride;
        int a3 = a2 + rowStride;
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = c00;
        DoubleVector c02 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c12 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c22 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c32 = c00;
        for (int k = 0, rowB = 0, column = 0; k < inner; k++, rowB += m, column += colStride) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, rowB + o0);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, rowB + o1);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, b, rowB + o2);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[a0 + column]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            x = DoubleVector.broadcast(SPECIES, a[a1 + column]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            x = DoubleVector.broadcast(SPECIES, a[a2 + column]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            x = DoubleVector.broadcast(SPECIES, a[a3 + column]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
        }
        // Overlapping vectors hold identical values for the shared columns, so the order of
        // the stores does not matter.
        int row = i * m;
        c00.intoArray(c, row + o0);
        c01.intoArray(c, row + o1);
        c02.intoArray(c, row + o2);
        row += m;
        c10.intoArray(c, row + o0);
        c11.intoArray(c, row + o1);
        c12.intoArray(c, row + o2);
        row += m;
        c20.intoArray(c, row + o0);
        c21.intoArray(c, row + o1);
        c22.intoArray(c, row + o2);
        row += m;
        c30.intoArray(c, row + o0);
        c31.intoArray(c, row + o1);
        c32.intoArray(c, row + o2);
    }

    private static void oneRow(double[] a, int rowStride, int colStride, double[] b, double[] c, int i,
            int inner, int m, int o0, int o1, int o2) {
        int a0 = i * rowStride;
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = c00;
        DoubleVector c02 = c00;
        for (int k = 0, rowB = 0, column = a0; k < inner; k++, rowB += m, column += colStride) {
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[column]);
            c00 = DoubleVector.fromArray(SPECIES, b, rowB + o0).fma(x, c00);
            c01 = DoubleVector.fromArray(SPECIES, b, rowB + o1).fma(x, c01);
            c02 = DoubleVector.fromArray(SPECIES, b, rowB + o2).fma(x, c02);
        }
        int row = i * m;
        c00.intoArray(c, row + o0);
        c01.intoArray(c, row + o1);
        c02.intoArray(c, row + o2);
    }

    /** Computes the product for fewer than four columns, where a vector would not fit a row of B. */
    private static void scalarProduct(double[] a, int rowStride, int colStride, double[] b, double[] c,
            int n, int inner, int m) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0.0;
                for (int k = 0; k < inner; k++) {
                    sum = Math.fma(a[i * rowStride + k * colStride], b[k * m + j], sum);
                }
                c[i * m + j] = sum;
            }
        }
    }

    @Override
    public void multiplyTranspose(Matrix a, Matrix b, Matrix c) {
        int n = a.rows();
        int m = a.cols();
        int columns = b.rows();
        double[] x = a.data();
        double[] y = b.data();
        double[] z = c.data();
        if (columns < 2 * LANES) {
            scalarMultiplyTranspose(x, y, z, n, m, columns);
            return;
        }

        double[] slice = new double[2 * LANES * m];
        int[] nonZero = new int[m];
        // Blocks of eight columns of C start at 0, 8, 16, …. A last partial block is moved back to
        // end at the last column, so it recomputes a few columns instead of writing past the row.
        for (int start = 0; start < columns; start += 2 * LANES) {
            int k0 = Math.min(start, columns - 2 * LANES);
            int count = sliceRows(y, m, k0, slice, nonZero);

            int i = 0;
            for (; i + 6 <= n; i += 6) {
                sixRowsOfSlice(x, z, i, m, columns, k0, slice, nonZero, count);
            }

            for (; i < n; i++) {
                DoubleVector low = DoubleVector.zero(SPECIES);
                DoubleVector high = low;
                int rowA = i * m;
                for (int q = 0; q < count; q++) {
                    int j = nonZero[q];
                    DoubleVector factor = DoubleVector.broadcast(SPECIES, x[rowA + j]);
                    low = DoubleVector.fromArray(SPECIES, slice, 2 * j * LANES).fma(factor, low);
                    high = DoubleVector.fromArray(SPECIES, slice, (2 * j + 1) * LANES).fma(factor, high);
                }
                low.intoArray(z, i * columns + k0);
                high.intoArray(z, i * columns + k0 + LANES);
            }
        }
    }

    /**
     * Copies rows k0 … k0 + 7 of B (columns×m) into {@code slice} as 2m vectors, vectors 2j and
     * 2j + 1 holding B(k0 + l, j) for l = 0 … 3 and 4 … 7, and lists the j whose eight entries are
     * not all zero; returns how many.
     */
    private static int sliceRows(double[] b, int m, int k0, double[] slice, int[] nonZero) {
        int source = k0 * m;
        int count = 0;
        for (int j = 0; j < m; j++) {
            int target = 2 * j * LANES;
            long bits = 0;
            for (int l = 0; l < 2 * LANES; l++) {
                double value = b[source + l * m + j];
                slice[target + l] = value;
                bits |= Double.doubleToRawLongBits(value);
            }
            nonZero[count] = j;
            // The shift drops the sign bit, so −0.0 counts as zero.
            count += (bits << 1) != 0 ? 1 : 0;
        }
        return count;
    }

    private static void sixRowsOfSlice(double[] a, double[] c, int i, int m, int columns, int k0,
            double[] slice, int[] nonZero, int count) {
        int a0 = i * m;
        DoubleVector c0 = DoubleVector.zero(SPECIES);
        DoubleVector c1 = c0;
        DoubleVector c2 = c0;
        DoubleVector c3 = c0;
        DoubleVector c4 = c0;
        DoubleVector c5 = c0;
        DoubleVector d0 = c0;
        DoubleVector d1 = c0;
        DoubleVector d2 = c0;
        DoubleVector d3 = c0;
        DoubleVector d4 = c0;
        DoubleVector d5 = c0;
        for (int q = 0; q < count; q++) {
            int j = nonZero[q];
            DoubleVector low = DoubleVector.fromArray(SPECIES, slice, 2 * j * LANES);
            DoubleVector high = DoubleVector.fromArray(SPECIES, slice, (2 * j + 1) * LANES);
            int column = a0 + j;
            DoubleVector factor = DoubleVector.broadcast(SPECIES, a[column]);
            c0 = low.fma(factor, c0);
            d0 = high.fma(factor, d0);
            factor = DoubleVector.broadcast(SPECIES, a[column + m]);
            c1 = low.fma(factor, c1);
            d1 = high.fma(factor, d1);
            factor = DoubleVector.broadcast(SPECIES, a[column + 2 * m]);
            c2 = low.fma(factor, c2);
            d2 = high.fma(factor, d2);
            factor = DoubleVector.broadcast(SPECIES, a[column + 3 * m]);
            c3 = low.fma(factor, c3);
            d3 = high.fma(factor, d3);
            factor = DoubleVector.broadcast(SPECIES, a[column + 4 * m]);
            c4 = low.fma(factor, c4);
            d4 = high.fma(factor, d4);
            factor = DoubleVector.broadcast(SPECIES, a[column + 5 * m]);
            c5 = low.fma(factor, c5);
            d5 = high.fma(factor, d5);
        }
        int row = i * columns + k0;
        c0.intoArray(c, row);
        d0.intoArray(c, row + LANES);
        row += columns;
        c1.intoArray(c, row);
        d1.intoArray(c, row + LANES);
        row += columns;
        c2.intoArray(c, row);
        d2.intoArray(c, row + LANES);
        row += columns;
        c3.intoArray(c, row);
        d3.intoArray(c, row + LANES);
        row += columns;
        c4.intoArray(c, row);
        d4.intoArray(c, row + LANES);
        row += columns;
        c5.intoArray(c, row);
        d5.intoArray(c, row + LANES);
    }

    /** Computes A · Bᵀ for B with fewer than eight rows as plain dot products. */
    private static void scalarMultiplyTranspose(double[] a, double[] b, double[] c, int n, int m, int columns) {
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < columns; k++) {
                double sum = 0.0;
                for (int j = 0; j < m; j++) {
                    sum = Math.fma(a[i * m + j], b[k * m + j], sum);
                }
                c[i * columns + k] = sum;
            }
        }
    }

    @Override
    public String name() {
        return "vector";
    }
}
