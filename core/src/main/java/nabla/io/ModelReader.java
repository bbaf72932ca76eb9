package nabla.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import nabla.core.Activation;
import nabla.core.Activations;
import nabla.core.Cost;
import nabla.core.Costs;
import nabla.core.Matrix;
import nabla.core.Network;
import nabla.train.TrainingState;

/**
 * Reads and checks the model JSON of {@link ModelFile}. Every problem becomes a
 * {@link ModelFormatException} that starts with the file and names the field, such as
 * {@code layers[1].weights[3]}.
 */
final class ModelReader {

    /** A loaded network and its training state, which is null when the file has none. */
    record Contents(Network network, TrainingState training) {
    }

    private static final List<String> FIELDS = List.of("format", "version", "sizes", "hiddenActivation",
            "outputActivation", "cost", "layers", "training");
    private static final List<String> LAYER_FIELDS = List.of("biases", "weights");
    private static final List<String> TRAINING_FIELDS = List.of("epochsCompleted", "batchSize", "learningRate",
            "seed", "trainingExamples", "weightDecay");

    // Rejects duplicate keys and anything after the top-level object; NaN and Infinity literals
    // are rejected by Jackson's default, which allows only standard JSON numbers.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path file;

    private ModelReader(Path file) {
        this.file = file;
    }

    /** Reads {@code file}; see {@link ModelFile#load(Path)} for what is checked. */
    static Contents read(Path file) throws IOException {
        return new ModelReader(file).contents(parse(file, Files.readAllBytes(file)));
    }

