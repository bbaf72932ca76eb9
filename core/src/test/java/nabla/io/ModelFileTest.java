package nabla.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import nabla.core.Activation;
import nabla.core.Activations;
import nabla.core.Cost;
import nabla.core.Costs;
import nabla.core.Network;
import nabla.train.TrainingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ModelFileTest {

    /** Doubles whose text form or bits are easy to get wrong: signed zeros, subnormals, extremes. */
    private static final double[] AWKWARD_DOUBLES = {
        -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
        0.1, 1.0 / 3.0, 1e-300, 123456789.123456789, Math.nextUp(1.0), Math.nextDown(1.0),
    };

    @TempDir
    Path folder;

    @Test
    void roundTripKeepsEveryBit() {
        qt().withExamples(60)
                .forAll(networks())
                .checkAssert(network -> {
                    Path file = folder.resolve("roundtrip.json");
                    Network loaded;
                    try {
                        ModelFile.save(network, file);
                        loaded = ModelFile.load(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    assertArrayEquals(network.sizes(), loaded.sizes());
                    assertSame(network.hiddenActivation(), loaded.hiddenActivation());
                    assertSame(network.outputActivation(), loaded.outputActivation());
                    assertSame(network.cost(), loaded.cost());
                    for (int l = 1; l <= network.layerCount(); l++) {
                        // Arrays.equals on double[] compares bits, so −0.0 and 0.0 differ.
                        assertTrue(Arrays.equals(network.weight(l).data(), loaded.weight(l).data()), "weights of layer " + l);
                        assertTrue(Arrays.equals(network.bias(l).data(), loaded.bias(l).data()), "biases of layer " + l);
                    }
                });
    }

    @Test
    void checkpointKeepsTrainingState() throws IOException {
        Network network = new Network(new int[] {3, 2}, 7);
        TrainingState state = new TrainingState(4, 10, 0.1 + 0.2, Long.MIN_VALUE, 8000);
        Path file = folder.resolve("checkpoint.json");

        ModelFile.save(new Checkpoint(network, state), file);
        Checkpoint loaded = ModelFile.loadCheckpoint(file);

        assertEquals(state, loaded.training());
        assertTrue(Arrays.equals(network.weight(1).data(), loaded.network().weight(1).data()));
    }

    @Test
    void savedFileMatchesDocumentedLayout() throws IOException {
        Network network = Network.zeros(new int[] {2, 1}, Activations.TANH, Activations.SIGMOID, Costs.CROSS_ENTROPY);
        network.weight(1).set(0, 0, 0.5);
        network.weight(1).set(0, 1, -1.0E-5);
        network.bias(1).set(0, 0, -0.0);
        Path file = folder.resolve("tiny.json");

        ModelFile.save(new Checkpoint(network, new TrainingState(1, 10, 3.0, 1, 4)), file);

        String expected = String.join("\n",
                "{",
                "  \"format\": \"nabla-model\",",
                "  \"version\": 1,",
                "  \"sizes\": [2, 1],",
                "  \"hiddenActivation\": \"tanh\",",
                "  \"outputActivation\": \"sigmoid\",",
                "  \"cost\": \"cross-entropy\",",
                "  \"layers\": [",
                "    {",
                "      \"biases\": [-0.0],",
                "      \"weights\": [",
                "        [0.5, -1.0E-5]",
                "      ]",
                "    }",
                "  ],",
                "  \"training\": {",
                "    \"epochsCompleted\": 1,",
                "    \"batchSize\": 10,",
                "    \"learningRate\": 3.0,",
                "    \"seed\": 1,",
                "    \"trainingExamples\": 4",
                "  }",
                "}",
                "");
        assertEquals(expected, Files.readString(file));
    }

    @Test
    void nonFiniteSaveKeepsExistingFile() throws IOException {
        Network network = new Network(new int[] {4, 3, 2}, 1);
        Path file = folder.resolve("model.json");
        ModelFile.save(network, file);
        byte[] before = Files.readAllBytes(file);
        network.weight(2).set(1, 2, Double.NaN);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.save(network, file));

        assertTrue(e.getMessage().contains("entry (1, 2) of layer 2 is NaN"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), filesIn(folder));
    }

    @Test
    void failedRenameRemovesTemporaryFile() throws IOException {
        // A non-empty folder cannot be replaced by a file, so the final rename fails.
        Path target = folder.resolve("model.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "kept");

        IOException e = assertThrows(IOException.class,
                () -> ModelFile.save(new Network(new int[] {2, 2}, 1), target));

        assertTrue(e.getMessage().startsWith(target.toString()), e.getMessage());
        assertEquals("kept", Files.readString(target.resolve("keep.txt")));
        assertEquals(List.of(target), filesIn(folder));
    }

    @Test
    void saveToMissingFolderNamesFile() {
        Path file = folder.resolve("missing").resolve("model.json");

        IOException e = assertThrows(IOException.class, () -> ModelFile.save(new Network(new int[] {2, 2}, 1), file));

        assertTrue(e.getMessage().startsWith(file + ": cannot save the model"), e.getMessage());
    }

    @Test
    void everyTruncationIsRejected() throws IOException {
        Path saved = folder.resolve("whole.json");
        ModelFile.save(new Checkpoint(new Network(new int[] {3, 4, 2}, 5), new TrainingState(1, 2, 0.5, 3, 10)), saved);
        byte[] whole = Files.readAllBytes(saved);
        // The last byte is the final line break; without it the JSON is still complete.
        int complete = whole.length - 1;

        qt().withExamples(200)
                .forAll(integers().between(0, complete - 1))
                .checkAssert(length -> {
                    Path file = write("cut.json", Arrays.copyOf(whole, length));
                    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(file));
                    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
                });
    }

    @Test
    void corruptFileIsRejectedNamingProblem() throws IOException {
        String valid = validJson();
        Object[][] cases = {
            {"", "is empty"},
            {valid.substring(0, valid.length() / 2), "the JSON ends unfinished at line"},
            {valid + "}", "invalid JSON"},
            {"[]", "the top level is array []; expected a JSON object"},
            {valid.replace("\"nabla-model\"", "\"keras\""), "format \"keras\", expected \"nabla-model\""},
            {valid.replace("\"version\": 1", "\"version\": 2"), "version 2, but this nabla reads version 1 only"},
            {valid.replace("\"cost\": \"quadratic\"", "\"cost\": \"hinge\""),
                "cost: unknown cost 'hinge'; known: quadratic, cross-entropy, log-likelihood"},
            {valid.replace("\"hiddenActivation\": \"sigmoid\"", "\"hiddenActivation\": \"sigmod\""),
                "hiddenActivation: unknown activation 'sigmod'; known: sigmoid, tanh"},
            {valid.replace("\"hiddenActivation\": \"sigmoid\"", "\"hiddenActivation\": \"softmax\""),
                "hidden activation softmax is not element-wise"},
            {valid.replace("\"cost\": \"quadratic\",", ""), "missing field \"cost\" in the top level"},
            {valid.replace("\"cost\": \"quadratic\",", "\"cost\": \"quadratic\", \"costs\": 1,"),
                "unknown field \"costs\" in the top level"},
            {valid.replace("\"cost\": \"quadratic\",", "\"cost\": \"quadratic\", \"cost\": \"quadratic\","),
                "Duplicate field 'cost'"},
            {valid.replace("\"sizes\": [2, 3, 1]", "\"sizes\": [2, 0, 1]"), "sizes[1] is 0; expected a whole number"},
            {valid.replace("\"sizes\": [2, 3, 1]", "\"sizes\": [2, 1.5, 1]"), "sizes[1] is 1.5"},
            {valid.replace("\"sizes\": [2, 3, 1]", "\"sizes\": [2, 4, 1]"), "layers[0].biases has 3 numbers; expected nˡ = 4"},
            {valid.replace("\"sizes\": [2, 3, 1]", "\"sizes\": [2, 3, 1, 1]"),
                "layers has 2 entries, but sizes [2, 3, 1, 1] need 3"},
            {valid.replace("\"sizes\": [2, 3, 1]", "\"sizes\": [3, 3, 1]"), "layers[0].weights[0] has 2 numbers; expected nˡ⁻¹ = 3"},
            {valid.replace("[0.25]", "[]"), "layers[1].biases has 0 numbers"},
            {valid.replace("0.125", "NaN"), "invalid JSON"},
            {valid.replace("0.125", "\"NaN\""), "layers[0].weights[1][0] is string \"NaN\"; expected a number"},
            {valid.replace("0.125", "1e400"), "layers[0].weights[1][0] is beyond the range of a double and reads as Infinity"},
            {valid.replace("0.125", "-1E999"), "reads as -Infinity"},
            {valid.replace("0.125", "null"), "layers[0].weights[1][0] is null null; expected a number"},
            {valid.replace("\"trainingExamples\": 6", "\"trainingExamples\": -6"), "training: training examples -6"},
            {valid.replace("\"batchSize\": 2", "\"batchSize\": 0"), "training: batch size 0"},
            {valid.replace("\"learningRate\": 0.5", "\"learningRate\": -0.5"), "training: learning rate η = -0.5"},
        };
        for (Object[] c : cases) {
            Path file = write("corrupt.json", ((String) c[0]).getBytes(StandardCharsets.UTF_8));
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.loadCheckpoint(file),
                    "expected a rejection mentioning: " + c[1]);
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
            assertTrue(e.getMessage().contains((String) c[1]), "expected '" + c[1] + "' in: " + e.getMessage());
        }
    }

    @Test
    void checkpointNeedsTrainingState() throws IOException {
        Path file = folder.resolve("model.json");
        ModelFile.save(new Network(new int[] {2, 2}, 1), file);

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.loadCheckpoint(file));

        assertTrue(e.getMessage().contains("has no \"training\" section"), e.getMessage());
        assertNull(ModelReader.read(file).training());
    }

    // ---- helpers

    /** Returns the text of a [2, 3, 1] checkpoint whose weight at layer 1, row 1, column 0 is 0.125. */
    private String validJson() throws IOException {
        Network network = Network.zeros(new int[] {2, 3, 1}, Activations.SIGMOID, Activations.SIGMOID, Costs.QUADRATIC);
        network.weight(1).set(1, 0, 0.125);
        network.bias(2).set(0, 0, 0.25);
        Path file = folder.resolve("valid.json");
        ModelFile.save(new Checkpoint(network, new TrainingState(1, 2, 0.5, 3, 6)), file);
        return Files.readString(file);
    }

    private Path write(String name, byte[] bytes) {
        Path file = folder.resolve(name);
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /**
     * Networks of 2 to 4 layers of 1 to 5 neurons, with every valid pairing of activations and
     * cost. Parameters are drawn from all finite doubles as random bit patterns whose exponent is
     * below the all-ones of NaN and infinity, mixed with AWKWARD_DOUBLES.
     */
    private static Gen<Network> networks() {
        List<Activation[]> pairs = new ArrayList<>();
        List<Cost> costs = new ArrayList<>();
        for (String hidden : Activations.names()) {
            for (String output : Activations.names()) {
                for (String cost : Costs.names()) {
                    Activation h = Activations.named(hidden);
                    Activation o = Activations.named(output);
                    Cost c = Costs.named(cost);
                    if (h.isElementwise() && c.supportsOutput(o)) {
                        pairs.add(new Activation[] {h, o});
                        costs.add(c);
                    }
                }
            }
        }
        Gen<Integer> combination = integers().between(0, pairs.size() - 1);
        Gen<int[]> sizes = Generate.intArrays(integers().between(2, 4), integers().between(1, 5));
        return sizes.zip(combination, longs().all(), (s, k, seed) -> {
            Network network = Network.zeros(s, pairs.get(k)[0], pairs.get(k)[1], costs.get(k));
            SplittableRandom random = new SplittableRandom(seed);
            for (int l = 1; l <= network.layerCount(); l++) {
                fill(network.weight(l).data(), random);
                fill(network.bias(l).data(), random);
            }
            return network;
        });
    }

    private static void fill(double[] values, SplittableRandom random) {
        for (int k = 0; k < values.length; k++) {
            if (random.nextInt(4) == 0) {
                values[k] = AWKWARD_DOUBLES[random.nextInt(AWKWARD_DOUBLES.length)];
            } else {
                long sign = random.nextBoolean() ? Long.MIN_VALUE : 0L;
                long exponent = (long) random.nextInt(0x7FF) << 52;
                long mantissa = random.nextLong() & 0x000F_FFFF_FFFF_FFFFL;
                values[k] = Double.longBitsToDouble(sign | exponent | mantissa);
            }
        }
    }
}
