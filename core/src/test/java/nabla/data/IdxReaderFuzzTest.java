package nabla.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Feeds {@link IdxReader} corrupted versions of small valid files: cut short, with flipped bytes,
 * with headers rewritten to declare up to 2³² − 1 images, and all of these gzip-wrapped. The only
 * exception allowed is {@link IdxFormatException}; QuickTheories reports any other, and an input
 * that still parses must parse consistently with its header.
 */
class IdxReaderFuzzTest {

    private static final int EXAMPLES = 200;
    private static final long MAX_UNSIGNED_INT = 0xFFFF_FFFFL;

    /** Memory a read may allocate beyond what the file backs: stream buffers and small arrays. */
    private static final long ALLOCATION_ALLOWANCE = 1 << 20;

    private static final String NAME = "fuzzed.idx";

    @Test
    void truncatedImagesFileIsRejected() {
        qt().withExamples(EXAMPLES)
                .forAll(imagesFiles(), integers().between(0, 1000))
                .checkAssert((file, cut) -> {
                    byte[] truncated = Arrays.copyOf(file, cut % file.length);
                    assertRejected(() -> IdxReader.readImages(NAME, truncated));
                    assertRejected(() -> IdxReader.readImages(NAME, gzip(truncated)));
                });
    }

    @Test
    void truncatedLabelsFileIsRejected() {
        qt().withExamples(EXAMPLES)
                .forAll(labelsFiles(), integers().between(0, 1000))
                .checkAssert((file, cut) -> {
                    byte[] truncated = Arrays.copyOf(file, cut % file.length);
                    assertRejected(() -> IdxReader.readLabels(NAME, truncated));
                    assertRejected(() -> IdxReader.readLabels(NAME, gzip(truncated)));
                });
    }

    @Test
    void truncatedGzipStreamIsRejected() {
        qt().withExamples(EXAMPLES)
                .forAll(imagesFiles(), integers().between(0, 1000))
                .checkAssert((file, cut) -> {
                    byte[] compressed = gzip(file);
                    byte[] truncated = Arrays.copyOf(compressed, cut % compressed.length);
                    assertRejectedOrConsistentImages(truncated, null);
                    assertRejected(() -> IdxReader.readLabels(NAME, truncated));
                });
    }

    @Test
    void flippedImageBytesParseOrFailCleanly() {
        qt().withExamples(EXAMPLES)
                .forAll(imagesFiles().flatMap(IdxReaderFuzzTest::withFlips))
                .checkAssert(flipped -> {
                    byte[] corrupted = flipped.apply();
                    assertRejectedOrConsistentImages(corrupted, corrupted);
                    assertRejectedOrConsistentImages(gzip(corrupted), corrupted);
                });
    }

    @Test
    void flippedLabelBytesParseOrFailCleanly() {
        qt().withExamples(EXAMPLES)
                .forAll(labelsFiles().flatMap(IdxReaderFuzzTest::withFlips))
                .checkAssert(flipped -> {
                    byte[] corrupted = flipped.apply();
                    assertRejectedOrConsistentLabels(corrupted, corrupted);
                    assertRejectedOrConsistentLabels(gzip(corrupted), corrupted);
                });
    }

    @Test
    void flippedGzipBytesParseOrFailCleanly() {
        qt().withExamples(EXAMPLES)
                .forAll(imagesFiles().map(IdxReaderFuzzTest::gzip).flatMap(IdxReaderFuzzTest::withFlips))
                .checkAssert(flipped -> assertRejectedOrConsistentImages(flipped.apply(), null));
    }

    @Test
    void rewrittenImagesHeaderParsesOrFailsCleanly() {
        // Field 1 is the image count, 2 the rows and 3 the columns; each is an unsigned 32-bit integer.
        qt().withExamples(EXAMPLES)
                .forAll(imagesFiles(), integers().between(1, 3), longs().between(0, MAX_UNSIGNED_INT))
                .checkAssert((file, field, value) -> {
                    byte[] rewritten = file.clone();
                    ByteBuffer.wrap(rewritten).putInt(4 * field, (int) (long) value);
                    assertRejectedOrConsistentImages(rewritten, rewritten);
                    assertRejectedOrConsistentImages(gzip(rewritten), rewritten);
                });
    }

    @Test
    void rewrittenLabelsHeaderParsesOrFailsCleanly() {
        qt().withExamples(EXAMPLES)
                .forAll(labelsFiles(), longs().between(0, MAX_UNSIGNED_INT))
                .checkAssert((file, count) -> {
                    byte[] rewritten = file.clone();
                    ByteBuffer.wrap(rewritten).putInt(4, (int) (long) count);
                    assertRejectedOrConsistentLabels(rewritten, rewritten);
                    assertRejectedOrConsistentLabels(gzip(rewritten), rewritten);
                });
    }

    @Test
    void overflowingDimensionsAreRejected() {
        // 0xFFFFFFFF² overflows a long to a negative number, which must not pass as a small image.
        byte[] file = imagesHeader(0, MAX_UNSIGNED_INT, MAX_UNSIGNED_INT);

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(NAME, file));

