package nabla.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests loading the four MNIST files: the embedded sample and generated folders. */
class DataSplitTest {

    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    private static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    private static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    @TempDir
    Path directory;

    @Test
    void embeddedSampleHas8000TrainingAnd2000TestDigits() throws IOException {
        DataSplit split = DataSplit.embeddedSample();

        assertEquals(8000, split.training().size());
        assertEquals(2000, split.test().size());
        assertEquals(784, split.training().inputSize());
        assertEquals(784, split.test().inputSize());
        assertEquals(10, split.training().classes());
    }

    @Test
    void embeddedSampleHasEveryDigitInBothSets() throws IOException {
        DataSplit split = DataSplit.embeddedSample();

        for (Dataset set : new Dataset[] {split.training(), split.test()}) {
            int[] counts = new int[10];
            for (int k = 0; k < set.size(); k++) {
                int label = set.label(k);
                assertTrue(label >= 0, set.name() + ": label " + label + " at " + k);
                assertTrue(label <= 9, set.name() + ": label " + label + " at " + k);
                counts[label]++;
            }
            for (int digit = 0; digit < 10; digit++) {
                assertTrue(counts[digit] > 0, set.name() + " has no digit " + digit);
            }
        }
    }

    @Test
    void loadReadsRawFiles() throws IOException {
        writeSplit("");

        DataSplit split = DataSplit.load(directory);

        assertSplit(split);
    }

    @Test
    void loadTestNeedsOnlyTestFiles() throws IOException {
        write(TEST_IMAGES + ".gz", IdxFiles.images(3, 2, 3, IdxFiles.pixelRamp(18)), ".gz");
        write(TEST_LABELS, IdxFiles.labels(new byte[] {2, 7, 0}), "");

        Dataset test = DataSplit.loadTest(directory);

        assertEquals(3, test.size());
        assertEquals(7, test.label(1));
        assertThrows(NoSuchFileException.class, () -> DataSplit.load(directory));
    }

    @Test
    void loadReadsGzipFiles() throws IOException {
        writeSplit(".gz");

        DataSplit split = DataSplit.load(directory);

        assertSplit(split);
    }

    @Test
    void missingFileNamesBothExpectedNames() throws IOException {
        writeSplit("");
        Files.delete(directory.resolve(TEST_LABELS));

        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> DataSplit.load(directory));

        assertTrue(e.getMessage().contains("expected t10k-labels-idx1-ubyte or t10k-labels-idx1-ubyte.gz in "
                + directory), e.getMessage());
    }

    @Test
    void missingFolderIsReported() {
        Path absent = directory.resolve("absent");

        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> DataSplit.load(absent));

        assertEquals(absent.toString(), e.getFile());
        assertTrue(e.getMessage().contains("not a readable folder"), e.getMessage());
    }

    @Test
    void labelCountDifferentFromImageCountIsRejected() throws IOException {
        writeSplit("");
        Path labels = IdxFiles.write(directory, TRAIN_LABELS, IdxFiles.labels(new byte[] {0, 1, 2, 3}));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> DataSplit.load(directory));

        assertTrue(e.getMessage().startsWith(labels + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("4 labels"), e.getMessage());
        assertTrue(e.getMessage().contains(directory.resolve(TRAIN_IMAGES) + " has 5 images"), e.getMessage());
    }

    @Test
    void labelOutsideTheTenDigitsIsRejected() throws IOException {
        writeSplit("");
        Path labels = IdxFiles.write(directory, TEST_LABELS, IdxFiles.labels(new byte[] {0, 1, 10}));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> DataSplit.load(directory));

        assertEquals(labels + ": label 10 at index 2, expected a class from 0 to 9", e.getMessage());
    }

    @Test
    void imagesOfDifferentSizesAreRejected() throws IOException {
        writeSplit("");
        IdxFiles.write(directory, TEST_IMAGES, IdxFiles.images(3, 3, 3, new byte[27]));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSplit.load(directory));

        assertEquals("training images have 6 pixels but test images have 9; both sets need the same size",
                e.getMessage());
    }

    /** Writes 5 training and 3 test images of 2x3 pixels, with file names ending in {@code suffix}. */
    private void writeSplit(String suffix) throws IOException {
        write(TRAIN_IMAGES + suffix, IdxFiles.images(5, 2, 3, IdxFiles.pixelRamp(30)), suffix);
        write(TRAIN_LABELS + suffix, IdxFiles.labels(new byte[] {9, 0, 4, 4, 1}), suffix);
        write(TEST_IMAGES + suffix, IdxFiles.images(3, 2, 3, IdxFiles.pixelRamp(18)), suffix);
        write(TEST_LABELS + suffix, IdxFiles.labels(new byte[] {2, 7, 0}), suffix);
    }

    private void write(String name, byte[] bytes, String suffix) throws IOException {
        IdxFiles.write(directory, name, suffix.equals(".gz") ? IdxFiles.gzip(bytes) : bytes);
    }

    private static void assertSplit(DataSplit split) {
        assertEquals(5, split.training().size());
        assertEquals(3, split.test().size());
        assertEquals(6, split.training().inputSize());
        assertEquals(9, split.training().label(0));
        assertEquals(1, split.training().label(4));
        assertEquals(0, split.test().label(2));
        // Pixel 5 of training image 4 is byte 4 · 6 + 5 = 29 of the ramp.
        assertEquals(29 / 255.0, split.training().inputs(new int[] {4}, 0, 1).get(5, 0));
    }
}
