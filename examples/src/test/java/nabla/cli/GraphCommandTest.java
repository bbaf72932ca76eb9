package nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nabla graph}: DOT text, drawings when Graphviz is installed, and the message when it is not. */
class GraphCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(GraphCommand command, String... args) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler(new UsageErrors());
        commandLine.setParameterExceptionHandler(UsageErrors::handleParameterException);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void dotFileHoldsEveryLayer() throws IOException {
        Path file = folder.resolve("graph.dot");

        int code = run(new GraphCommand(), "--sizes", "2,3,1", "--out", file.toString());

        assertEquals(0, code, err::toString);
        String dot = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(dot.startsWith("digraph autograd {"), dot);
        for (String label : new String[] {"w1\\n(3×2)", "b2\\n(1×1)", "x\\n(2×4)", "y\\n(1×4)", "z1 = add\\n(3×4)",
            "a2 = sigmoid\\n(1×4)", "C = scale"}) {
            assertTrue(dot.contains(label), label + " in " + dot);
        }
    }

    @Test
    void missingGraphvizSaysHowToInstall() {
        Path file = folder.resolve("graph.svg");

        int code = run(new GraphCommand(new Graphviz("nabla-test-no-such-program")), "--out", file.toString());

        assertEquals(1, code);
        assertTrue(err.toString().contains("apt-get install graphviz"), err::toString);
        assertTrue(err.toString().contains("was not written"), err::toString);
        assertFalse(Files.exists(file), "no file is left behind");
    }

    @Test
    void unknownExtensionExitsTwo() {
        int code = run(new GraphCommand(), "--out", folder.resolve("graph.txt").toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("--out"), err::toString);
    }

    @Test
    void svgAndPngAreDrawn() throws IOException {
        Assumptions.assumeTrue(dotOnPath(), "Graphviz's dot is not on PATH");
        Path svg = folder.resolve("graph.svg");
        Path png = folder.resolve("graph.png");

        assertEquals(0, run(new GraphCommand(), "--out", svg.toString()), err::toString);
        assertEquals(0, run(new GraphCommand(), "--out", png.toString()), err::toString);

        String svgText = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(svgText.contains("<svg"), svgText);
        assertTrue(svgText.contains("z1 = add"), svgText);
        byte[] pngBytes = Files.readAllBytes(png);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        assertTrue(Arrays.equals(signature, Arrays.copyOf(pngBytes, 8)), "PNG signature");
    }

    @Test
    void failingGraphvizShowsItsError() throws IOException {
        Assumptions.assumeTrue(dotOnPath(), "Graphviz's dot is not on PATH");
        Path file = folder.resolve("graph.svg");

        Graphviz.RenderException failure = org.junit.jupiter.api.Assertions.assertThrows(Graphviz.RenderException.class,
                () -> new Graphviz("dot").render("digraph { this is not DOT", "svg", file));

        assertTrue(failure.getMessage().contains("failed with exit code"), failure.getMessage());
        assertTrue(failure.getMessage().contains("syntax error"), failure.getMessage());
        assertFalse(Files.exists(file), "no file is left behind");
    }

    private static boolean dotOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        return Arrays.stream(path.split(File.pathSeparator)).map(dir -> Path.of(dir, "dot"))
                .anyMatch(Files::isExecutable);
    }
}
