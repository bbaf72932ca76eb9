package nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code nabla trace}: the seed network's schematic, both forms, and invalid flags. */
class TraceCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Nabla.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private String lineStartingWith(String start) {
        return out.toString().lines().filter(line -> line.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starts with '" + start + "' in\n" + out));
    }

    @Test
    void seedNetworkTraceShowsLastWeightGradient() {
        int code = run("trace", "--sizes", "784,30,10", "--batch", "10");

        assertEquals(0, code, err::toString);
        List<String> bp4 = out.toString().lines().filter(line -> line.startsWith("BP4 ")).toList();
        assertEquals(2, bp4.size(), out::toString);
        assertTrue(bp4.get(1).contains("∂C/∂w² = δ² (a¹)ᵀ / m"), bp4.get(1));
        assertTrue(bp4.get(1).contains("(10×10)·(10×30) → (10×30)"), bp4.get(1));
        assertTrue(lineStartingWith("FORWARD").contains("(30×784)·(784×10) + (30×1) → (30×10)"), out::toString);
        assertEquals("Parameters: 23,860", lineStartingWith("Parameters:"));
        assertTrue(lineStartingWith("Floating-point operations per example:").contains("98,476"), out::toString);
    }

    @Test
    void perExampleTraceUsesColumns() {
        int code = run("trace", "--sizes", "784,30,10", "--batch", "10", "--per-example");

        assertEquals(0, code, err::toString);
        assertTrue(out.toString().contains("(30×784)·(784×1) + (30×1) → (30×1)"), out::toString);
        assertTrue(out.toString().contains("(10×1)·(1×30) → (10×30)"), out::toString);
        assertTrue(out.toString().contains("Examples 2 to 10: the same 10 steps, with the same shapes."), out::toString);
        assertTrue(lineStartingWith("Floating-point operations per example:").contains("98,476"), out::toString);
    }

    @Test
    void zeroBatchExitsTwo() {
        int code = run("trace", "--batch", "0");

        assertEquals(2, code);
        assertTrue(err.toString().contains("--batch"), err::toString);
    }

    @Test
    void emptyLayerExitsTwo() {
        int code = run("trace", "--sizes", "4,0,2");

        assertEquals(2, code);
        assertTrue(err.toString().contains("--sizes"), err::toString);
    }
}
