package nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CheckCommandTest {

    @Test
    void correctBackpropExitsZero() {
        CommandRun run = CommandRun.of("check", "--sizes", "12,6,10", "--batch", "4", "--params", "all");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.lastLine().startsWith("PASS: all gradients agree"), run::toString);
    }

    @Test
    void mutantExitsOneAndNamesEquation() {
        CommandRun run = CommandRun.of("check", "--sizes", "12,6,10", "--batch", "4", "--backprop", "mutant:flat-bias-gradient");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.lastLine().startsWith("FAIL: BP3 at layers 1, 2 has the wrong shape"), run::toString);
    }

    @Test
    void userClassIsLoadedByName() {
        CommandRun run = CommandRun.of("check", "--sizes", "12,6,10", "--batch", "4", "--backprop", "nabla.examples.StudentBackprop");

        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void jsonReportCarriesVerdictAndBlame() throws Exception {
        CommandRun run = CommandRun.of("check", "--sizes", "12,6,10", "--batch", "4", "--json", "--backprop",
                "mutant:weight-gradient-over-rows");

        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(false, json.get("passed").asBoolean());
        assertEquals("BP4", json.get("blame").get(0).get("equation").asText());
        assertEquals(6, json.get("quantities").size());
    }

    @Test
    void mutantsReportEveryMistakeCaught() {
        CommandRun run = CommandRun.of("mutants", "--sizes", "12,6,10", "--batch", "4");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.lastLine().matches("mutants: caught (\\d+) of \\1, localised \\1 of \\1"), run.lastLine());
    }

    @Test
    void invalidParamsExitTwo() {
        CommandRun run = CommandRun.of("check", "--params", "some");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--params"), run::toString);
        assertTrue(run.err().contains("'some'"), run::toString);
    }

    @Test
    void unknownActivationListsKnownNames() {
        CommandRun run = CommandRun.of("check", "--activation", "swish");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("known: sigmoid, tanh"), run::toString);
    }

    @Test
    void unknownBackpropExitsTwo() {
        CommandRun run = CommandRun.of("check", "--backprop", "mutant:nothing");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("weight-gradient-over-rows"), run::toString);
    }
}
