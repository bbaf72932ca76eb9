package nabla.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests {@link IdxReader} on small generated IDX files, valid and corrupt, raw and gzip. */
class IdxReaderTest {

    @TempDir
    Path directory;

    @Test
    void imagesRoundTripRaw() throws IOException {
        byte[] pixels = IdxFiles.pixelRamp(3 * 4 * 5);
        Path file = IdxFiles.write(directory, "images", IdxFiles.images(3, 4, 5, pixels));

        IdxReader.Images images = IdxReader.readImages(file);

        assertEquals(3, images.count());
        assertEquals(4, images.rows());
        assertEquals(5, images.columns());
        assertEquals(20, images.pixelsPerImage());
        assertArrayEquals(pixels, images.pixels());
    }

    @Test
    void imagesRoundTripGzip() throws IOException {
        byte[] pixels = IdxFiles.pixelRamp(300 * 2 * 2);
        Path file = IdxFiles.write(directory, "images.gz", IdxFiles.gzip(IdxFiles.images(300, 2, 2, pixels)));

        IdxReader.Images images = IdxReader.readImages(file);

        assertEquals(300, images.count());
        assertArrayEquals(pixels, images.pixels());
    }

    @Test
    void labelsRoundTripRaw() throws IOException {
        byte[] labels = {0, 9, 3, 3, 7};
        Path file = IdxFiles.write(directory, "labels", IdxFiles.labels(labels));

        assertArrayEquals(labels, IdxReader.readLabels(file));
    }

    @Test
    void labelsRoundTripGzip() throws IOException {
        byte[] labels = {0, 9, 3, 3, 7};
        Path file = IdxFiles.write(directory, "labels.gz", IdxFiles.gzip(IdxFiles.labels(labels)));

        assertArrayEquals(labels, IdxReader.readLabels(file));
    }

    @Test
    void gzipIsRecognisedByContentNotByName() throws IOException {
        byte[] labels = {1, 2, 3};
        Path gzipWithoutSuffix = IdxFiles.write(directory, "labels", IdxFiles.gzip(IdxFiles.labels(labels)));
        Path rawWithSuffix = IdxFiles.write(directory, "raw-labels.gz", IdxFiles.labels(labels));

        assertArrayEquals(labels, IdxReader.readLabels(gzipWithoutSuffix));
        assertArrayEquals(labels, IdxReader.readLabels(rawWithSuffix));
    }

    @Test
    void labelsFileReadAsImagesIsRejected() throws IOException {
        // 20 labels make the file longer than the 16-byte images header, so the magic is what fails.
        Path file = IdxFiles.write(directory, "train-labels-idx1-ubyte", IdxFiles.labels(new byte[20]));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("magic number 2049 (a labels file)"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 2051"), e.getMessage());
    }

    @Test
    void imagesFileReadAsLabelsIsRejected() throws IOException {
        Path file = IdxFiles.write(directory, "train-images-idx3-ubyte", IdxFiles.images(1, 2, 2, new byte[4]));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));

        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("magic number 2051 (an images file)"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 2049"), e.getMessage());
    }

    @ParameterizedTest(name = "magic {0}")
    // Zero, an arbitrary value, all bits set, and 2051 written little-endian.
    @ValueSource(ints = {0, 0x12345678, 0xffffffff, 0x03080000})
    void unknownMagicIsRejected(int magic) throws IOException {
        Path file = IdxFiles.write(directory, "images", IdxFiles.images(magic, 1, 2, 2, new byte[4]));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertEquals(file + ": magic number " + magic + ", expected 2051 for an IDX images file", e.getMessage());
    }

