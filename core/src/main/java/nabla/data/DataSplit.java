package nabla.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A training set and a test set in the standard MNIST layout: four IDX files named
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}
 * and {@code t10k-labels-idx1-ubyte}, each optionally ending in {@code .gz}.
 */
public record DataSplit(Dataset training, Dataset test) {

    /** Number of classes in MNIST and Fashion-MNIST. */
    public static final int MNIST_CLASSES = 10;

    private static final String SAMPLE_RESOURCE = "/nabla/mnist-sample/";

    public DataSplit {
        if (training.inputSize() != test.inputSize()) {
            throw new IllegalArgumentException("training images have " + training.inputSize()
                    + " pixels but test images have " + test.inputSize() + "; both sets need the same size");
        }
    }

    /**
     * Loads the embedded sample of real MNIST digits: 8,000 training and 2,000 test images
     * shipped inside this library (MNIST by LeCun, Cortes and Burges, CC BY-SA 3.0).
     */
    public static DataSplit embeddedSample() throws IOException {
        return new DataSplit(
                fromResources("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
                fromResources("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"));
    }

    /** Loads the four standard IDX files from {@code directory}, gzip-compressed or raw. */
    public static DataSplit load(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null,
                    "not a readable folder; pass a folder holding the four MNIST-format IDX files");
        }
        return new DataSplit(
                fromFiles(find(directory, "train-images-idx3-ubyte"), find(directory, "train-labels-idx1-ubyte")),
                fromFiles(find(directory, "t10k-images-idx3-ubyte"), find(directory, "t10k-labels-idx1-ubyte")));
    }

    /**
     * Loads only the test set from {@code directory}: {@code t10k-images-idx3-ubyte} and
     * {@code t10k-labels-idx1-ubyte}, each optionally ending in {@code .gz}. Evaluating a trained
     * network needs no training files.
     */
    public static Dataset loadTest(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null,
                    "not a readable folder; pass a folder holding the MNIST-format IDX test files");
        }
        return fromFiles(find(directory, "t10k-images-idx3-ubyte"), find(directory, "t10k-labels-idx1-ubyte"));
    }

    private static Path find(Path directory, String baseName) throws NoSuchFileException {
        for (String candidate : new String[] {baseName + ".gz", baseName}) {
            Path file = directory.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new NoSuchFileException(directory.resolve(baseName).toString(), null,
                "missing: expected " + baseName + " or " + baseName + ".gz in " + directory);
    }

    private static Dataset fromFiles(Path images, Path labels) throws IOException {
        return combine(images.toString(), IdxReader.readImages(images),
                labels.toString(), IdxReader.readLabels(labels));
    }

    private static Dataset fromResources(String images, String labels) throws IOException {
        String imagesName = "embedded " + images;
        String labelsName = "embedded " + labels;
        return combine(imagesName, IdxReader.readImages(imagesName, resource(images)),
                labelsName, IdxReader.readLabels(labelsName, resource(labels)));
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = DataSplit.class.getResourceAsStream(SAMPLE_RESOURCE + file)) {
            if (in == null) {
                throw new NoSuchFileException(SAMPLE_RESOURCE + file, null,
                        "embedded sample missing from the class path; rebuild the core module");
            }
            return in.readAllBytes();
        }
    }

    private static Dataset combine(String imagesName, IdxReader.Images images, String labelsName, byte[] labels)
            throws IdxFormatException {
        if (images.count() != labels.length) {
            throw new IdxFormatException(labelsName + ": " + labels.length + " labels, but " + imagesName
                    + " has " + images.count() + " images; expected one label per image");
        }
        for (int k = 0; k < labels.length; k++) {
            int label = labels[k] & 0xff;
            if (label >= MNIST_CLASSES) {
                throw new IdxFormatException(labelsName + ": label " + label + " at index " + k
                        + ", expected a class from 0 to " + (MNIST_CLASSES - 1));
            }
        }
        return new Dataset(imagesName, images.pixels(), labels, images.pixelsPerImage(), MNIST_CLASSES);
    }
}
