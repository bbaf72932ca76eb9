package nabla.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nabla.check.Mutants;
import org.junit.jupiter.api.Test;

/** The example programs run to the end and print what their documentation promises. */
class ExampleProgramsTest {

    @Test
    void classicMistakesAreAllCaught() {
        String out = capture(() -> ClassicMistakes.main(new String[0]));

        List<String> lines = out.lines().toList();
        assertEquals(Mutants.all().size(), lines.size(), out);
        for (String line : lines) {
            assertTrue(line.contains(" caught "), line);
        }
    }

    @Test
    void traceBackpropPrintsBothForms() {
        String out = capture(() -> TraceBackprop.main(new String[0]));

        assertTrue(out.contains("in mini-batch form"), out);
        assertTrue(out.contains("in per-example form"), out);
        assertTrue(out.contains("(10×10)·(10×30) → (10×30)"), out);
        assertTrue(out.contains("Parameters: 23,860"), out);
    }

    /** Returns what {@code program} printed to standard output. */
    private static String capture(Runnable program) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
