package nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid flag value exits with code 2 before any training, with a message that names the
 * flag, the value and what is accepted.
 */
class InvalidValuesTest {

    @TempDir
    static Path folder;

    static Stream<Arguments> invalidTrainValues() {
        String missing = folder.resolve("missing").toString();
        String model = folder.resolve("model.json").toString();
        return Stream.of(
                Arguments.of("--sizes", new String[] {"--sizes", "784,0,10"},
                        "sizes [784, 0, 10]: layer 1 has 0 neurons; every layer needs at least 1"),
                Arguments.of("--sizes", new String[] {"--sizes", "784,-3,10"}, "layer 1 has -3 neurons"),
                Arguments.of("--sizes", new String[] {"--sizes", "784"},
                        "sizes [784]: a network needs at least an input and an output layer"),
                Arguments.of("--sizes", new String[] {"--sizes", "100,30,10"},
                        "100,30,10: the first layer has 100 neurons, but embedded train-images-idx3-ubyte.gz has "
                                + "images of 784 pixels; make the first size 784"),
                Arguments.of("--sizes", new String[] {"--sizes", "784,30,5"},
                        "784,30,5: the last layer has 5 neurons, but embedded train-images-idx3-ubyte.gz has 10 "
                                + "classes; make the last size at least 10"),
                Arguments.of("--sizes", new String[] {"--sizes", "784,100000,100000"},
                        "784,100000,100000: the weights of layer 2 have 10000000000 entries, more than one Java "
                                + "array holds"),
                Arguments.of("--batch", new String[] {"--batch", "0"},
                        "batch size 0: a mini-batch needs at least 1 example"),
                Arguments.of("--eta", new String[] {"--eta", "-1"},
                        "learning rate η = -1.0: it must be a finite number greater than 0"),
                Arguments.of("--eta", new String[] {"--eta", "0"}, "learning rate η = 0.0"),
                Arguments.of("--eta", new String[] {"--eta", "NaN"}, "learning rate η = NaN"),
                Arguments.of("--eta", new String[] {"--eta", "Infinity"}, "learning rate η = Infinity"),
                Arguments.of("--eta", new String[] {"--eta", "1e309"}, "learning rate η = Infinity"),
                Arguments.of("--epochs", new String[] {"--epochs", "0"}, "epochs 0: train for at least 1 epoch"),
                Arguments.of("--lambda", new String[] {"--lambda", "-1"},
                        "weight decay λ = -1.0: it must be a finite number of at least 0"),
                Arguments.of("--lambda", new String[] {"--lambda", "NaN"}, "weight decay λ = NaN"),
                Arguments.of("--activation", new String[] {"--activation", "swish"},
                        "unknown activation 'swish'; known: sigmoid, tanh, relu, leaky-relu, softplus, silu, identity"),
                Arguments.of("--activation", new String[] {"--activation", "softmax"},
                        "softmax mixes the entries of a layer"),
                Arguments.of("--output", new String[] {"--output", "step"}, "unknown activation 'step'"),
                Arguments.of("--cost", new String[] {"--cost", "hinge"},
                        "unknown cost 'hinge'; known: quadratic, cross-entropy, log-likelihood"),
                Arguments.of("--cost", new String[] {"--output", "softmax", "--cost", "quadratic"},
                        "quadratic cannot follow the softmax output layer"),
                Arguments.of("--data", new String[] {"--data", missing},
                        missing + ": not a readable folder; pass a folder holding the four MNIST-format IDX files"),
                Arguments.of("--checkpoint-every", new String[] {"--checkpoint-every", "0", "--save", model},
                        "0: expected a whole number of epochs, at least 1"),
                Arguments.of("--checkpoint-every", new String[] {"--checkpoint-every", "2"},
                        "2: checkpoints need --save FILE"),
                Arguments.of("--save", new String[] {"--save", missing + "/model.json"},
                        missing + "/model.json: the folder " + missing + " does not exist"),
                Arguments.of("--save", new String[] {"--save", folder.toString()},
                        folder + ": exists and is not a regular file"),
                Arguments.of("--resume", new String[] {"--resume", missing + ".json"},
                        missing + ".json: no such file or folder"));
    }

    @ParameterizedTest(name = "train {1}")
    @MethodSource("invalidTrainValues")
    void trainRejectsInvalidValue(String flag, String[] args, String expected) {
        // One epoch unless the case sets --epochs, so that a value wrongly accepted trains briefly.
        Stream<String> prefix = flag.equals("--epochs") ? Stream.of("train") : Stream.of("train", "--epochs", "1");
        String[] command = Stream.concat(prefix, Arrays.stream(args)).toArray(String[]::new);

        CommandRun run = CommandRun.of(command);

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("nabla train: invalid value for option '" + flag + "': "), run.toString());
        assertTrue(run.err().contains(expected), run.toString());
        assertEquals("", run.out(), "nothing is trained or printed");
    }

    @Test
    void trainRejectsDataFolderWithCorruptFile() throws IOException {
        Path data = Files.createDirectory(folder.resolve("corrupt-data"));
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            Files.write(data.resolve(name), embedded(name + ".gz"));
        }
        Path labels = data.resolve("train-labels-idx1-ubyte");
        byte[] whole = Files.readAllBytes(labels);
        Files.write(labels, Arrays.copyOf(whole, whole.length - 100));

        CommandRun run = CommandRun.of("train", "--epochs", "1", "--data", data.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("nabla train: invalid value for option '--data': " + labels
                + ": header declares 8000 labels but 7900 bytes follow the 8-byte header"), run.toString());
    }

    @Test
    void evalRequiresModel() {
        CommandRun run = CommandRun.of("eval");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("Missing required option: '--model=FILE'"), run.toString());
    }

    @Test
    void evalRejectsMissingModelFile() {
        Path missing = folder.resolve("absent.json");

        CommandRun run = CommandRun.of("eval", "--model", missing.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("nabla eval: invalid value for option '--model': " + missing
                + ": no such file or folder"), run.toString());
    }

    @Test
    void evalRejectsTruncatedModelFile() throws IOException {
        Path file = folder.resolve("truncated.json");
        Files.writeString(file, "{\n  \"format\": \"nabla-model\",\n  \"version\": 1,\n  \"sizes\": [784, 3");

        CommandRun run = CommandRun.of("eval", "--model", file.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("nabla eval: invalid value for option '--model': " + file
                + ": the JSON ends unfinished at line 4"), run.toString());
    }

    private static byte[] embedded(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(
                InvalidValuesTest.class.getResourceAsStream("/nabla/mnist-sample/" + name))) {
            return in.readAllBytes();
        }
    }
}
