package nabla.train;

import static nabla.core.MatrixAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nabla.core.Backprop;
import nabla.core.Gradient;
import nabla.core.Matrix;
import nabla.core.MiniBatchBackprop;
import nabla.core.Network;
import nabla.core.Tolerances;
import nabla.data.DataSplit;
import nabla.data.Dataset;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** Tests mini-batch SGD: reproducibility, the update rule, and how an epoch is cut into batches. */
class SgdTest {

    private static final TrainingListener SILENT = new TrainingListener() {
    };

    @Test
    void sameSeedAndOptionsGiveBitIdenticalWeights() {
        Dataset training = tinyDataset(23, 1);
        Dataset test = tinyDataset(7, 2);
        SgdOptions options = new SgdOptions(3, 5, 0.5, 99);

        Network first = trainTiny(training, test, options);
        Network second = trainTiny(training, test, options);

        for (int l = 1; l <= first.layerCount(); l++) {
            // Matrix.equals compares the bits of every entry.
            assertEquals(first.weight(l), second.weight(l), "w" + l);
            assertEquals(first.bias(l), second.bias(l), "b" + l);
        }
    }

    @Test
    void differentShuffleSeedGivesDifferentWeights() {
        Dataset training = tinyDataset(23, 1);
        Dataset test = tinyDataset(7, 2);

        Network first = trainTiny(training, test, new SgdOptions(3, 5, 0.5, 99));
        Network second = trainTiny(training, test, new SgdOptions(3, 5, 0.5, 100));

        assertNotEquals(first.weight(1), second.weight(1));
    }

