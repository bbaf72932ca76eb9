package nabla.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import nabla.core.Activations;
import nabla.core.Costs;
import nabla.core.Network;
import nabla.io.Checkpoint;
import nabla.io.ModelFile;
import nabla.train.EpochResult;
import nabla.train.SgdOptions;
import nabla.train.TrainingListener;
import nabla.train.TrainingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code train --save}, {@code eval --model}, {@code --checkpoint-every} and {@code --resume}, end to end. */
class SaveEvalResumeTest {

    private static final String FINAL_LINE = "final test accuracy: \\d\\.\\d{4} \\(\\d+/2000\\)";

    /** The embedded sample's training set size, which a checkpoint must match. */
    private static final int SAMPLE_TRAINING_EXAMPLES = 8000;

    @TempDir
    Path folder;

    @Test
    void evalPrintsTrainsFinalLine() {
        Path model = folder.resolve("model.json");

        CommandRun train = CommandRun.of("train", "--epochs", "1", "--sizes", "784,10,10", "--save", model.toString());
        CommandRun eval = CommandRun.of("eval", "--model", model.toString());

        assertEquals(0, train.exitCode(), train.toString());
        assertEquals(0, eval.exitCode(), eval.toString());
        assertTrue(train.lastLine().matches(FINAL_LINE), train.toString());
        assertEquals(train.lastLine(), eval.lastLine());
    }

    @Test
    void resumeMatchesUninterruptedRun() throws IOException {
        Path straight = folder.resolve("straight.json");
        Path interrupted = folder.resolve("interrupted.json");

        CommandRun full = CommandRun.of("train", "--epochs", "3", "--sizes", "784,10,10", "--seed", "5",
                "--save", straight.toString());
        CommandRun first = CommandRun.of("train", "--epochs", "1", "--sizes", "784,10,10", "--seed", "5",
                "--save", interrupted.toString());
        CommandRun rest = CommandRun.of("train", "--resume", interrupted.toString(), "--epochs", "3",
                "--save", interrupted.toString());

        assertEquals(0, full.exitCode(), full.toString());
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(0, rest.exitCode(), rest.toString());
        assertTrue(rest.out().startsWith("Resuming from " + interrupted + " after epoch 1\n"), rest.toString());
        assertEquals(full.lastLine(), rest.lastLine());
        assertArrayEquals(Files.readAllBytes(straight), Files.readAllBytes(interrupted),
                "same weights, bit for bit, and the same training state");
    }

    @Test
    void resumeRejectsContradictingFlags() {
        Path model = folder.resolve("model.json");
        CommandRun.of("train", "--epochs", "1", "--sizes", "784,10,10", "--save", model.toString());

        CommandRun sizes = CommandRun.of("train", "--resume", model.toString(), "--epochs", "2", "--sizes", "784,20,10");
        CommandRun eta = CommandRun.of("train", "--resume", model.toString(), "--epochs", "2", "--eta", "0.5");
        CommandRun epochs = CommandRun.of("train", "--resume", model.toString(), "--epochs", "1");

        assertEquals(2, sizes.exitCode(), sizes.toString());
        assertTrue(sizes.err().startsWith("nabla train: invalid value for option '--sizes': 784,20,10 contradicts "
                + "--resume " + model + ", which was trained with --sizes 784,10,10"), sizes.toString());
        assertEquals(2, eta.exitCode(), eta.toString());
        assertTrue(eta.err().contains("0.5 contradicts --resume " + model + ", which was trained with --eta 3.0"),
                eta.toString());
        assertEquals(2, epochs.exitCode(), epochs.toString());
        assertTrue(epochs.err().contains("'--epochs': 1: --resume " + model + " has already completed 1 epochs"),
                epochs.toString());
    }