    private static JsonNode parse(Path file, byte[] bytes) throws ModelFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonEOFException e) {
            throw new ModelFormatException(file + ": the JSON ends unfinished" + where(e.getLocation())
                    + "; the file was cut short", e);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(file + ": invalid JSON" + where(e.getLocation()) + " ("
                    + firstLine(e.getOriginalMessage()) + "); the file is corrupt", e);
        } catch (IOException e) {
            throw new ModelFormatException(file + ": cannot be parsed as JSON (" + e.getMessage() + ")", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ModelFormatException(file + ": is empty; expected a " + ModelFile.FORMAT + " JSON object");
        }
        return root;
    }

    private Contents contents(JsonNode root) throws ModelFormatException {
        requireObject(root, "the top level", FIELDS);
        String format = text(root, "", "format");
        if (!format.equals(ModelFile.FORMAT)) {
            throw error("format \"" + format + "\", expected \"" + ModelFile.FORMAT + "\"; this is not a nabla model");
        }
        int version = integer(root, "", "version");
        if (version != ModelFile.VERSION) {
            throw error("version " + version + ", but this nabla reads version " + ModelFile.VERSION + " only");
        }

        int[] sizes = sizes(root);
        Activation hidden = activation(root, "hiddenActivation");
        Activation output = activation(root, "outputActivation");
        Cost cost = cost(root);
        Network network;
        try {
            network = Network.zeros(sizes, hidden, output, cost);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        readLayers(root, network);

        TrainingState training = root.has("training") ? training(root.get("training")) : null;
        return new Contents(network, training);
    }

    private int[] sizes(JsonNode root) throws ModelFormatException {
        JsonNode array = array(root, "", "sizes");
        if (array.size() < 2) {
            throw error("sizes has " + array.size() + " entries; a network needs at least an input and an output "
                    + "layer, such as [784, 30, 10]");
        }
        int[] sizes = new int[array.size()];
        for (int l = 0; l < sizes.length; l++) {
            JsonNode size = array.get(l);
            if (!size.isIntegralNumber() || !size.canConvertToInt() || size.intValue() < 1) {
                throw error("sizes[" + l + "] is " + size + "; expected a whole number of neurons, at least 1");
            }
            sizes[l] = size.intValue();
        }
        return sizes;
    }

    private Activation activation(JsonNode root, String field) throws ModelFormatException {
        String name = text(root, "", field);
        try {
            return Activations.named(name);
        } catch (IllegalArgumentException e) {
            throw error(field + ": " + e.getMessage());
        }
    }

    private Cost cost(JsonNode root) throws ModelFormatException {
        String name = text(root, "", "cost");
        try {
            return Costs.named(name);
        } catch (IllegalArgumentException e) {
            throw error("cost: " + e.getMessage());
        }
    }

    private void readLayers(JsonNode root, Network network) throws ModelFormatException {
        JsonNode layers = array(root, "", "layers");
        if (layers.size() != network.layerCount()) {
            throw error("layers has " + layers.size() + " entries, but sizes " + Arrays.toString(network.sizes())
                    + " need " + network.layerCount() + ", one per layer after the input");
        }
        for (int l = 1; l <= network.layerCount(); l++) {
            String path = "layers[" + (l - 1) + "]";
            JsonNode layer = layers.get(l - 1);
            requireObject(layer, path, LAYER_FIELDS);
            readNumbers(array(layer, path, "biases"), network.bias(l).data(), 0, network.size(l),
                    path + ".biases", "nˡ = " + network.size(l) + " for layer " + l);

            String weightsPath = path + ".weights";
            JsonNode rows = array(layer, path, "weights");
            Matrix w = network.weight(l);
            if (rows.size() != w.rows()) {
                throw error(weightsPath + " has " + rows.size() + " rows, but layer " + l + " has " + w.rows()
                        + " neurons, so its weights are " + w.shape());
            }
            for (int row = 0; row < w.rows(); row++) {
                String rowPath = weightsPath + "[" + row + "]";
                JsonNode values = rows.get(row);
                if (!values.isArray()) {
                    throw error(rowPath + " is " + kind(values) + "; expected an array of numbers");
                }
                readNumbers(values, w.data(), row * w.cols(), w.cols(), rowPath,
                        "nˡ⁻¹ = " + w.cols() + " for the " + w.shape() + " weights of layer " + l);
            }
        }
    }

    private void readNumbers(JsonNode array, double[] into, int offset, int count, String path, String reason)
            throws ModelFormatException {
        if (array.size() != count) {
            throw error(path + " has " + array.size() + " numbers; expected " + reason);
        }
        for (int k = 0; k < count; k++) {
            into[offset + k] = finite(array.get(k), path + "[" + k + "]");
        }
    }

    private double finite(JsonNode node, String path) throws ModelFormatException {
        if (!node.isNumber()) {
            throw error(path + " is " + kind(node) + "; expected a number");
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            // The parser rejects NaN and Infinity literals, so only a number beyond ±1.8E308 gets here.
            throw error(path + " is beyond the range of a double and reads as " + value
                    + "; a model holds finite numbers only");
        }
        return value;
    }

    private TrainingState training(JsonNode node) throws ModelFormatException {
        requireObject(node, "training", TRAINING_FIELDS);
        int epochsCompleted = integer(node, "training", "epochsCompleted");
        int batchSize = integer(node, "training", "batchSize");
        double learningRate = finite(require(node, "training", "learningRate"), "training.learningRate");
        JsonNode seed = require(node, "training", "seed");
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw error("training.seed is " + seed + "; expected a whole number from " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE);
        }
        int trainingExamples = integer(node, "training", "trainingExamples");
        double weightDecay = node.has("weightDecay") ? finite(node.get("weightDecay"), "training.weightDecay") : 0.0;
        try {
            return new TrainingState(epochsCompleted, batchSize, learningRate, seed.longValue(), trainingExamples,
                    weightDecay);
        } catch (IllegalArgumentException e) {
            throw error("training: " + e.getMessage());
        }
    }

    private void requireObject(JsonNode node, String path, List<String> known) throws ModelFormatException {
        if (!node.isObject()) {
            throw error(path + " is " + kind(node) + "; expected a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error("unknown field \"" + name + "\" in " + path + "; expected only " + String.join(", ", known));
            }
        }
    }

    /** Returns {@code object.field}; {@code in} is the path of the object, empty for the top level. */
    private JsonNode require(JsonNode object, String in, String field) throws ModelFormatException {
        JsonNode value = object.get(field);
        if (value == null) {
            throw error("missing field \"" + field + "\" in " + (in.isEmpty() ? "the top level" : in));
        }
        return value;
    }

    private String text(JsonNode object, String in, String field) throws ModelFormatException {
        JsonNode value = require(object, in, field);
        if (!value.isTextual()) {
            throw error(path(in, field) + " is " + kind(value) + "; expected a string");
        }
        return value.textValue();
    }

    private int integer(JsonNode object, String in, String field) throws ModelFormatException {
        JsonNode value = require(object, in, field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw error(path(in, field) + " is " + value + "; expected a whole number");
        }
        return value.intValue();
    }

    private JsonNode array(JsonNode object, String in, String field) throws ModelFormatException {
        JsonNode value = require(object, in, field);
        if (!value.isArray()) {
            throw error(path(in, field) + " is " + kind(value) + "; expected an array");
        }
        return value;
    }

    private static String path(String in, String field) {
        return in.isEmpty() ? field : in + "." + field;
    }

    private static String kind(JsonNode node) {
        String text = node.toString();
        String excerpt = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + excerpt;
    }

    private static String where(JsonLocation at) {
        return at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private ModelFormatException error(String problem) {
        return new ModelFormatException(file + ": " + problem);
    }
}
