package nabla.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nabla.core.Activation;
import nabla.core.Activations;
import nabla.core.Cost;
import nabla.core.Costs;
import nabla.core.Equation;
import nabla.core.GraphOps;
import nabla.core.Matrix;
import nabla.core.MiniBatchBackprop;
import nabla.core.PerExampleBackprop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every built-in activation and cost, in every supported pairing, passes the three-way check. */
class BuiltinsCheckTest {

    /** The supported combinations of hidden activation, output activation and cost. */
    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (String hidden : SupportedCombinations.HIDDEN) {
            for (String[] outputAndCost : SupportedCombinations.OUTPUT_AND_COST) {
                all.add(Arguments.of(hidden, outputAndCost[0], outputAndCost[1]));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} hidden, {1} output, {2} cost")
    @MethodSource("combinations")
    void bothHandFormsPassOnRandomNetworks(String hidden, String output, String cost) {
        Activation h = Activations.named(hidden);
        Activation o = Activations.named(output);
        Cost c = Costs.named(cost);
        qt().withExamples(15).forAll(CheckCases.of(h, o, c, 6, 5)).checkAssert(checkCase -> {
            GradientAssertions.assertBackpropCorrect(new MiniBatchBackprop(), checkCase);
            GradientAssertions.assertBackpropCorrect(new PerExampleBackprop(), checkCase);
        });
    }

    /** Tanh with σ' off by a factor of 2: a typical slip in a hand derivation. */
    private static final Activation WRONG_TANH = new Activation() {
        @Override
        public String name() {
            return "tanh-with-wrong-derivative";
        }

        @Override
        public double value(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 2.0 * (1.0 - t * t);
        }

        @Override
        public <T> T expression(GraphOps<T> ops, T z) {
            return ops.tanh(z);
        }
    };

    @Test
    void wrongHiddenDerivativeIsBlamedOnBp2() {
        CheckCase c = CheckCase.random(new int[] {5, 4, 3}, 4, 11L, WRONG_TANH, Activations.SIGMOID, Costs.QUADRATIC);

        GradientReport report = GradientChecker.withGraph(CheckOptions.defaults()).check(new MiniBatchBackprop(),
                c.network(), c.x(), c.y());

        assertFalse(report.passed());
        assertEquals(Set.of(Equation.BP2), blamed(report), report::table);
    }

    @Test
    void wrongOutputDerivativeIsBlamedOnBp1() {
        CheckCase c = CheckCase.random(new int[] {5, 4, 3}, 4, 12L, Activations.SIGMOID, WRONG_TANH, Costs.QUADRATIC);

        GradientReport report = GradientChecker.withGraph(CheckOptions.defaults()).check(new MiniBatchBackprop(),
                c.network(), c.x(), c.y());

        assertFalse(report.passed());
        assertEquals(Set.of(Equation.BP1), blamed(report), report::table);
    }

    @Test
    void wrongCostGradientIsBlamedOnBp1() {
        Cost halfQuadratic = new Cost() {
            @Override
            public String name() {
                return "quadratic-with-wrong-gradient";
            }

            @Override
            public double value(Matrix a, Matrix y) {
                return Costs.QUADRATIC.value(a, y);
            }

            @Override
            public Matrix gradient(Matrix a, Matrix y) {
                return a.subtract(y).scale(0.5);
            }

            @Override
            public <T> T expression(GraphOps<T> ops, T a, T y) {
                return Costs.QUADRATIC.expression(ops, a, y);
            }
        };
        CheckCase c = CheckCase.random(new int[] {5, 4, 3}, 4, 13L, Activations.SIGMOID, Activations.SIGMOID, halfQuadratic);

        GradientReport report = GradientChecker.withGraph(CheckOptions.defaults()).check(new MiniBatchBackprop(),
                c.network(), c.x(), c.y());

        assertFalse(report.passed());
        assertEquals(Set.of(Equation.BP1), blamed(report), report::table);
    }

    private static Set<Equation> blamed(GradientReport report) {
        Set<Equation> equations = new java.util.TreeSet<>();
        report.blame().forEach(b -> equations.add(b.equation()));
        return equations;
    }
}
