package nabla.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.Set;
import nabla.core.Activations;
import nabla.core.Costs;
import nabla.core.Equation;
import nabla.core.ForwardPass;
import nabla.core.Gradient;
import nabla.core.Matrix;
import nabla.core.MiniBatchBackprop;
import nabla.core.PerExampleBackprop;
import org.junit.jupiter.api.Test;

class GradientCheckerTest {

    @Test
    void correctBackpropPassesOnSeedNetwork() {
        CheckCase c = CheckCase.random(new int[] {784, 30, 10}, 10, 1L);

        GradientReport report = GradientChecker.withGraph(CheckOptions.defaults().withSamplesPerLayer(30))
                .check(new MiniBatchBackprop(), c.network(), c.x(), c.y());

        assertTrue(report.passed(), report::table);
        assertEquals(Set.of(Equation.BP1, Equation.BP2, Equation.BP3, Equation.BP4), report.agreeingEquations());
        assertTrue(report.blame().isEmpty());
    }

    @Test
    void bothHandFormsPassOnRandomNetworks() {
        qt().withExamples(40).forAll(CheckCases.small()).checkAssert(c -> {
            GradientAssertions.assertBackpropCorrect(new MiniBatchBackprop(), c);
            GradientAssertions.assertBackpropCorrect(new PerExampleBackprop(), c);
        });
    }

    @Test
    void forwardDifferencesAlsoPass() {
        CheckCase c = CheckCase.random(new int[] {6, 5, 3}, 4, 9L);
        CheckOptions forward = CheckOptions.defaults().withDifferences(Differences.FORWARD);

        GradientReport report = GradientChecker.withGraph(forward).check(new MiniBatchBackprop(), c.network(), c.x(), c.y());

        assertTrue(report.passed(), report::table);
        assertEquals(CheckOptions.DEFAULT_FORWARD_STEP, report.options().step());
    }

    @Test
    void samplingChecksRequestedCountPerLayer() {
        CheckCase c = CheckCase.random(new int[] {20, 15, 4}, 3, 2L);

        GradientReport report = GradientChecker.withGraph(CheckOptions.defaults().withSamplesPerLayer(7))
                .check(new MiniBatchBackprop(), c.network(), c.x(), c.y());

        for (QuantityReport q : report.quantities()) {
            if (q.quantity() == Quantity.DELTA) {
                assertTrue(q.againstDifferences().isEmpty(), "finite differences cannot reach δ");
            } else {
                int expected = q.quantity() == Quantity.BIAS_GRADIENT && q.layer() == 2 ? 4 : 7;
                assertEquals(expected, q.againstDifferences().orElseThrow().entries(), q.label());
            }
        }
    }

    @Test
    void wrongHiddenDerivativeIsBlamedOnBp2() {
        CheckCase c = CheckCase.random(new int[] {4, 5, 5, 3}, 3, 4L);
        MiniBatchBackprop halfDerivative = new MiniBatchBackprop() {
            @Override
            protected Matrix hiddenError(ForwardPass pass, int l, Matrix nextDelta) {
                return super.hiddenError(pass, l, nextDelta).scale(l == 1 ? 0.5 : 1.0);
            }
        };

        GradientReport report = GradientChecker.withGraph(CheckOptions.defaults())
                .check(halfDerivative, c.network(), c.x(), c.y());

        assertFalse(report.passed());
        assertEquals(1, report.blame().size(), report::table);
        assertEquals(Equation.BP2, report.blame().get(0).equation());
        assertEquals(Set.of(1), report.blame().get(0).layers());
        assertTrue(report.agreeingEquations().contains(Equation.BP1));
        assertTrue(report.summary().startsWith("BP2 at layer 1 disagrees"), report.summary());
    }

