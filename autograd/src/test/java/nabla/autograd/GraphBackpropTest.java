package nabla.autograd;

import static nabla.autograd.MatrixAssertions.assertClose;
import static nabla.autograd.MatrixAssertions.maxRelativeError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.util.List;
import nabla.core.Activation;
import nabla.core.Activations;
import nabla.core.Cost;
import nabla.core.Costs;
import nabla.core.Gradient;
import nabla.core.Matrix;
import nabla.core.MiniBatchBackprop;
import nabla.core.Network;
import nabla.data.DataSplit;
import nabla.data.Dataset;
import nabla.train.Sgd;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The graph's gradient of the network against the hand-coded backprop, the independent oracle. */
class GraphBackpropTest {

    /** An output activation with a cost that can follow it. */
    record Head(Activation output, Cost cost) {
        @Override
        public String toString() {
            return output.name() + " + " + cost.name();
        }
    }

    /** A network, its batch and the description QuickTheories prints when the property fails. */
    record Case(Network network, Matrix x, Matrix y) {
        @Override
        public String toString() {
            return network + ", batch " + x.shape() + ", x = " + x + ", y = " + y;
        }
    }

    private static final List<Activation> HIDDEN = List.of(Activations.SIGMOID, Activations.TANH, Activations.RELU,
            Activations.LEAKY_RELU, Activations.SOFTPLUS, Activations.SILU, Activations.IDENTITY);

    /**
     * Every pairing a network accepts: the quadratic cost after any element-wise output,
     * cross-entropy after sigmoid and log-likelihood after softmax.
     */
    private static final List<Head> HEADS = List.of(
            new Head(Activations.SIGMOID, Costs.QUADRATIC), new Head(Activations.TANH, Costs.QUADRATIC),
            new Head(Activations.RELU, Costs.QUADRATIC), new Head(Activations.LEAKY_RELU, Costs.QUADRATIC),
            new Head(Activations.SOFTPLUS, Costs.QUADRATIC), new Head(Activations.SILU, Costs.QUADRATIC),
            new Head(Activations.IDENTITY, Costs.QUADRATIC), new Head(Activations.SIGMOID, Costs.CROSS_ENTROPY),
            new Head(Activations.SOFTMAX, Costs.LOG_LIKELIHOOD));

    @Test
    void sgdStepMatchesHandCodedOnMnist() throws IOException {
        Dataset training = DataSplit.embeddedSample().training();
        int[] order = training.identityOrder();
        Matrix x = training.inputs(order, 0, 10);
        Matrix y = training.targets(order, 0, 10, 10);
        Network byHand = new Network(new int[] {784, 30, 10}, 1);
        Network byGraph = byHand.copy();

        Sgd.update(byHand, new MiniBatchBackprop().gradient(byHand, x, y), 3.0);
        Sgd.update(byGraph, new GraphBackprop().gradient(byGraph, x, y), 3.0);

        assertSameParameters(byHand, byGraph);
    }

    @Test
    void sgdStepMatchesHandCodedOnGeneratedNetworks() {
        qt().forAll(cases()).checkAssert(c -> {
            Network byHand = c.network().copy();
            Network byGraph = c.network().copy();

            Sgd.update(byHand, new MiniBatchBackprop().gradient(byHand, c.x(), c.y()), 3.0);
            Sgd.update(byGraph, new GraphBackprop().gradient(byGraph, c.x(), c.y()), 3.0);

            assertSameParameters(byHand, byGraph);
        });
    }