    @Test
    void truncatedImageBodyIsRejected() throws IOException {
        // 3 images of 2x2 need 12 bytes after the header; 10 are left.
        Path file = IdxFiles.write(directory, "images", IdxFiles.images(3, 2, 2, new byte[10]));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("header declares 3 images of 2x2 pixels"), e.getMessage());
        assertTrue(e.getMessage().contains("need 12 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("10 are present"), e.getMessage());
    }

    @Test
    void imageCountSmallerThanBodyIsRejected() throws IOException {
        Path file = IdxFiles.write(directory, "images", IdxFiles.images(2, 2, 2, new byte[12]));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains("need 8 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("12 are present"), e.getMessage());
    }

    @Test
    void hugeImageCountFailsFastWithoutAllocating() throws IOException {
        // 2 billion images of 28x28 would take 1.5 TB; the file has 100 bytes.
        Path file = IdxFiles.write(directory, "images", IdxFiles.images(2_000_000_000, 28, 28, new byte[84]));

        IdxFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file)));

        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("2000000000 images of 28x28"), e.getMessage());
        assertTrue(e.getMessage().contains("1568000000000 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("84 are present"), e.getMessage());
    }

    @Test
    void hugeLabelCountFailsFastWithoutAllocating() throws IOException {
        Path file = IdxFiles.write(directory, "labels",
                IdxFiles.labels(IdxReader.LABELS_MAGIC, 2_000_000_000, new byte[92]));

        IdxFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file)));

        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("2000000000 labels"), e.getMessage());
        assertTrue(e.getMessage().contains("92 bytes follow"), e.getMessage());
    }

    @Test
    void labelCountSmallerThanBodyIsRejected() throws IOException {
        Path file = IdxFiles.write(directory, "labels", IdxFiles.labels(IdxReader.LABELS_MAGIC, 3, new byte[5]));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));

        assertTrue(e.getMessage().contains("3 labels"), e.getMessage());
        assertTrue(e.getMessage().contains("5 bytes follow"), e.getMessage());
    }

    @Test
    void truncatedImagesHeaderIsRejected() throws IOException {
        byte[] header = Arrays.copyOf(IdxFiles.images(1, 2, 2, new byte[4]), 10);
        Path file = IdxFiles.write(directory, "images", header);

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertEquals(file + ": 10 bytes, too short for the 16-byte header of an IDX images file", e.getMessage());
    }

    @Test
    void truncatedLabelsHeaderIsRejected() throws IOException {
        byte[] header = Arrays.copyOf(IdxFiles.labels((byte) 1), 5);
        Path file = IdxFiles.write(directory, "labels", header);

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));

        assertEquals(file + ": 5 bytes, too short for the 8-byte header of an IDX labels file", e.getMessage());
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path file = IdxFiles.write(directory, "images", new byte[0]);

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains("0 bytes, too short"), e.getMessage());
    }

    @Test
    void gzipCutInTheMiddleIsRejected() throws IOException {
        byte[] whole = IdxFiles.gzip(IdxFiles.images(100, 28, 28, IdxFiles.pixelRamp(100 * 28 * 28)));
        Path file = IdxFiles.write(directory, "images.gz", Arrays.copyOf(whole, whole.length / 2));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("gzip stream cannot be read"), e.getMessage());
    }

    @Test
    void gzipCutInsideItsHeaderIsRejected() throws IOException {
        byte[] whole = IdxFiles.gzip(IdxFiles.labels((byte) 1));
        Path file = IdxFiles.write(directory, "labels.gz", Arrays.copyOf(whole, 4));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));

        assertTrue(e.getMessage().contains("gzip stream cannot be read"), e.getMessage());
    }

    @Test
    void imagesWithoutPixelsAreRejected() throws IOException {
        Path file = IdxFiles.write(directory, "images", IdxFiles.images(5, 0, 28, new byte[0]));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains("images of 0x28 pixels"), e.getMessage());
        assertTrue(e.getMessage().contains("expected at least 1x1"), e.getMessage());
    }

    @Test
    void imageDimensionsNearTwoToThe32AreRejected() throws IOException {
        // Rows and columns of 0xFFFFFFFF: their product, near 2⁶⁴, overflows a long.
        Path file = IdxFiles.write(directory, "images", IdxFiles.images(0, 0xffffffff, 0xffffffff, new byte[0]));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("images of 4294967295x4294967295 pixels"), e.getMessage());
    }

    @Test
    void missingFileIsReportedAsMissing() {
        Path file = directory.resolve("absent");

        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> IdxReader.readImages(file));

        assertEquals(file.toString(), e.getFile());
    }
}
