package nabla.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import nabla.core.Activation;
import nabla.core.Activations;
import nabla.core.Cost;
import nabla.core.Costs;
import org.junit.jupiter.api.Test;

/** The fast finite differences against the full forward pass per perturbation. */
class FiniteDifferencesTest {

    /**
     * Bound on |fast − full| relative to the larger estimate, with an absolute floor. The fast
     * form recomputes every entry a perturbation reaches with the same operations in the same
     * order, so with this library's kernels the estimates are equal to the bit. The bound leaves
     * room for a kernel that sums in another order, which moves each cost by a few ulps and an
     * estimate by a few ulps of C divided by h: about 1e-11 for C of order 1 and h = 1e-5. A
     * wrong row, layer or sign is off by the whole derivative.
     */
    private static final Tolerance SAME_ESTIMATE = new Tolerance(1e-10, 1e-9);

    @Test
    void fastMatchesFullForwardOnSigmoidNetworks() {
        qt().withExamples(60).forAll(CheckCases.small()).checkAssert(c -> assertSameEstimates(c, CheckOptions.defaults()));
    }

    @Test
    void fastMatchesFullForwardWithKinksAndSoftmax() {
        qt().withExamples(60)
                .forAll(CheckCases.of(Activations.RELU, Activations.SOFTMAX, Costs.LOG_LIKELIHOOD, 6, 5))
                .checkAssert(c -> assertSameEstimates(c, CheckOptions.defaults()));
    }

    @Test
    void fastMatchesFullForwardWithForwardDifferences() {
        CheckOptions forward = CheckOptions.defaults().withDifferences(Differences.FORWARD);
        qt().withExamples(40)
                .forAll(CheckCases.of(Activations.LEAKY_RELU, Activations.SIGMOID, Costs.CROSS_ENTROPY, 6, 5))
                .checkAssert(c -> assertSameEstimates(c, forward));
    }

    @Test
    void fastMatchesFullForwardOnSeedNetwork() {
        CheckCase c = CheckCase.random(new int[] {784, 30, 10}, 10, 11L);

        assertSameEstimates(c, CheckOptions.defaults().withSamplesPerLayer(200));
    }

    @Test
    void kinkFlagsAgreeForWideSteps() {
        // A step as wide as the weighted inputs puts many relu units within h of their kink.
        Activation relu = Activations.RELU;
        Cost quadratic = Costs.QUADRATIC;
        CheckCase c = CheckCase.random(new int[] {5, 8, 3}, 4, 2L, relu, relu, quadratic);
        CheckOptions wide = CheckOptions.defaults().withStep(0.5);

        List<FiniteDifferences.Estimate> fast = assertSameEstimates(c, wide);

        assertTrue(fast.stream().anyMatch(FiniteDifferences.Estimate::nearKink), "the case must flag some kinks");
    }

    private static List<FiniteDifferences.Estimate> assertSameEstimates(CheckCase c, CheckOptions options) {
        List<FiniteDifferences.Coordinate> coordinates = FiniteDifferences.coordinates(c.network(), options);
        List<FiniteDifferences.Estimate> full = FiniteDifferences.estimateByFullForward(c.network(), c.x(), c.y(),
                options, coordinates);
        List<FiniteDifferences.Estimate> fast = FiniteDifferences.estimate(c.network(), c.x(), c.y(), options,
                coordinates);

        assertEquals(full.size(), fast.size());
        for (int k = 0; k < full.size(); k++) {
            FiniteDifferences.Estimate expected = full.get(k);
            FiniteDifferences.Estimate actual = fast.get(k);
            assertEquals(expected.coordinate(), actual.coordinate(), "estimates stay in the order of the coordinates");
            assertTrue(SAME_ESTIMATE.accepts(expected.derivative(), actual.derivative()),
                    expected.coordinate() + ": fast estimate " + actual.derivative() + ", full forward "
                            + expected.derivative() + " in " + c.network());
            assertEquals(expected.nearKink(), actual.nearKink(), expected.coordinate() + ": kink flag in " + c.network());
        }
        return fast;
    }
}