    @Test
    void updateSubtractsLearningRateTimesGradient() {
        Network network = new Network(new int[] {3, 2}, 4);
        Matrix w = network.weight(1).copy();
        Matrix b = network.bias(1).copy();
        Matrix nablaW = Matrix.of(new double[][] {{0.1, -0.2, 0.3}, {1.5, 0.0, -7.0}});
        Matrix nablaB = Matrix.column(0.25, -3.0);
        double eta = 3.0;

        Sgd.update(network, new Gradient(List.of(Matrix.zeros(2, 1)), List.of(nablaB), List.of(nablaW)), eta);

        // w ← w − η∇w and b ← b − η∇b entry by entry, which rounds exactly as the update must.
        Matrix expectedW = Matrix.zeros(2, 3);
        Matrix expectedB = Matrix.zeros(2, 1);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                expectedW.set(i, j, w.get(i, j) - eta * nablaW.get(i, j));
            }
            expectedB.set(i, 0, b.get(i, 0) - eta * nablaB.get(i, 0));
        }
        assertClose(expectedW, network.weight(1), Tolerances.EXACT, "w");
        assertClose(expectedB, network.bias(1), Tolerances.EXACT, "b");
    }

    @Test
    void weightDecayShrinksWeightsNotBiases() {
        Network network = new Network(new int[] {3, 2}, 5);
        Matrix w = network.weight(1).copy();
        Matrix b = network.bias(1).copy();
        Matrix nablaW = Matrix.of(new double[][] {{0.1, -0.2, 0.3}, {1.5, 0.0, -7.0}});
        Matrix nablaB = Matrix.column(0.25, -3.0);
        double eta = 0.5;
        double lambda = 5.0;
        int n = 1000;

        Sgd.update(network, new Gradient(List.of(Matrix.zeros(2, 1)), List.of(nablaB), List.of(nablaW)), eta,
                lambda, n);

        // w ← (1 − ηλ/n)·w − η∇w, b ← b − η∇b, as in network2.py
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                double expected = (1.0 - eta * lambda / n) * w.get(i, j) - eta * nablaW.get(i, j);
                assertEquals(expected, network.weight(1).get(i, j), 1e-15 * Math.max(1.0, Math.abs(expected)));
            }
            assertEquals(b.get(i, 0) - eta * nablaB.get(i, 0), network.bias(1).get(i, 0), 0.0);
        }
    }

    @Test
    void weightDecayShrinksTrainedWeights() {
        Dataset training = tinyDataset(23, 1);
        Dataset test = tinyDataset(7, 2);

        Network plain = trainTiny(training, test, new SgdOptions(3, 5, 0.5, 99, 0.0));
        Network decayed = trainTiny(training, test, new SgdOptions(3, 5, 0.5, 99, 20.0));

        double plainNorm = plain.weight(1).hadamard(plain.weight(1)).sum();
        double decayedNorm = decayed.weight(1).hadamard(decayed.weight(1)).sum();
        assertTrue(decayedNorm < plainNorm, decayedNorm + " should be below " + plainNorm);
    }

    @Test
    void lastMiniBatchHoldsTheRemainder() {
        // 23 examples in batches of 10: 10, 10 and 3 in each epoch.
        Dataset training = tinyDataset(23, 1);
        Recorder recorder = new Recorder();

        new Sgd(recorder).train(new Network(new int[] {4, 3, 2}, 1), training, tinyDataset(4, 2),
                new SgdOptions(2, 10, 1.0, 5), SILENT);

        assertEquals(List.of(10, 10, 3, 10, 10, 3), recorder.batchSizes);
    }

    @Test
    void everyExampleIsSeenOncePerEpoch() {
        Dataset training = tinyDataset(23, 1);
        Recorder recorder = new Recorder();

        new Sgd(recorder).train(new Network(new int[] {4, 3, 2}, 1), training, tinyDataset(4, 2),
                new SgdOptions(2, 10, 1.0, 5), SILENT);

        for (int epoch = 0; epoch < 2; epoch++) {
            List<Integer> seen = recorder.examples.subList(23 * epoch, 23 * (epoch + 1));
            int[] sorted = seen.stream().mapToInt(Integer::intValue).sorted().toArray();
            assertArrayEquals(training.identityOrder(), sorted, "epoch " + (epoch + 1));
        }
    }

    @Test
    void shuffleChangesOrderBetweenEpochs() {
        Recorder recorder = new Recorder();

        new Sgd(recorder).train(new Network(new int[] {4, 3, 2}, 1), tinyDataset(23, 1), tinyDataset(4, 2),
                new SgdOptions(2, 10, 1.0, 5), SILENT);

        assertNotEquals(recorder.examples.subList(0, 23), recorder.examples.subList(23, 46));
    }

    @Test
    void listenerHearsEveryBatchAndEpoch() {
        List<Integer> done = new ArrayList<>();
        List<EpochResult> epochs = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void batchFinished(int epoch, int examplesDone, int examplesTotal) {
                assertEquals(23, examplesTotal);
                done.add(examplesDone);
            }

            @Override
            public void epochFinished(EpochResult result) {
                epochs.add(result);
            }
        };

        List<EpochResult> results = new Sgd(new Recorder()).train(new Network(new int[] {4, 3, 2}, 1),
                tinyDataset(23, 1), tinyDataset(4, 2), new SgdOptions(2, 10, 1.0, 5), listener);

        assertEquals(List.of(10, 20, 23, 10, 20, 23), done);
        assertEquals(results, epochs);
        assertEquals(1, results.get(0).epoch());
        assertEquals(2, results.get(1).epoch());
        assertEquals(4, results.get(1).total());
    }

    @Test
    void trainRejectsImagesOfWrongSize() {
        Network network = new Network(new int[] {5, 3, 2}, 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sgd(new MiniBatchBackprop()).train(network, tinyDataset(23, 1), tinyDataset(4, 2),
                        new SgdOptions(1, 10, 1.0, 5), SILENT));

        assertEquals("tiny has images of 4 pixels but the network's input layer has 5 neurons; "
                + "make the first size 4", e.getMessage());
    }

    @Test
    void optionsRejectInvalidValues() {
        assertThrows(IllegalArgumentException.class, () -> new SgdOptions(0, 10, 3.0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SgdOptions(1, 0, 3.0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SgdOptions(1, 10, 0.0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SgdOptions(1, 10, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new SgdOptions(1, 10, Double.POSITIVE_INFINITY, 1));
    }

    @Test
    void twoEpochsOnEmbeddedSampleLearnDigits() throws IOException {
        // A smoke test of the whole path with Nielsen's settings. It takes two epochs over all
        // 8,000 digits because the network, with its N(0, 1) weights, learns slowly in its first
        // few hundred steps.
        DataSplit split = DataSplit.embeddedSample();
        Network network = new Network(new int[] {784, 30, 10}, 1);

        List<EpochResult> results = new Sgd(new MiniBatchBackprop()).train(network, split.training(), split.test(),
                new SgdOptions(2, 10, 3.0, 1), SILENT);

        double accuracy = results.get(1).accuracy();
        assertTrue(accuracy > 0.7, "test accuracy " + accuracy + " after two epochs on 8,000 digits");
    }

    /**
     * Records the columns of every mini-batch and returns a zero gradient, so the network never
     * changes. Each example is identified by its first pixel, which {@link #tinyDataset} sets
     * to its index.
     */
    private static final class Recorder implements Backprop {
        final List<Integer> batchSizes = new ArrayList<>();
        final List<Integer> examples = new ArrayList<>();

        @Override
        public Gradient gradient(Network network, Matrix x, Matrix y) {
            batchSizes.add(x.cols());
            for (int j = 0; j < x.cols(); j++) {
                examples.add((int) Math.round(x.get(0, j) * 255.0));
            }
            List<Matrix> deltas = new ArrayList<>();
            List<Matrix> nablaB = new ArrayList<>();
            List<Matrix> nablaW = new ArrayList<>();
            for (int l = 1; l <= network.layerCount(); l++) {
                deltas.add(Matrix.zeros(network.size(l), x.cols()));
                nablaB.add(Matrix.zeros(network.size(l), 1));
                nablaW.add(Matrix.zeros(network.size(l), network.size(l - 1)));
            }
            return new Gradient(deltas, nablaB, nablaW);
        }
    }

    /**
     * Returns {@code size} examples of 4 pixels and 2 classes: pixel 0 is the example's index, the
     * others are random bytes from {@code seed}, and the label is whether pixel 1 is at least 128.
     */
    private static Dataset tinyDataset(int size, long seed) {
        RandomGenerator random = new Well19937c(seed);
        byte[] pixels = new byte[size * 4];
        byte[] labels = new byte[size];
        for (int k = 0; k < size; k++) {
            pixels[4 * k] = (byte) k;
            for (int i = 1; i < 4; i++) {
                pixels[4 * k + i] = (byte) random.nextInt(256);
            }
            labels[k] = (byte) ((pixels[4 * k + 1] & 0xff) >= 128 ? 1 : 0);
        }
        return new Dataset("tiny", pixels, labels, 4, 2);
    }

    private static Network trainTiny(Dataset training, Dataset test, SgdOptions options) {
        Network network = new Network(new int[] {4, 3, 2}, 7);
        new Sgd(new MiniBatchBackprop()).train(network, training, test, options, SILENT);
        return network;
    }
}