    @Test
    void worstEntryPointsAtTheWrongEntry() {
        CheckCase c = CheckCase.random(new int[] {4, 3, 2}, 2, 6L);
        MiniBatchBackprop oneWrongEntry = new MiniBatchBackprop() {
            @Override
            protected Matrix weightGradient(ForwardPass pass, int l, Matrix delta) {
                Matrix gradient = super.weightGradient(pass, l, delta);
                if (l == 1) {
                    gradient.set(2, 3, gradient.get(2, 3) + 0.01);
                }
                return gradient;
            }
        };

        GradientReport report = GradientChecker.withGraph(CheckOptions.defaults())
                .check(oneWrongEntry, c.network(), c.x(), c.y());

        QuantityReport w1 = report.quantities().stream()
                .filter(q -> q.quantity() == Quantity.WEIGHT_GRADIENT && q.layer() == 1).findFirst().orElseThrow();
        assertEquals(Verdict.DISAGREES, w1.verdict());
        Comparison vsGraph = w1.againstGraph().orElseThrow();
        assertEquals(1, vsGraph.failures());
        assertEquals(2, vsGraph.worstRow());
        assertEquals(3, vsGraph.worstColumn());
        assertEquals(0.01, vsGraph.maxAbsoluteError(), 1e-12);
    }

    @Test
    void reluKinkEntriesAreSkippedNotFailed() {
        // A relu hidden layer whose first unit sits exactly on the kink for every example.
        CheckCase base = CheckCase.random(new int[] {3, 4, 2}, 3, 8L, Activations.RELU, Activations.SIGMOID, Costs.QUADRATIC);
        Matrix w1 = base.network().weight(1);
        for (int j = 0; j < w1.cols(); j++) {
            w1.set(0, j, 0.0);
        }
        base.network().bias(1).set(0, 0, 0.0);

        GradientReport report = GradientChecker.withGraph(CheckOptions.defaults())
                .check(new MiniBatchBackprop(), base.network(), base.x(), base.y());

        QuantityReport b1 = report.quantities().stream()
                .filter(q -> q.quantity() == Quantity.BIAS_GRADIENT && q.layer() == 1).findFirst().orElseThrow();
        assertTrue(b1.againstDifferences().orElseThrow().skipped() >= 1, report::table);
        assertTrue(report.passed(), report::table);
    }

    @Test
    void throwingStepIsNamed() {
        CheckCase c = CheckCase.random(new int[] {5, 4, 3}, 2, 1L);
        MiniBatchBackprop broken = new MiniBatchBackprop() {
            @Override
            protected Matrix biasGradient(ForwardPass pass, int l, Matrix delta) {
                return delta.multiply(delta);
            }
        };

        GradientReport report = GradientChecker.withGraph(CheckOptions.defaults()).check(broken, c.network(), c.x(), c.y());

        assertEquals(Equation.BP3, report.failure().orElseThrow().equation().orElseThrow());
        assertEquals(Equation.BP3, report.blame().get(0).equation());
        assertTrue(report.failure().orElseThrow().message().contains("matmul"), report.failure().orElseThrow().message());
    }

    @Test
    void gradientWithWrongLayerCountIsAFailure() {
        CheckCase c = CheckCase.random(new int[] {3, 2, 2}, 2, 1L);
        GradientReport report = GradientChecker.withGraph(CheckOptions.defaults()).check((network, x, y) -> {
            Gradient full = new MiniBatchBackprop().gradient(network, x, y);
            return new Gradient(full.deltas().subList(0, 1), full.nablaB().subList(0, 1), full.nablaW().subList(0, 1));
        }, c.network(), c.x(), c.y());

        assertFalse(report.passed());
        assertTrue(report.failure().orElseThrow().message().contains("1 layers"), report.failure().orElseThrow().message());
    }

    @Test
    void mismatchedBatchIsRejected() {
        CheckCase c = CheckCase.random(new int[] {3, 2, 2}, 2, 1L);
        GradientChecker checker = GradientChecker.withGraph(CheckOptions.defaults());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> checker.check(new MiniBatchBackprop(), c.network(), Matrix.zeros(4, 2), c.y()));
        assertTrue(e.getMessage().contains("(4x2)"), e.getMessage());
    }

    @Test
    void checkLeavesNetworkUnchanged() {
        CheckCase c = CheckCase.random(new int[] {4, 3, 2}, 2, 3L);
        double[] before = c.network().weight(1).data().clone();

        GradientChecker.withGraph(CheckOptions.defaults()).check(new MiniBatchBackprop(), c.network(), c.x(), c.y());

        assertTrue(java.util.Arrays.equals(before, c.network().weight(1).data()));
    }
}
