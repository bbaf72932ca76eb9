package nabla.io;

import java.io.IOException;
import java.nio.file.Path;
import nabla.core.Network;

/**
 * Saves and loads networks as JSON files in the format {@code nabla-model}, version 1, described
 * in {@code docs/model-format.md}: the sizes, the hidden and output activations, the cost, every
 * weight and bias, and for a checkpoint the training state. Numbers are written with
 * {@link Double#toString(double)} and read with {@link Double#parseDouble(String)}, so every
 * double, including −0.0 and subnormals, loads bit for bit as it was saved.
 *
 * <p>A save is atomic: the JSON goes to a temporary file in the target's folder, is forced to
 * the disk, and is then renamed over the target. A failed save deletes the temporary file and
 * leaves an existing model untouched, and a crash mid-save leaves at worst a hidden
 * {@code .NAME.*.tmp} file beside it.
 */
public final class ModelFile {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "nabla-model";

    /** The version of the format this class writes and the only one it reads. */
    public static final int VERSION = 1;

    private ModelFile() {
    }

    /**
     * Saves the network to {@code file}, replacing it only once the new content is complete.
     *
     * @throws IllegalArgumentException if a weight or bias is NaN or infinite; nothing is written
     * @throws IOException if the file cannot be written; an existing file is left as it was
     */
    public static void save(Network network, Path file) throws IOException {
        ModelWriter.write(network, null, file);
    }

    /**
     * Saves the network and its training state to {@code file}, in the same way as
     * {@link #save(Network, Path)}; {@link #loadCheckpoint(Path)} reads both back.
     */
    public static void save(Checkpoint checkpoint, Path file) throws IOException {
        ModelWriter.write(checkpoint.network(), checkpoint.training(), file);
    }

    /**
     * Loads the network saved in {@code file}, ignoring any training state.
     *
     * @throws ModelFormatException if the file is not a valid model, naming the file and the problem
     * @throws IOException if the file cannot be read
     */
    public static Network load(Path file) throws IOException {
        return ModelReader.read(file).network();
    }

    /**
     * Loads a network and the training state that lets training resume from it.
     *
     * @throws ModelFormatException if the file is not a valid model or has no training state
     * @throws IOException if the file cannot be read
     */
    public static Checkpoint loadCheckpoint(Path file) throws IOException {
        ModelReader.Contents contents = ModelReader.read(file);
        if (contents.training() == null) {
            throw new ModelFormatException(file + ": has no \"training\" section, so training cannot "
                    + "resume from it; resume from a file written by 'nabla train --save'");
        }
        return new Checkpoint(contents.network(), contents.training());
    }
}
