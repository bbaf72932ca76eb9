package nabla.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an images file from disk, which streams the pixels, against reading its bytes. */
class IdxReaderFileTest {

    @TempDir
    Path folder;

    @Test
    void rawAndGzipFilesGiveTheSamePixels() throws IOException {
        byte[] file = imagesFile(3, 2, 4);
        Path raw = Files.write(folder.resolve("images"), file);
        Path gzip = Files.write(folder.resolve("images.gz"), gzip(file));

        IdxReader.Images expected = IdxReader.readImages("bytes", file);
        for (Path path : new Path[] {raw, gzip}) {
            IdxReader.Images read = IdxReader.readImages(path);
            assertEquals(3, read.count(), path.toString());
            assertEquals(2, read.rows(), path.toString());
            assertEquals(4, read.columns(), path.toString());
            assertArrayEquals(expected.pixels(), read.pixels(), path.toString());
        }
    }

    @Test
    void headerDeclaringMoreImagesIsRejected() throws IOException {
        byte[] file = imagesFile(3, 2, 4);
        ByteBuffer.wrap(file).putInt(4, 5);
        Path gzip = Files.write(folder.resolve("images.gz"), gzip(file));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(gzip));

        assertTrue(e.getMessage().contains("header declares 5 images of 2x4 pixels, which need 40 bytes"),
                e.getMessage());
    }

    @Test
    void truncatedGzipStreamIsRejected() throws IOException {
        byte[] compressed = gzip(imagesFile(50, 8, 8));
        // Keep the trailer, which still declares the full length, but drop part of the stream.
        byte[] damaged = new byte[compressed.length - 20];
        System.arraycopy(compressed, 0, damaged, 0, damaged.length - 8);
        System.arraycopy(compressed, compressed.length - 8, damaged, damaged.length - 8, 8);
        Path gzip = Files.write(folder.resolve("images.gz"), damaged);

        assertThrows(IdxFormatException.class, () -> IdxReader.readImages(gzip));
    }

    private static byte[] imagesFile(int count, int rows, int columns) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * rows * columns);
        buffer.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(columns);
        byte[] file = buffer.array();
        for (int k = 16; k < file.length; k++) {
            file[k] = (byte) (k * 37);
        }
        return Arrays.copyOf(file, file.length);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
