package nabla.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import nabla.core.MiniBatchBackprop;
import nabla.core.Network;
import nabla.data.DataSplit;
import nabla.data.Dataset;
import nabla.io.Checkpoint;
import nabla.io.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed and options give bit-identical weights, whether the run is interrupted or not. */
class SgdReproducibilityTest {

    private static final int[] SIZES = {784, 10, 10};
    private static Dataset training;
    private static Dataset test;

    @TempDir
    Path folder;

    @BeforeAll
    static void loadSample() throws IOException {
        DataSplit sample = DataSplit.embeddedSample();
        training = sample.training().head(1000);
        test = sample.test().head(200);
    }

    @Test
    void sameSeedGivesBitIdenticalWeights() {
        Network first = train(new SgdOptions(2, 10, 3.0, 42), 42);
        Network second = train(new SgdOptions(2, 10, 3.0, 42), 42);

        assertNull(firstDifference(first, second));
    }

    @Test
    void differentSeedGivesDifferentWeights() {
        Network first = train(new SgdOptions(2, 10, 3.0, 42), 42);
        Network shuffledOtherwise = train(new SgdOptions(2, 10, 3.0, 43), 42);
        Network drawnOtherwise = train(new SgdOptions(2, 10, 3.0, 42), 43);

        assertNotNull(firstDifference(first, shuffledOtherwise));
        assertNotNull(firstDifference(first, drawnOtherwise));
    }

    @Test
    void resumedRunMatchesUninterruptedRun() throws IOException {
        SgdOptions fourEpochs = new SgdOptions(4, 10, 3.0, 9);
        Network straight = train(fourEpochs, 9);

        // Two epochs, a checkpoint on disk, then the last two epochs from the loaded checkpoint.
        Network interrupted = train(new SgdOptions(2, 10, 3.0, 9), 9);
        Path file = folder.resolve("checkpoint.json");
        ModelFile.save(new Checkpoint(interrupted, TrainingState.after(2, fourEpochs, training.size())), file);
        Checkpoint loaded = ModelFile.loadCheckpoint(file);
        List<EpochResult> resumed = new Sgd(new MiniBatchBackprop()).train(loaded.network(), training, test,
                loaded.training().options(4), loaded.training().epochsCompleted(), new TrainingListener() {
                });

        assertEquals(List.of(3, 4), resumed.stream().map(EpochResult::epoch).toList());
        assertNull(firstDifference(straight, loaded.network()));
    }

    private static Network train(SgdOptions options, long initialSeed) {
        Network network = new Network(SIZES, initialSeed);
        new Sgd(new MiniBatchBackprop()).train(network, training, test, options, new TrainingListener() {
        });
        return network;
    }

    /**
     * Returns the first weight or bias whose bits differ between the two networks of the same
     * sizes, described for a failure message, or null when every bit agrees.
     */
    static String firstDifference(Network a, Network b) {
        for (int l = 1; l <= a.layerCount(); l++) {
            // Arrays.equals on double[] compares bits, so −0.0 and 0.0 differ.
            if (!Arrays.equals(a.weight(l).data(), b.weight(l).data())) {
                return "weights of layer " + l + " differ at index "
                        + Arrays.mismatch(a.weight(l).data(), b.weight(l).data());
            }
            if (!Arrays.equals(a.bias(l).data(), b.bias(l).data())) {
                return "biases of layer " + l + " differ at index " + Arrays.mismatch(a.bias(l).data(), b.bias(l).data());
            }
        }
        return null;
    }
}
