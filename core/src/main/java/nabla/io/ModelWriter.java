package nabla.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import nabla.core.Matrix;
import nabla.core.Network;
import nabla.train.TrainingState;

/** Writes the model JSON of {@link ModelFile} through a temporary file and an atomic rename. */
final class ModelWriter {

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private ModelWriter() {
    }

    /** Writes the network, and the training state unless it is null, to {@code file} atomically. */
    static void write(Network network, TrainingState training, Path file) throws IOException {
        checkFinite(network, file);
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        if (directory == null || target.getFileName() == null) {
            throw new IOException(file + ": cannot save a model there; name a file, such as model.json");
        }
        Path temporary = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");

        try {
            writeAndForce(network, training, temporary);
            // On POSIX file systems the rename replaces the target in one step, so readers see
            // either the old model or the new one. Where it cannot be atomic, the move throws.
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temporary, e);
            throw new IOException(file + ": cannot save the model (" + describe(e) + "); "
                    + (Files.exists(target) ? "the existing file is unchanged" : "nothing was written"), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temporary, e);
            throw e;
        }
    }

    private static void writeAndForce(Network network, TrainingState training, Path temporary) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
            try (JsonGenerator json = JSON.createGenerator(out)) {
                json.setPrettyPrinter(new Layout());
                writeModel(json, network, training);
            }
            out.write('\n');
            out.flush();
            // NOTE: the folder is not forced after the rename, so after a power failure it may
            // still list the old model. It never lists a partly written one.
            channel.force(true);
        }
    }

    private static void writeModel(JsonGenerator json, Network network, TrainingState training) throws IOException {
        json.writeStartObject();
        json.writeStringField("format", ModelFile.FORMAT);
        json.writeNumberField("version", ModelFile.VERSION);
        json.writeArrayFieldStart("sizes");
        for (int size : network.sizes()) {
            json.writeNumber(size);
        }
        json.writeEndArray();
        json.writeStringField("hiddenActivation", network.hiddenActivation().name());
        json.writeStringField("outputActivation", network.outputActivation().name());
        json.writeStringField("cost", network.cost().name());

        json.writeArrayFieldStart("layers");
        for (int l = 1; l <= network.layerCount(); l++) {
            json.writeStartObject();
            json.writeArrayFieldStart("biases");
            writeNumbers(json, network.bias(l).data(), 0, network.size(l));
            json.writeEndArray();
            json.writeArrayFieldStart("weights");
            Matrix w = network.weight(l);
            for (int row = 0; row < w.rows(); row++) {
                json.writeStartArray();
                writeNumbers(json, w.data(), row * w.cols(), w.cols());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();

        if (training != null) {
            json.writeObjectFieldStart("training");
            json.writeNumberField("epochsCompleted", training.epochsCompleted());
            json.writeNumberField("batchSize", training.batchSize());
            json.writeFieldName("learningRate");
            json.writeNumber(Double.toString(training.learningRate()));
            json.writeNumberField("seed", training.seed());
            json.writeNumberField("trainingExamples", training.trainingExamples());
            if (training.weightDecay() != 0.0) {
                json.writeFieldName("weightDecay");
                json.writeNumber(Double.toString(training.weightDecay()));
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeNumbers(JsonGenerator json, double[] values, int from, int count) throws IOException {
        for (int k = from; k < from + count; k++) {
            // Double.toString gives the shortest text that parses back to the same double.
            json.writeNumber(Double.toString(values[k]));
        }
    }

    private static void checkFinite(Network network, Path file) {
        for (int l = 1; l <= network.layerCount(); l++) {
            checkFinite(network.weight(l), "weight", l, file);
            checkFinite(network.bias(l), "bias", l, file);
        }
    }

    private static void checkFinite(Matrix m, String kind, int layer, Path file) {
        double[] values = m.data();
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException(file + ": not saved, because " + kind + " entry ("
                        + k / m.cols() + ", " + k % m.cols() + ") of layer " + layer + " is " + values[k]
                        + "; a model file holds finite numbers only");
            }
        }
    }

    private static void deleteQuietly(Path temporary, Throwable failure) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        if (e instanceof FileSystemException fse) {
            return e.getClass().getSimpleName() + " on " + fse.getFile();
        }
        return e.getMessage();
    }

    /**
     * Lays out the JSON for reading by eye: one field per line, one line per layer's biases and
     * per row of its weights, numbers of one array separated by ", ".
     */
    private static final class Layout implements PrettyPrinter {

        /** Fields whose arrays put each element on its own line; every other array takes one line. */
        private static final Set<String> MULTI_LINE_ARRAYS = Set.of("layers", "weights");

        private int depth;

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newLine(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newLine(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (entries > 0) {
                newLine(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            if (isMultiLine(g.getOutputContext())) {
                depth++;
            }
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (isMultiLine(g.getOutputContext())) {
                newLine(g);
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            if (isMultiLine(g.getOutputContext())) {
                newLine(g);
            } else {
                g.writeRaw(' ');
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (isMultiLine(g.getOutputContext())) {
                depth--;
                if (values > 0) {
                    newLine(g);
                }
            }
            g.writeRaw(']');
        }

        /** Returns true for the array in context {@code array} when it is a field named in MULTI_LINE_ARRAYS. */
        private static boolean isMultiLine(JsonStreamContext array) {
            JsonStreamContext parent = array.getParent();
            return parent != null && parent.inObject() && MULTI_LINE_ARRAYS.contains(parent.getCurrentName());
        }

        private void newLine(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int k = 0; k < depth; k++) {
                g.writeRaw("  ");
            }
        }
    }
}