    @Test
    void resumeKeepsFunctionsAndWeightDecay() throws IOException {
        Path model = folder.resolve("functions.json");
        CommandRun first = CommandRun.of("train", "--epochs", "1", "--sizes", "784,10,10", "--activation", "tanh",
                "--output", "softmax", "--cost", "log-likelihood", "--eta", "0.5", "--lambda", "2.5",
                "--save", model.toString());

        CommandRun resumed = CommandRun.of("train", "--resume", model.toString(), "--epochs", "2");
        CommandRun contradicting = CommandRun.of("train", "--resume", model.toString(), "--epochs", "2",
                "--activation", "sigmoid");

        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(Files.readString(model).contains("\"weightDecay\": 2.5"), Files.readString(model));
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("(tanh hidden, softmax output, log-likelihood cost)"), resumed.toString());
        assertEquals(2, contradicting.exitCode(), contradicting.toString());
        assertTrue(contradicting.err().contains("sigmoid contradicts --resume " + model
                + ", which was trained with --activation tanh"), contradicting.toString());
    }

    @Test
    void divergenceKeepsSavedFile() throws IOException {
        // ReLU with an identity output is unbounded, so η = 1e300 overflows within the first epoch.
        Path checkpoint = folder.resolve("checkpoint.json");
        Network network = new Network(new int[] {784, 10, 10}, 1, Activations.RELU, Activations.IDENTITY, Costs.QUADRATIC);
        ModelFile.save(new Checkpoint(network, new TrainingState(0, 10, 1e300, 1, SAMPLE_TRAINING_EXAMPLES)), checkpoint);
        byte[] before = Files.readAllBytes(checkpoint);

        CommandRun run = CommandRun.of("train", "--resume", checkpoint.toString(), "--epochs", "2",
                "--save", checkpoint.toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("nabla train: training diverged in epoch 1, mini-batch "), run.toString());
        assertTrue(run.err().contains("try a smaller learning rate η than 1.0E300\n"), run.toString());
        assertTrue(run.err().endsWith("nabla train: " + checkpoint + " was left unchanged\n"), run.toString());
        assertArrayEquals(before, Files.readAllBytes(checkpoint));
        assertTrue(!run.out().contains("final test accuracy"), run.toString());
    }

    @Test
    void checkpointSavedEveryNEpochs() throws IOException {
        Path file = folder.resolve("checkpoint.json");
        TrainingFiles files = new TrainingFiles();
        new CommandLine(files).parseArgs("--save", file.toString(), "--checkpoint-every", "2");
        Network network = new Network(new int[] {4, 3, 2}, 1);
        SgdOptions options = new SgdOptions(4, 5, 0.5, 7);
        StringWriter out = new StringWriter();
        TrainingListener listener = files.withCheckpoints(new TrainingListener() {
        }, network, options, 20, new PrintWriter(out, true));

        listener.epochFinished(new EpochResult(1, 0, 0, 0.0));
        boolean savedAfterFirst = Files.exists(file);
        listener.epochFinished(new EpochResult(2, 0, 0, 0.0));
        Checkpoint second = ModelFile.loadCheckpoint(file);
        network.weight(1).set(0, 0, 42.0);
        listener.epochFinished(new EpochResult(3, 0, 0, 0.0));
        listener.epochFinished(new EpochResult(4, 0, 0, 0.0));

        assertTrue(!savedAfterFirst, "no checkpoint after epoch 1");
        assertEquals(new TrainingState(2, 5, 0.5, 7, 20), second.training());
        assertEquals(second.training(), ModelFile.loadCheckpoint(file).training(),
                "epochs 3 and 4 leave the checkpoint of epoch 2; the final save writes epoch 4");
        assertEquals("Checkpoint after epoch 2 saved to " + file + "\n", out.toString());
        assertEquals(file + " holds the checkpoint after epoch 2", files.stateOnDisk());
    }

    @Test
    void evalRejectsModelNotFittingData() throws IOException {
        Path model = folder.resolve("small.json");
        ModelFile.save(new Network(new int[] {100, 10, 10}, 1), model);

        CommandRun run = CommandRun.of("eval", "--model", model.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("nabla eval: invalid value for option '--model': " + model
                + " has sizes 100,10,10: the first layer has 100 neurons, but embedded t10k-images-idx3-ubyte.gz has "
                + "images of 784 pixels"), run.toString());
    }
}
