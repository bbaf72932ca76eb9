package nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CheckCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Nabla.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private String lastLine() {
        String[] lines = out.toString().strip().split("\\R");
        return lines[lines.length - 1];
    }

    @Test
    void correctBackpropExitsZero() {
        int code = run("check", "--sizes", "12,6,10", "--batch", "4", "--params", "all");

        assertEquals(0, code, err::toString);
        assertTrue(lastLine().startsWith("PASS: all gradients agree"), out::toString);
    }

    @Test
    void mutantExitsOneAndNamesEquation() {
        int code = run("check", "--sizes", "12,6,10", "--batch", "4", "--backprop", "mutant:flat-bias-gradient");

        assertEquals(1, code, err::toString);
        assertTrue(lastLine().startsWith("FAIL: BP3 at layers 1, 2 has the wrong shape"), out::toString);
    }

    @Test
    void userClassIsLoadedByName() {
        int code = run("check", "--sizes", "12,6,10", "--batch", "4", "--backprop", "nabla.examples.StudentBackprop");

        assertEquals(0, code, () -> out + "" + err);
    }

    @Test
    void jsonReportCarriesVerdictAndBlame() throws Exception {
        int code = run("check", "--sizes", "12,6,10", "--batch", "4", "--json", "--backprop",
                "mutant:weight-gradient-over-rows");

        assertEquals(1, code);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(false, json.get("passed").asBoolean());
        assertEquals("BP4", json.get("blame").get(0).get("equation").asText());
        assertEquals(6, json.get("quantities").size());
    }

    @Test
    void mutantsReportEveryMistakeCaught() {
        int code = run("mutants", "--sizes", "12,6,10", "--batch", "4");

        assertEquals(0, code, out::toString);
        assertTrue(lastLine().matches("mutants: caught (\\d+) of \\1, localised \\1 of \\1"), lastLine());
    }

    @Test
    void invalidParamsExitTwo() {
        int code = run("check", "--params", "some");

        assertEquals(2, code);
        assertTrue(err.toString().contains("--params"), err::toString);
        assertTrue(err.toString().contains("'some'"), err::toString);
    }

    @Test
    void unknownActivationListsKnownNames() {
        int code = run("check", "--activation", "swish");

        assertEquals(2, code);
        assertTrue(err.toString().contains("known: sigmoid, tanh"), err::toString);
    }

    @Test
    void unknownBackpropExitsTwo() {
        int code = run("check", "--backprop", "mutant:nothing");

        assertEquals(2, code);
        assertTrue(err.toString().contains("weight-gradient-over-rows"), err::toString);
    }
}
