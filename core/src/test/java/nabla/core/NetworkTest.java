package nabla.core;

import static nabla.core.MatrixAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import nabla.core.Generators.NetworkKind;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests {@link Network}: seeded N(0, 1) parameters, their shapes, and the forward pass. */
class NetworkTest {

    private static final int[] MNIST_SIZES = {784, 30, 10};

    /*
     * Bounds on the statistics of the n = 23,860 parameters of MNIST_SIZES if they are N(0, 1)
     * draws. Each is more than 5 standard deviations of its statistic: 1/√n ≈ 0.0065 for the mean,
     * √(2/n) ≈ 0.0092 for the variance, √(6/n) ≈ 0.016 for the skewness and √(24/n) ≈ 0.032 for
     * the excess kurtosis. Skewness and kurtosis tell a normal from a uniform or a sum of a few
     * uniform draws.
     */
    private static final double MEAN_BOUND = 0.04;
    private static final double VARIANCE_BOUND = 0.05;
    private static final double SKEWNESS_BOUND = 0.1;
    private static final double KURTOSIS_BOUND = 0.2;

    @Test
    void sameSeedGivesBitIdenticalParameters() {
        Network first = new Network(MNIST_SIZES, 42);
        Network second = new Network(MNIST_SIZES, 42);

        for (int l = 1; l <= 2; l++) {
            // Matrix.equals compares the bits of every entry, as Arrays.equals(double[], double[]) does.
            assertEquals(first.weight(l), second.weight(l), "w" + l);
            assertEquals(first.bias(l), second.bias(l), "b" + l);
        }
    }

    @Test
    void differentSeedGivesDifferentParameters() {
        Network first = new Network(MNIST_SIZES, 42);
        Network second = new Network(MNIST_SIZES, 43);

        for (int l = 1; l <= 2; l++) {
            assertNotEquals(first.weight(l), second.weight(l), "w" + l);
            assertNotEquals(first.bias(l), second.bias(l), "b" + l);
        }
    }

    @Test
    void parametersHaveLayerShapes() {
        Network network = new Network(new int[] {784, 30, 20, 10}, 1);

        assertEquals(3, network.layerCount());
        assertEquals("(30x784)", network.weight(1).shape());
        assertEquals("(30x1)", network.bias(1).shape());
        assertEquals("(20x30)", network.weight(2).shape());
        assertEquals("(20x1)", network.bias(2).shape());
        assertEquals("(10x20)", network.weight(3).shape());
        assertEquals("(10x1)", network.bias(3).shape());
    }

    @Test
    void parameterCountOfMnistNetworkIs23860() {
        // 30 × (784 + 1) + 10 × (30 + 1) = 23,550 + 310
        assertEquals(23_860, new Network(MNIST_SIZES, 1).parameterCount());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 1234567})
    void parametersLookStandardNormal(long seed) {
        Network network = new Network(MNIST_SIZES, seed);
        DescriptiveStatistics statistics = new DescriptiveStatistics();
        for (int l = 1; l <= network.layerCount(); l++) {
            for (double w : network.weight(l).data()) {
                statistics.addValue(w);
            }
            for (double b : network.bias(l).data()) {
                statistics.addValue(b);
            }
        }

        assertEquals(23_860, statistics.getN());
        assertEquals(0.0, statistics.getMean(), MEAN_BOUND);
        assertEquals(1.0, statistics.getVariance(), VARIANCE_BOUND);
        assertEquals(0.0, statistics.getSkewness(), SKEWNESS_BOUND);
        assertEquals(0.0, statistics.getKurtosis(), KURTOSIS_BOUND);
    }

    @Test
    void feedforwardColumnMatchesBatchColumn() {
        qt().withExamples(100)
                .forAll(Generators.batches(NetworkKind.ALL, 3, 6, 6))
                .checkAssert(batch -> {
                    Network network = batch.network();
                    Matrix outputs = network.feedforward(batch.x());
                    for (int j = 0; j < batch.m(); j++) {
                        assertClose(network.feedforward(batch.x().column(j)), outputs.column(j),
                                Tolerances.SAME_FORMULA, "column " + j);
                    }
                });
    }

    @Test
    void feedforwardKeepsNaNBehindZeroWeights() {
        Network network = Network.zeros(new int[] {2, 1}, Activations.SIGMOID, Activations.SIGMOID, Costs.QUADRATIC);

        Matrix output = network.feedforward(Matrix.column(Double.NaN, 0.5));

        assertTrue(Double.isNaN(output.get(0, 0)), output::toString);
    }

    @Test
    void feedforwardRejectsInputOfWrongRowCount() {
        Network network = new Network(MNIST_SIZES, 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> network.feedforward(Matrix.zeros(10, 784)));

        assertEquals("feedforward: input (10x784) has 10 rows but the network's input layer has 784 neurons; "
                + "pass one example per column", e.getMessage());
    }

    @Test
    void constructorRejectsNetworkWithoutOutputLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Network(new int[] {784}, 1));

        assertTrue(e.getMessage().contains("[784]"), e.getMessage());
    }

    @Test
    void constructorRejectsEmptyLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Network(new int[] {784, 0, 10}, 1));

        assertEquals("sizes [784, 0, 10]: layer 1 has 0 neurons; every layer needs at least 1", e.getMessage());
    }

    @Test
    void constructorRejectsSoftmaxHiddenLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Network(MNIST_SIZES, 1, Activations.SOFTMAX, Activations.SOFTMAX, Costs.LOG_LIKELIHOOD));

        assertTrue(e.getMessage().startsWith("hidden activation softmax is not element-wise"), e.getMessage());
    }

    @Test
    void constructorRejectsQuadraticCostAfterSoftmax() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Network(MNIST_SIZES, 1, Activations.SIGMOID, Activations.SOFTMAX, Costs.QUADRATIC));

        assertEquals("cost quadratic cannot follow the softmax output layer; cross-entropy needs a sigmoid output, "
                + "log-likelihood a softmax output, and quadratic any element-wise output",
                e.getMessage());
    }

    @Test
    void costIsQuadraticCostOfFeedforward() {
        Network network = new Network(new int[] {3, 2}, 9);
        Matrix x = Matrix.of(new double[][] {{0.1, 0.9}, {-0.4, 0.0}, {0.7, 0.3}});
        Matrix y = Matrix.of(new double[][] {{1.0, 0.0}, {0.0, 1.0}});

        // C = (1/m) Σₓ ½‖a(x) − y(x)‖², with a(x) = σ(w x + b) by hand.
        double sum = 0.0;
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 2; i++) {
                double z = network.bias(1).get(i, 0);
                for (int k = 0; k < 3; k++) {
                    z += network.weight(1).get(i, k) * x.get(k, j);
                }
                double a = 1.0 / (1.0 + Math.exp(-z));
                sum += 0.5 * (a - y.get(i, j)) * (a - y.get(i, j));
            }
        }
        assertClose(sum / 2, network.cost(x, y), Tolerances.SAME_FORMULA, "C");
    }

    @Test
    void copyIsDeep() {
        Network network = new Network(new int[] {3, 2}, 9);

        Network copy = network.copy();
        copy.weight(1).set(0, 0, 100.0);

        assertNotSame(network.weight(1), copy.weight(1));
        assertNotEquals(100.0, network.weight(1).get(0, 0));
        assertEquals(network.bias(1), copy.bias(1));
    }

    @Test
    void layerOutsideNetworkIsRejected() {
        Network network = new Network(MNIST_SIZES, 1);

        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> network.weight(0));

        assertEquals("layer 0 does not exist; layers with weights are 1..2", e.getMessage());
    }
}
