package nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code nabla train --engine}: both engines train, and an unknown one is a usage error. */
class TrainEngineTest {

    /** The spec's bound: the engines' final accuracies differ by less than half a percentage point. */
    private static final double ACCURACY_BOUND = 0.005;

    private static final Pattern FINAL_ACCURACY = Pattern.compile("final test accuracy: ([0-9.]+) ");

    @Test
    void autogradEndsWithinHalfPointOfHand() {
        double hand = finalAccuracy(run("train", "--engine", "hand", "--epochs", "1", "--seed", "1"));
        double autograd = finalAccuracy(run("train", "--engine", "autograd", "--epochs", "1", "--seed", "1"));

        assertEquals(hand, autograd, ACCURACY_BOUND);
    }

    @Test
    void unknownEngineExitsTwoNamingKnownOnes() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Nabla.newCommandLine();
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(err));

        int exitCode = commandLine.execute("train", "--engine", "symbolic");

        assertEquals(2, exitCode);
        assertTrue(err.toString().contains("unknown engine 'symbolic'; known: hand, autograd"), err.toString());
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Nabla.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        int exitCode = commandLine.execute(args);
        assertEquals(0, exitCode, out.toString());
        return out.toString();
    }

    private static double finalAccuracy(String output) {
        Matcher matcher = FINAL_ACCURACY.matcher(output);
        assertTrue(matcher.find(), output);
        return Double.parseDouble(matcher.group(1));
    }
}
