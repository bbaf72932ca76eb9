package nabla.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of the MNIST files: a big-endian header of a magic number and the
 * dimensions, followed by one unsigned byte per value.
 *
 * <ul>
 *   <li>images: magic 2051 (0x00000803), then count, rows and columns;</li>
 *   <li>labels: magic 2049 (0x00000801), then count.</li>
 * </ul>
 *
 * <p>A file may be gzip-compressed or raw; the first two bytes tell which (0x1f 0x8b for gzip),
 * whatever the file is called. Nothing is allocated from the counts in a header: they are first
 * checked against the bytes actually present.
 *
 * <p>For any bytes, {@link #readImages(String, byte[])} and {@link #readLabels(String, byte[])}
 * return a result that agrees with its header or throw {@link IdxFormatException}, no other
 * exception. The one limit is memory: a gzip stream may decompress to almost 2 GiB before it is
 * checked. {@code IdxReaderFuzzTest} feeds them truncated, bit-flipped and rewritten files.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with three dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;

    /** Magic number of an IDX file of unsigned bytes with one dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;

    private IdxReader() {
    }

    /** Pixels of an images file: {@code count} images of rows × columns bytes, one after another. */
    public record Images(int count, int rows, int columns, byte[] pixels) {
        /** Returns the number of pixels in one image, rows × columns. */
        public int pixelsPerImage() {
            return rows * columns;
        }
    }

    /**
     * Reads an images file (magic 2051), gzip-compressed or raw. The pixels are decompressed
     * straight into their final array, so reading keeps no second copy of the file: the 60,000
     * MNIST training images take their 47 MB and buffers of 64 KiB while they are read.
     */
    public static Images readImages(Path file) throws IOException {
        String name = file.toString();
        OptionalLong body = declaredLength(file);
        if (body.isEmpty()) {
            return readImages(name, Files.readAllBytes(file));
        }
        try (InputStream in = open(file)) {
            byte[] header = in.readNBytes(IMAGES_HEADER);
            ByteBuffer fields = header(name, header, IMAGES_HEADER, "images");
            checkMagic(name, fields.getInt(), IMAGES_MAGIC, "images");
            long count = unsigned(fields.getInt());
            long rows = unsigned(fields.getInt());
            long columns = unsigned(fields.getInt());
            // The division keeps rows × columns from overflowing a long before it is bounded.
            if (rows == 0 || columns == 0 || rows > Integer.MAX_VALUE / columns
                    || count * rows * columns != body.getAsLong() - IMAGES_HEADER) {
                // The header disagrees with the file's length: the byte form reports exactly how.
                return readImages(name, Files.readAllBytes(file));
            }
            long expected = count * rows * columns;
            byte[] pixels = new byte[(int) expected];
            if (in.readNBytes(pixels, 0, pixels.length) != pixels.length || in.read() != -1) {
                throw new IdxFormatException(name + ": the pixel data ended before the " + expected
                        + " bytes its header and length declare; the file is truncated");
            }
            return new Images((int) count, (int) rows, (int) columns, pixels);
        } catch (ZipException | EOFException e) {
            throw new IdxFormatException(name + ": starts with the gzip magic number but its gzip stream "
                    + "cannot be read (" + e.getMessage() + "); the file is corrupt or truncated", e);
        }
    }

    /**
     * Returns the length of the file's IDX bytes before reading them: the file's size for a raw
     * file, or for a gzip file the uncompressed size its trailer records (ISIZE, the last four
     * bytes, modulo 2³²). Empty when a trailer cannot tell, for files too short to have one.
     */
    private static OptionalLong declaredLength(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            ByteBuffer start = ByteBuffer.allocate(2);
            channel.read(start, 0);
            if (!isGzip(start.array()) || start.position() < 2) {
                return OptionalLong.of(size);
            }
            if (size < 18) {
                return OptionalLong.empty();
            }
            ByteBuffer trailer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(trailer, size - 4);
            return OptionalLong.of(unsigned(trailer.getInt(0)));
        }
    }

    /** Opens the file for reading its IDX bytes, through a gzip decoder if it starts with the gzip magic. */
    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        byte[] start = in.readNBytes(2);
        in.reset();
        return isGzip(start) ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** Reads a labels file (magic 2049), gzip-compressed or raw; one byte per label. */
    public static byte[] readLabels(Path file) throws IOException {
        return readLabels(file.toString(), Files.readAllBytes(file));
    }

    /**
     * Parses the bytes of an images file; {@code name} identifies the file in error messages.
     *
     * @throws IdxFormatException if the bytes are not a valid images file
     */
    public static Images readImages(String name, byte[] fileBytes) throws IdxFormatException {
        byte[] bytes = decompressIfGzip(name, fileBytes);
        ByteBuffer header = header(name, bytes, IMAGES_HEADER, "images");
        checkMagic(name, header.getInt(), IMAGES_MAGIC, "images");
        long count = unsigned(header.getInt());
        long rows = unsigned(header.getInt());
        long columns = unsigned(header.getInt());
        long present = bytes.length - IMAGES_HEADER;
        if (rows == 0 || columns == 0) {
            throw new IdxFormatException(name + ": header declares images of " + rows + "x" + columns
                    + " pixels; expected at least 1x1 (28x28 for MNIST)");
        }
        // Divide rather than multiply: rows × columns overflows a long when both are near 2³².
        if (rows > Integer.MAX_VALUE / columns) {
            throw new IdxFormatException(name + ": header declares images of " + rows + "x" + columns
                    + " pixels, more than " + Integer.MAX_VALUE + " per image; expected 28x28 for MNIST");
        }
        // Below 2³² · 2³¹, so the product fits in a long.
        long expected = count * rows * columns;
        if (expected != present) {
            throw new IdxFormatException(name + ": header declares " + count + " images of " + rows + "x"
                    + columns + " pixels, which need " + expected + " bytes after the 16-byte header, but "
                    + present + " are present; the file is truncated or its header is wrong");
        }
        byte[] pixels = new byte[(int) present];
        System.arraycopy(bytes, IMAGES_HEADER, pixels, 0, pixels.length);
        return new Images((int) count, (int) rows, (int) columns, pixels);
    }

    /**
     * Parses the bytes of a labels file; {@code name} identifies the file in error messages.
     *
     * @throws IdxFormatException if the bytes are not a valid labels file
     */
    public static byte[] readLabels(String name, byte[] fileBytes) throws IdxFormatException {
        byte[] bytes = decompressIfGzip(name, fileBytes);
        ByteBuffer header = header(name, bytes, LABELS_HEADER, "labels");
        checkMagic(name, header.getInt(), LABELS_MAGIC, "labels");
        long count = unsigned(header.getInt());
        long present = bytes.length - LABELS_HEADER;
        if (count != present) {
            throw new IdxFormatException(name + ": header declares " + count + " labels but " + present
                    + " bytes follow the 8-byte header; the file is truncated or its header is wrong");
        }
        byte[] labels = new byte[(int) present];
        System.arraycopy(bytes, LABELS_HEADER, labels, 0, labels.length);
        return labels;
    }

    /** Returns true when the bytes start with the gzip magic number 0x1f 0x8b. */
    static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    private static byte[] decompressIfGzip(String name, byte[] bytes) throws IdxFormatException {
        if (!isGzip(bytes)) {
            return bytes;
        }
        // The output buffer starts no larger than the compressed file and grows with the bytes
        // actually decompressed, never from a header count.
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(bytes.length, 1 << 20));
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > Integer.MAX_VALUE - 64) {
                    throw new IdxFormatException(name + ": gzip stream decompresses to more than 2 GiB; "
                            + "expected an IDX file small enough to hold in one array");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (ZipException | EOFException e) {
            throw new IdxFormatException(name + ": starts with the gzip magic number but its gzip stream "
                    + "cannot be read (" + e.getMessage() + "); the file is corrupt or truncated", e);
        } catch (IdxFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IdxFormatException(name + ": gzip stream cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static ByteBuffer header(String name, byte[] bytes, int size, String kind) throws IdxFormatException {
        if (bytes.length < size) {
            throw new IdxFormatException(name + ": " + bytes.length + " bytes, too short for the " + size
                    + "-byte header of an IDX " + kind + " file");
        }
        return ByteBuffer.wrap(bytes, 0, size);
    }

    private static void checkMagic(String name, int found, int expected, String kind) throws IdxFormatException {
        if (found != expected) {
            String hint = found == IMAGES_MAGIC ? " (an images file)"
                    : found == LABELS_MAGIC ? " (a labels file)" : "";
            throw new IdxFormatException(name + ": magic number " + found + hint + ", expected " + expected
                    + " for an IDX " + kind + " file");
        }
    }

    private static long unsigned(int value) {
        return value & 0xffffffffL;
    }
}
