package nabla.autograd;

import static nabla.autograd.MatrixAssertions.assertClose;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.function.UnaryOperator;
import nabla.core.Activations;
import nabla.core.Matrix;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The element-wise functions and compositions of them, differentiated by the graph and by
 * Commons Math's {@link DerivativeStructure}, which carries exact derivatives through each
 * arithmetic step (forward mode) and shares no code with the engine.
 */
class ScalarDerivativesTest {

    /** x in [−6, 6], at least 0.01 from 0, where relu-based compositions have their kink. */
    private static Gen<Double> smoothPoints() {
        return doubles().between(0.01, 6.0).zip(booleans().all(), (magnitude, negative) -> negative ? -magnitude : magnitude);
    }

    @Test
    void sigmoidMatchesDerivativeStructure() {
        // σ(x) = 1 / (1 + e⁻ˣ)
        check("sigmoid", smoothPoints(), Tensor::sigmoid, x -> x.negate().exp().add(1.0).reciprocal());
    }

    @Test
    void tanhMatchesDerivativeStructure() {
        check("tanh", smoothPoints(), Tensor::tanh, DerivativeStructure::tanh);
    }

    @Test
    void expMatchesDerivativeStructure() {
        check("exp", smoothPoints(), Tensor::exp, DerivativeStructure::exp);
    }

    @Test
    void logMatchesDerivativeStructure() {
        check("log", doubles().between(0.01, 50.0), Tensor::log, DerivativeStructure::log);
    }

    @Test
    void powMatchesDerivativeStructure() {
        qt().forAll(doubles().between(0.05, 5.0), doubles().between(-3.0, 3.0)).checkAssert((x, p) ->
                compare("pow " + p, x, t -> t.pow(p), d -> d.pow(p)));
    }

    @Test
    void softplusCompositionMatchesDerivativeStructure() {
        // core's softplus written in graph operations, relu(x) + ln(1 + e^−|x|), against ln(1 + eˣ)
        check("softplus", smoothPoints(), t -> Activations.SOFTPLUS.expression(TensorOps.INSTANCE, t),
                x -> x.exp().log1p());
    }

    @Test
    void siluCompositionMatchesDerivativeStructure() {
        // x·σ(x)
        check("silu", smoothPoints(), t -> Activations.SILU.expression(TensorOps.INSTANCE, t),
                x -> x.multiply(x.negate().exp().add(1.0).reciprocal()));
    }

    @Test
    void nestedCompositionMatchesDerivativeStructure() {
        // ln(1 + e^(x·tanh x)) / (1 + σ(x)²): each function feeds another, and x is used three times
        check("nested", smoothPoints(),
                t -> t.multiply(t.tanh()).exp().addScalar(1.0).log()
                        .divide(t.sigmoid().pow(2.0).addScalar(1.0)),
                x -> x.multiply(x.tanh()).exp().add(1.0).log()
                        .divide(x.negate().exp().add(1.0).reciprocal().pow(2).add(1.0)));
    }

    @Test
    void crossEntropyTermMatchesDerivativeStructure() {
        // y ln σ(x) + (1 − y) ln(1 − σ(x)), the per-entry cross-entropy after a sigmoid
        qt().forAll(smoothPoints(), doubles().between(0.0, 1.0)).checkAssert((x, y) -> {
            Tensor target = Tensor.scalar(y);
            Tensor oneMinusTarget = Tensor.scalar(1.0 - y);
            compare("cross-entropy term, y = " + y, x,
                    t -> target.multiply(t.sigmoid().log()).add(oneMinusTarget.multiply(t.sigmoid().negate().addScalar(1.0).log())),
                    d -> {
                        DerivativeStructure s = d.negate().exp().add(1.0).reciprocal();
                        return s.log().multiply(y).add(s.negate().add(1.0).log().multiply(1.0 - y));
                    });
        });
    }

    private static void check(String name, Gen<Double> points, UnaryOperator<Tensor> graph,
            UnaryOperator<DerivativeStructure> oracle) {
        qt().forAll(points).checkAssert(x -> compare(name, x, graph, oracle));
    }

    /** Compares the value and the derivative at x of the graph's f with the oracle's. */
    private static void compare(String name, double x, UnaryOperator<Tensor> graph,
            UnaryOperator<DerivativeStructure> oracle) {
        Tensor input = Tensor.parameter(Matrix.column(x));
        Tensor output = graph.apply(input);
        output.backward();

        // one free parameter, derivatives up to order 1, x is that parameter
        DerivativeStructure expected = oracle.apply(new DerivativeStructure(1, 1, 0, x));

        assertClose(name + " value at x = " + x, Matrix.column(expected.getValue()), output.value(),
                Tolerances.ORACLE_ABSOLUTE, Tolerances.ORACLE_RELATIVE);
        assertClose(name + " derivative at x = " + x, Matrix.column(expected.getPartialDerivative(1)), input.grad(),
                Tolerances.ORACLE_ABSOLUTE, Tolerances.ORACLE_RELATIVE);
    }
}
