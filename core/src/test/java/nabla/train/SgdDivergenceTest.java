package nabla.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nabla.core.Activations;
import nabla.core.Backprop;
import nabla.core.Costs;
import nabla.core.Gradient;
import nabla.core.Matrix;
import nabla.core.MiniBatchBackprop;
import nabla.core.Network;
import nabla.data.DataSplit;
import nabla.data.Dataset;
import org.junit.jupiter.api.Test;

/** Training stops at the first non-finite value and names where it appeared. */
class SgdDivergenceTest {

    private static final TrainingListener SILENT = new TrainingListener() {
    };

    @Test
    void hugeEtaStopsTrainingWithFiniteParameters() throws IOException {
        DataSplit sample = DataSplit.embeddedSample();
        // ReLU and an identity output are unbounded, so η = 1e300 overflows within a few mini-batches.
        Network network = new Network(new int[] {784, 10, 10}, 1, Activations.RELU, Activations.IDENTITY,
                Costs.QUADRATIC);

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Sgd(new MiniBatchBackprop()).train(network, sample.training().head(500),
                        sample.test().head(100), new SgdOptions(3, 10, 1e300, 1), SILENT));

        assertEquals(1, e.epoch());
        assertTrue(e.getMessage().startsWith("training diverged in epoch 1, mini-batch " + e.miniBatch() + " of 50: "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("try a smaller learning rate η than 1.0E300"), e.getMessage());
        for (int l = 1; l <= network.layerCount(); l++) {
            assertTrue(network.weight(l).isFinite(), "weights of layer " + l);
            assertTrue(network.bias(l).isFinite(), "biases of layer " + l);
        }
    }

    @Test
    void nanGradientNamesEpochAndMiniBatch() {
        Dataset data = tinyDataset(20);
        Network network = new Network(new int[] {4, 3, 2}, 1);
        List<Network> seen = new ArrayList<>();
        // Poisons ∂C/∂w² of the 13th mini-batch overall: epoch 2 has 10, so that is its 3rd.
        Backprop poisoned = (net, x, y) -> {
            seen.add(net.copy());
            Gradient gradient = new MiniBatchBackprop().gradient(net, x, y);
            if (seen.size() == 13) {
                gradient.nablaW(2).set(1, 2, Double.NaN);
            }
            return gradient;
        };

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Sgd(poisoned).train(network, data, data, new SgdOptions(3, 2, 0.5, 1), SILENT));

        assertEquals(2, e.epoch());
        assertEquals(3, e.miniBatch());
        assertTrue(e.getMessage().contains("epoch 2, mini-batch 3 of 10: the gradient ∂C/∂w of layer 2 (2x3) is NaN "
                + "at entry (1, 2)"), e.getMessage());
        Network beforeDivergence = seen.get(12);
        assertNull(SgdReproducibilityTest.firstDifference(beforeDivergence, network),
                "the network keeps the parameters it had before the diverging mini-batch");
    }

    @Test
    void overflowingUpdateIsNotApplied() {
        Dataset data = tinyDataset(4);
        Network network = new Network(new int[] {4, 2}, 1);
        network.bias(1).set(0, 0, Double.MAX_VALUE);
        Network before = network.copy();
        // A gradient of −1 everywhere moves every parameter by +η; from MAX_VALUE that overflows.
        Backprop constant = (net, x, y) -> new Gradient(List.of(Matrix.zeros(2, x.cols())),
                List.of(Matrix.zeros(2, 1).map(v -> -1.0)), List.of(Matrix.zeros(2, 4).map(v -> -1.0)));

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Sgd(constant).train(network, data, data, new SgdOptions(1, 4, 1e300, 1), SILENT));

        assertTrue(e.getMessage().contains("mini-batch 1 of 1: the update would make the biases of layer 1 (2x1) "
                + "Infinity at entry (0, 0)"), e.getMessage());
        assertNull(SgdReproducibilityTest.firstDifference(before, network));
    }

    @Test
    void infiniteTestCostStopsTraining() {
        Dataset data = tinyDataset(4);
        // With an identity output, outputs near 1e200 are finite but their square in the quadratic
        // cost overflows. A tiny η keeps every update finite, so only the cost check can fire.
        Network network = new Network(new int[] {4, 2}, 1, Activations.SIGMOID, Activations.IDENTITY, Costs.QUADRATIC);
        network.weight(1).data()[0] = 1e200;

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Sgd(new MiniBatchBackprop()).train(network, data, data, new SgdOptions(2, 2, 1e-300, 1), SILENT));

        assertEquals(1, e.epoch());
        assertTrue(e.getMessage().contains("epoch 1, mini-batch 2 of 2: after this epoch's last mini-batch the cost on "
                + "tiny is Infinity"), e.getMessage());
    }

    /** {@code count} examples of 4 pixels, all 255, labelled 0 and 1 in turn, with 2 classes. */
    private static Dataset tinyDataset(int count) {
        byte[] pixels = new byte[count * 4];
        Arrays.fill(pixels, (byte) 255);
        byte[] labels = new byte[count];
        for (int k = 0; k < count; k++) {
            labels[k] = (byte) (k % 2);
        }
        return new Dataset("tiny", pixels, labels, 4, 2);
    }
}
