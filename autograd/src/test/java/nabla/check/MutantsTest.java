package nabla.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MutantsTest {

    /** Networks of different depths and widths, so that no mistake is caught only by a lucky shape. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[] {784, 30, 10}, 10, 1L),
                Arguments.of(new int[] {5, 4, 3}, 7, 2L),
                Arguments.of(new int[] {6, 5, 4, 3}, 4, 3L),
                Arguments.of(new int[] {3, 8, 2}, 5, 4L));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyMutantIsCaughtAndBlamedOnItsEquation(int[] sizes, int batch, long seed) {
        CheckCase c = CheckCase.random(sizes, batch, seed);
        GradientChecker checker = GradientChecker.withGraph(CheckOptions.defaults().withSamplesPerLayer(10).withSeed(seed));

        for (MutantResult r : MutantResult.runAll(checker, c.network(), c.x(), c.y())) {
            assertTrue(r.caught(), () -> r.mutant().name() + " was not caught: " + r.report().table());
            assertEquals(r.mutant().blamed(), r.blamedEquations(),
                    () -> r.mutant().name() + " was blamed on the wrong equations: " + r.report().table());
        }
    }

    @Test
    void catalogueHoldsTheClassicMistakes() {
        List<Mutant> all = Mutants.all();
        Set<String> names = new HashSet<>();
        all.forEach(m -> names.add(m.name()));

        assertEquals(all.size(), names.size(), "mutant names must be unique");
        assertTrue(names.contains("weight-gradient-over-rows"));
        assertTrue(names.contains("flat-bias-gradient"));
        assertTrue(all.size() >= 10);
    }

    @Test
    void flatBiasGradientIsReportedAsShapeMismatch() {
        CheckCase c = CheckCase.random(new int[] {784, 30, 10}, 10, 5L);
        Mutant flat = Mutants.all().stream().filter(m -> m.name().equals("flat-bias-gradient")).findFirst().orElseThrow();

        GradientReport report = GradientChecker.withGraph(CheckOptions.defaults().withSamplesPerLayer(5))
                .check(flat.backprop(), c.network(), c.x(), c.y());

        QuantityReport bias = report.quantities().stream()
                .filter(q -> q.quantity() == Quantity.BIAS_GRADIENT && q.layer() == 2).findFirst().orElseThrow();
        assertEquals(Verdict.SHAPE_MISMATCH, bias.verdict());
        assertEquals("(10x1)", bias.expectedShape());
        assertEquals("(1x10)", bias.actualShape());
        assertFalse(report.passed());
        assertTrue(report.summary().contains("BP3"), report.summary());
    }
}