    @Test
    void gradientMatchesHandCodedForEveryActivationAndCost() {
        qt().forAll(cases()).checkAssert(c -> {
            Gradient expected = new MiniBatchBackprop().gradient(c.network(), c.x(), c.y());
            Gradient actual = new GraphBackprop().gradient(c.network(), c.x(), c.y());

            for (int l = 1; l <= expected.layerCount(); l++) {
                assertClose("δ" + l + " of " + c, expected.delta(l), actual.delta(l),
                        Tolerances.ENGINE_ABSOLUTE, Tolerances.ENGINE_RELATIVE);
                assertClose("∂C/∂b" + l + " of " + c, expected.nablaB(l), actual.nablaB(l),
                        Tolerances.ENGINE_ABSOLUTE, Tolerances.ENGINE_RELATIVE);
                assertClose("∂C/∂w" + l + " of " + c, expected.nablaW(l), actual.nablaW(l),
                        Tolerances.ENGINE_ABSOLUTE, Tolerances.ENGINE_RELATIVE);
            }
        });
    }

    @Test
    void deltasAreCostGradientByZTimesBatchSize() {
        Network network = new Network(new int[] {3, 4, 2}, 7);
        Matrix x = Matrix.of(new double[][] {{0.1, 0.9, 0.4, 0.0}, {0.5, 0.2, 0.8, 1.0}, {0.3, 0.7, 0.6, 0.2}});
        Matrix y = Matrix.of(new double[][] {{1, 0, 0, 1}, {0, 1, 1, 0}});
        NetworkGraph graph = new GraphBackprop().trace(network, x, y);

        graph.backward();
        Gradient gradient = graph.gradient();

        for (int l = 1; l <= 2; l++) {
            assertEquals(graph.costGradientByZ(l).scale(4), gradient.delta(l));
        }
    }

    @Test
    void traceLabelsNodesAndSharesParameters() {
        Network network = new Network(new int[] {3, 4, 2}, 7);
        Matrix x = Matrix.zeros(3, 5);
        Matrix y = Matrix.zeros(2, 5);

        NetworkGraph graph = new GraphBackprop().trace(network, x, y);

        assertAll(
                () -> assertEquals(2, graph.layerCount()),
                () -> assertEquals(5, graph.batchSize()),
                () -> assertEquals("x", graph.input().label().orElseThrow()),
                () -> assertSame(graph.input(), graph.activation(0)),
                () -> assertEquals("y", graph.target().label().orElseThrow()),
                () -> assertEquals("w2", graph.weight(2).label().orElseThrow()),
                () -> assertEquals("b1", graph.bias(1).label().orElseThrow()),
                () -> assertEquals("z1", graph.z(1).label().orElseThrow()),
                () -> assertEquals("add", graph.z(1).operation()),
                () -> assertEquals("a2", graph.activation(2).label().orElseThrow()),
                () -> assertEquals("sigmoid", graph.activation(2).operation()),
                () -> assertEquals("C", graph.cost().label().orElseThrow()),
                () -> assertEquals(1, graph.cost().value().size()),
                () -> assertEquals(network.cost(x, y), graph.cost().value().get(0, 0), 1e-15),
                () -> assertSame(network.weight(1), graph.weight(1).value()),
                () -> assertFalse(graph.weight(1).hasGrad()),
                () -> assertTrue(graph.cost().topologicalOrder().contains(graph.z(2))));
    }

    @Test
    void repeatedBackwardGivesSameGradient() {
        Network network = new Network(new int[] {3, 4, 2}, 7);
        Matrix x = Matrix.of(new double[][] {{0.1, 0.9}, {0.5, 0.2}, {0.3, 0.7}});
        Matrix y = Matrix.of(new double[][] {{1, 0}, {0, 1}});
        NetworkGraph graph = new GraphBackprop().trace(network, x, y);

        graph.backward();
        Matrix first = graph.weight(1).grad().copy();
        graph.backward();

        assertEquals(first, graph.weight(1).grad());
    }

    @Test
    void traceRejectsMismatchedTargets() {
        Network network = new Network(new int[] {3, 4, 2}, 7);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GraphBackprop().gradient(network, Matrix.zeros(3, 5), Matrix.zeros(2, 4)));

