package nabla.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files, valid or deliberately corrupt, for the data tests. */
final class IdxFiles {

    private IdxFiles() {
    }

    /** Returns an images file: magic, count, rows and columns as big-endian ints, then the pixels. */
    static byte[] images(int magic, int count, int rows, int columns, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length)
                .putInt(magic).putInt(count).putInt(rows).putInt(columns).put(pixels)
                .array();
    }

    /** Returns a valid images file of {@code count} images whose pixels are {@code pixels}. */
    static byte[] images(int count, int rows, int columns, byte[] pixels) {
        return images(IdxReader.IMAGES_MAGIC, count, rows, columns, pixels);
    }

    /** Returns a labels file: magic and count as big-endian ints, then one byte per label. */
    static byte[] labels(int magic, int count, byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(magic).putInt(count).put(labels).array();
    }

    /** Returns a valid labels file. */
    static byte[] labels(byte... labels) {
        return labels(IdxReader.LABELS_MAGIC, labels.length, labels);
    }

    /** Returns {@code count} pixels 0, 1, 2, … wrapping at 256, so that every image differs. */
    static byte[] pixelRamp(int count) {
        byte[] pixels = new byte[count];
        for (int k = 0; k < count; k++) {
            pixels[k] = (byte) k;
        }
        return pixels;
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path directory, String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }
}
