package nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code nabla bench} on a few hundred images: the format of its last line, not its speed. */
class BenchCommandTest {

    private static final Pattern BENCH_LINE = Pattern.compile(
            "bench: engine=(hand|autograd) examples=500 median_epoch_s=[0-9]+\\.[0-9]{4} examples_per_s=[0-9]+ "
                    + "peak_rss_mb=([0-9]+|unknown)");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Nabla.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void benchEndsWithOneBenchLine() {
        for (String engine : new String[] {"hand", "autograd"}) {
            out.getBuffer().setLength(0);

            int code = run("bench", "--engine", engine, "--epochs", "1", "--train-limit", "500");

            assertEquals(0, code, err::toString);
            String[] lines = out.toString().strip().split("\\R");
            String last = lines[lines.length - 1];
            assertTrue(BENCH_LINE.matcher(last).matches(), last);
            assertTrue(last.startsWith("bench: engine=" + engine + " "), last);
            assertEquals(1, out.toString().split("bench: ", -1).length - 1, "exactly one bench line:\n" + out);
        }
    }

    @Test
    void zeroEpochsExitsTwo() {
        int code = run("bench", "--epochs", "0");

        assertEquals(2, code);
        assertTrue(err.toString().contains("invalid value for option '--epochs': 0: time at least 1 epoch"), err::toString);
    }
}
