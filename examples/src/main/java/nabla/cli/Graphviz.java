package nabla.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs Graphviz's {@code dot} program to draw DOT text as an image file. */
final class Graphviz {

    /** How long one drawing may take; a graph of a few hundred nodes takes well under a second. */
    private static final long TIMEOUT_SECONDS = 60;

    /** Thrown when the drawing was not written, with a message that names what to do next. */
    static final class RenderException extends Exception {
        private static final long serialVersionUID = 1L;

        RenderException(String message) {
            super(message);
        }
    }

    private final String program;

    /** Creates a renderer that runs {@code program}: {@code dot}, found on PATH, or a path to it. */
    Graphviz(String program) {
        this.program = program;
    }

    /**
     * Draws {@code dotText} into {@code out} in {@code format} (such as svg or png), and throws
     * without leaving a file behind if {@code dot} cannot be started or fails.
     */
    void render(String dotText, String format, Path out) throws RenderException, IOException {
        ProcessBuilder builder = new ProcessBuilder(program, "-T" + format, "-o", out.toString());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Path errors = Files.createTempFile("nabla-dot", ".log");
        builder.redirectError(errors.toFile());
        try {
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new RenderException("cannot run Graphviz's '" + program + "' program (" + e.getMessage()
                        + "), so " + out + " was not written. Install Graphviz, for example with "
                        + "'apt-get install graphviz' on Debian or Ubuntu or 'brew install graphviz' on macOS, "
                        + "or write the DOT text with '--out graph.dot' and draw it elsewhere.");
            }
            try (OutputStream in = process.getOutputStream()) {
                in.write(dotText.getBytes(StandardCharsets.UTF_8));
            }
            boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
                Files.deleteIfExists(out);
                throw new RenderException("'" + program + " -T" + format + "' timed out after " + TIMEOUT_SECONDS
                        + " s, so " + out + " was not written");
            }
            if (process.exitValue() != 0) {
                Files.deleteIfExists(out);
                throw new RenderException("'" + program + " -T" + format + "' failed with exit code "
                        + process.exitValue() + ", so " + out + " was not written: "
                        + Files.readString(errors, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted while '" + program + "' was drawing " + out);
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
