package nabla.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import nabla.data.DataSplit;
import nabla.data.Dataset;
import org.junit.jupiter.api.Test;

/** The hand-coded gradient of one mini-batch with the fast kernels and with the reference loops. */
class FastGradientTest {

    /**
     * Bound on |fast − reference| relative to the largest entry of each quantity. The kernels
     * differ by at most about 784·2⁻⁵³ ≈ 9e-14 of the summed magnitudes (see MatrixKernelsTest).
     * σ, the cost and BP1–BP4 pass that on, amplified by no more than a small factor for sigmoid
     * layers, while a wrong product is off by a whole term.
     */
    private static final double GRADIENT_TOLERANCE = 1e-12;

    private static final int[] SIZES = {784, 30, 10};
    private static final int BATCH = 10;

    @Test
    void fastKernelsGiveReferenceGradient() throws IOException {
        Dataset images = DataSplit.embeddedSample().training();
        int[] order = images.identityOrder();
        Network network = new Network(SIZES, 7L);
        Matrix x = images.inputs(order, 100, 100 + BATCH);
        Matrix y = images.targets(order, 100, 100 + BATCH, 10);

        Gradient fast = new MiniBatchBackprop().gradient(network, x, y);
        Gradient reference = MatrixKernels.using(ReferenceKernels.INSTANCE,
                () -> new MiniBatchBackprop().gradient(network, x, y));

        for (int l = 1; l <= network.layerCount(); l++) {
            assertNormwiseClose("δ" + l, reference.delta(l), fast.delta(l));
            assertNormwiseClose("∂C/∂b" + l, reference.nablaB(l), fast.nablaB(l));
            assertNormwiseClose("∂C/∂w" + l, reference.nablaW(l), fast.nablaW(l));
        }
    }

    @Test
    void reusedBuffersGiveSameGradients() throws IOException {
        Dataset images = DataSplit.embeddedSample().training();
        int[] order = images.identityOrder();
        Network network = new Network(SIZES, 3L);
        MiniBatchBackprop reusing = MiniBatchBackprop.reusingBuffers();
        Matrix[] firstWeights = new Matrix[SIZES.length];

        for (int batch = 0; batch < 2; batch++) {
            int from = batch * BATCH;
            Matrix x = images.inputs(order, from, from + BATCH);
            Matrix y = images.targets(order, from, from + BATCH, 10);
            Gradient expected = new MiniBatchBackprop().gradient(network, x, y);
            Gradient actual = reusing.gradient(network, x, y);

            for (int l = 1; l <= network.layerCount(); l++) {
                assertEquals(expected.nablaW(l), actual.nablaW(l), "∂C/∂w" + l + " of batch " + batch);
                assertEquals(expected.nablaB(l), actual.nablaB(l), "∂C/∂b" + l + " of batch " + batch);
                if (batch == 0) {
                    firstWeights[l] = actual.nablaW(l);
                } else {
                    assertSame(firstWeights[l], actual.nablaW(l), "∂C/∂w" + l + " is written into the kept buffer");
                }
            }
        }
    }

    @Test
    void newInstanceNeverReusesBuffers() {
        Network network = new Network(new int[] {4, 3, 2}, 5L);
        Matrix x = Matrix.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}, {0.7, 0.8}});
        Matrix y = Matrix.of(new double[][] {{1, 0}, {0, 1}});
        MiniBatchBackprop backprop = new MiniBatchBackprop();

        Gradient first = backprop.gradient(network, x, y);
        Gradient second = backprop.gradient(network, x, y);

        assertNotSame(first.nablaW(1), second.nablaW(1));
        assertEquals(first.nablaW(1), second.nablaW(1));
    }

    private static void assertNormwiseClose(String quantity, Matrix expected, Matrix actual) {
        double bound = GRADIENT_TOLERANCE * expected.maxAbs();
        double worst = 0.0;
        for (int k = 0; k < expected.size(); k++) {
            worst = Math.max(worst, Math.abs(expected.data()[k] - actual.data()[k]));
        }
        assertTrue(worst <= bound, quantity + ": fast kernels differ from the reference by " + worst
                + ", above " + bound + " (1e-12 of the largest entry " + expected.maxAbs() + ")");
    }
}