        assertTrue(e.getMessage().contains("(2x4)"), e.getMessage());
        assertTrue(e.getMessage().contains("(3x5)"), e.getMessage());
    }

    private static void assertSameParameters(Network expected, Network actual) {
        for (int l = 1; l <= expected.layerCount(); l++) {
            double weightError = maxRelativeError(expected.weight(l), actual.weight(l));
            double biasError = maxRelativeError(expected.bias(l), actual.bias(l));
            int layer = l;
            assertTrue(weightError < Tolerances.ENGINE_RELATIVE,
                    () -> "w" + layer + " differs by relative error " + weightError);
            assertTrue(biasError < Tolerances.ENGINE_RELATIVE,
                    () -> "b" + layer + " differs by relative error " + biasError);
        }
    }

    /**
     * Generates networks of 1 to 3 weighted layers of 1 to 5 neurons, with every hidden activation
     * and output pairing and parameters drawn by the network's own seeded generator. Each comes
     * with a batch of 1 to 4 inputs in [−1, 1] and targets that suit the cost. Log-likelihood gets
     * one-hot columns because its softmax shortcut assumes columns that sum to 1; the other costs
     * get entries in [0, 1].
     */
    private static Gen<Case> cases() {
        Gen<int[]> sizes = integers().between(2, 4).flatMap(layers -> lists().of(integers().between(1, 5))
                .ofSize(layers).map(list -> list.stream().mapToInt(Integer::intValue).toArray()));
        Gen<Network> networks = sizes.zip(Generate.pick(HIDDEN), Generate.pick(HEADS), longs().all(),
                (s, hidden, head, seed) -> new Network(s, seed, hidden, head.output(), head.cost()));
        return networks.zip(integers().between(1, 4), (network, m) -> List.of(network, m)).flatMap(parts -> {
            Network network = (Network) parts.get(0);
            int m = (Integer) parts.get(1);
            int inputs = network.size(0);
            int outputs = network.size(network.layerCount());
            Gen<Matrix> x = Generators.matrix(inputs, m, doubles().between(-1.0, 1.0));
            Gen<Matrix> y = network.cost() == Costs.LOG_LIKELIHOOD
                    ? lists().of(integers().between(0, outputs - 1)).ofSize(m).map(labels -> oneHot(outputs, labels))
                    : Generators.matrix(outputs, m, doubles().between(0.0, 1.0));
            return x.zip(y, (xs, ys) -> new Case(network, xs, ys));
        });
    }

    private static Matrix oneHot(int rows, List<Integer> labels) {
        Matrix y = Matrix.zeros(rows, labels.size());
        for (int j = 0; j < labels.size(); j++) {
            y.set(labels.get(j), j, 1.0);
        }
        return y;
    }

    @Test
    void reusedParameterNodesGiveSameGradients() throws IOException {
        Dataset images = DataSplit.embeddedSample().training();
        int[] order = images.identityOrder();
        Network network = new Network(new int[] {784, 30, 10}, 4L);
        GraphBackprop reusing = GraphBackprop.reusingBuffers();
        Matrix firstWeightGradient = null;

        for (int batch = 0; batch < 2; batch++) {
            Matrix x = images.inputs(order, 10 * batch, 10 * batch + 10);
            Matrix y = images.targets(order, 10 * batch, 10 * batch + 10, 10);
            Gradient expected = new GraphBackprop().gradient(network, x, y);
            Gradient actual = reusing.gradient(network, x, y);

            for (int l = 1; l <= 2; l++) {
                assertEquals(expected.nablaW(l), actual.nablaW(l), "∂C/∂w" + l + " of batch " + batch);
                assertEquals(expected.nablaB(l), actual.nablaB(l), "∂C/∂b" + l + " of batch " + batch);
            }
            if (batch == 0) {
                firstWeightGradient = actual.nablaW(1);
            } else {
                assertSame(firstWeightGradient, actual.nablaW(1), "∂C/∂w1 is written into the matrix of the last pass");
            }
        }
    }
}
