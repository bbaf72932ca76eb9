package nabla.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import nabla.check.CheckCase;
import nabla.check.CheckCases;
import nabla.check.GradientAssertions;
import org.junit.jupiter.api.Test;

/** How to test your own backprop with nabla: one assertion, or one property over random networks. */
class StudentBackpropTest {

    @Test
    void derivationAgreesOnSeedNetwork() {
        GradientAssertions.assertBackpropCorrect(new StudentBackprop(), CheckCase.random(new int[] {784, 30, 10}, 10, 1L),
                nabla.check.CheckOptions.defaults().withSamplesPerLayer(20));
    }

    @Test
    void derivationAgreesOnRandomNetworks() {
        qt().withExamples(30)
                .forAll(CheckCases.small())
                .checkAssert(c -> GradientAssertions.assertBackpropCorrect(new StudentBackprop(), c));
    }

    @Test
    void rowsMistakeFailsWithReportNamingBp4() {
        // n⁰ = 6 differs from m = 3, so dividing by the rows of X gives the wrong ∂C/∂w.
        CheckCase c = CheckCase.random(new int[] {6, 4, 2}, 3, 7L);

        AssertionError failure = assertThrows(AssertionError.class,
                () -> GradientAssertions.assertBackpropCorrect(new StudentBackprop(true), c));

        assertTrue(failure.getMessage().startsWith("BP4 at layers 1, 2 disagrees"), failure.getMessage());
        assertEquals(true, failure.getMessage().contains("BP1, BP2, BP3 agree"), failure.getMessage());
    }
}