        assertTrue(e.getMessage().contains("4294967295x4294967295"), e.getMessage());
    }

    @Test
    void billionsOfImagesAllocateLittle() {
        byte[] raw = concat(imagesHeader(MAX_UNSIGNED_INT, 28, 28), new byte[784]);
        byte[] compressed = gzip(raw);

        long rawBytes = allocatedBy(() -> assertRejected(() -> IdxReader.readImages(NAME, raw)));
        long gzipBytes = allocatedBy(() -> assertRejected(() -> IdxReader.readImages(NAME, compressed)));

        assertTrue(rawBytes < ALLOCATION_ALLOWANCE, "raw file: allocated " + rawBytes + " bytes");
        assertTrue(gzipBytes < ALLOCATION_ALLOWANCE, "gzip file: allocated " + gzipBytes + " bytes");
    }

    @Test
    void overlongGzipStreamIsRejected() {
        byte[] overlong = concat(imagesHeader(1, 2, 2), new byte[4 + 1_000_000]);

        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxReader.readImages(NAME, gzip(overlong)));

        assertTrue(e.getMessage().startsWith(NAME + ": "), e.getMessage());
    }

    // ---- generators

    /** Valid raw images files of 0 to 6 images of 1 to 5 by 1 to 5 pixels. */
    private static Gen<byte[]> imagesFiles() {
        return integers().between(0, 6)
                .zip(integers().between(1, 5), integers().between(1, 5), (count, rows, columns) -> new int[] {count, rows, columns})
                .flatMap(d -> pixels(d[0] * d[1] * d[2])
                        .map(pixels -> concat(imagesHeader(d[0], d[1], d[2]), pixels)));
    }

    /** Valid raw labels files of 0 to 30 labels from 0 to 9. */
    private static Gen<byte[]> labelsFiles() {
        return integers().between(0, 30)
                .flatMap(count -> Generate.byteArrays(Generate.constant(count), Generate.bytes((byte) 0, (byte) 9, (byte) 0))
                        .map(labels -> concat(labelsHeader(count), labels)));
    }

    private static Gen<byte[]> pixels(int count) {
        return Generate.byteArrays(Generate.constant(count), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }

    /**
     * A file with 1 to 4 bytes flipped. Each code c in [0, 255·length) flips the byte at c / 255
     * by XOR with 1 + c % 255, so every flip changes its byte.
     */
    private record Flipped(byte[] file, int[] codes) {
        byte[] apply() {
            byte[] corrupted = file.clone();
            for (int code : codes) {
                corrupted[code / 255] ^= (byte) (1 + code % 255);
            }
            return corrupted;
        }

        @Override
        public String toString() {
            return "Flipped[file=" + Arrays.toString(file) + ", codes=" + Arrays.toString(codes) + "]";
        }
    }

    private static Gen<Flipped> withFlips(byte[] file) {
        return Generate.intArrays(integers().between(1, 4), integers().between(0, 255 * file.length - 1))
                .map(codes -> new Flipped(file, codes));
    }

    // ---- checks

    private interface Read {
        void run() throws IdxFormatException;
    }

    /** Passes when the read throws IdxFormatException naming the file; any other exception fails. */
    private static void assertRejected(Read read) {
        IdxFormatException e = assertThrows(IdxFormatException.class, read::run);
        assertTrue(e.getMessage().startsWith(NAME + ": "), e.getMessage());
    }

    /**
     * Passes when the bytes are rejected with IdxFormatException, or parse to images that agree
     * with their header; {@code raw}, when known, is the uncompressed file, whose header and
     * pixels the result must match.
     */
    private static void assertRejectedOrConsistentImages(byte[] bytes, byte[] raw) {
        IdxReader.Images images;
        try {
            images = IdxReader.readImages(NAME, bytes);
        } catch (IdxFormatException e) {
            assertTrue(e.getMessage().startsWith(NAME + ": "), e.getMessage());
            return;
        }
        assertTrue(images.rows() >= 1 && images.columns() >= 1, images.rows() + "x" + images.columns());
        assertEquals((long) images.count() * images.rows() * images.columns(), images.pixels().length);
        if (raw != null) {
            ByteBuffer header = ByteBuffer.wrap(raw);
            assertEquals(IdxReader.IMAGES_MAGIC, header.getInt(0));
            assertEquals(header.getInt(4), images.count());
            assertEquals(header.getInt(8), images.rows());
            assertEquals(header.getInt(12), images.columns());
            assertArrayEquals(Arrays.copyOfRange(raw, 16, raw.length), images.pixels());
        }
    }

    private static void assertRejectedOrConsistentLabels(byte[] bytes, byte[] raw) {
        byte[] labels;
        try {
            labels = IdxReader.readLabels(NAME, bytes);
        } catch (IdxFormatException e) {
            assertTrue(e.getMessage().startsWith(NAME + ": "), e.getMessage());
            return;
        }
        ByteBuffer header = ByteBuffer.wrap(raw);
        assertEquals(IdxReader.LABELS_MAGIC, header.getInt(0));
        assertEquals(header.getInt(4), labels.length);
        assertArrayEquals(Arrays.copyOfRange(raw, 8, raw.length), labels);
    }

    /** Returns the bytes the current thread allocates while running {@code action}. */
    private static long allocatedBy(Runnable action) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        action.run();
        return threads.getThreadAllocatedBytes(thread) - before;
    }

    // ---- file builders

    private static byte[] imagesHeader(long count, long rows, long columns) {
        return ByteBuffer.allocate(16).putInt(IdxReader.IMAGES_MAGIC)
                .putInt((int) count).putInt((int) rows).putInt((int) columns).array();
    }

    private static byte[] labelsHeader(long count) {
        return ByteBuffer.allocate(8).putInt(IdxReader.LABELS_MAGIC).putInt((int) count).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
