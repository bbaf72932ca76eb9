package nabla.core;

import static nabla.core.MatrixAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;

/** Tests the built-in activations: sigmoid's stability and every hand-derived σ'(z). */
class ActivationsTest {

    private static final double H = Tolerances.FINITE_DIFFERENCE_STEP;

    /** Weighted inputs z in [−6, 6]: past the bend of every built-in, short of saturation. */
    private static final double Z_BOUND = 6.0;

    @Test
    void sigmoidSaturatesToExactlyZeroAndOne() {
        assertEquals(0.0, Activations.sigmoid(-1000.0));
        assertEquals(1.0, Activations.sigmoid(1000.0));
        assertEquals(0.0, Activations.SIGMOID.value(-1000.0));
        assertEquals(1.0, Activations.SIGMOID.value(1000.0));
    }

    @Test
    void sigmoidDerivativeIsZeroWhenSaturated() {
        assertEquals(0.0, Activations.SIGMOID.derivative(1000.0));
        assertEquals(0.0, Activations.SIGMOID.derivative(-1000.0));
    }

    @Test
    void sigmoidIsNeverNaN() {
        double[] extremes = {Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1000.0, -746.0, -709.0, -40.0,
            -Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE, 40.0, 709.0, 746.0, 1000.0, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY};
        for (double z : extremes) {
            double s = Activations.sigmoid(z);
            assertFalse(Double.isNaN(s), "σ(" + z + ") is NaN");
            assertTrue(s >= 0.0, "σ(" + z + ") = " + s + " is below 0");
            assertTrue(s <= 1.0, "σ(" + z + ") = " + s + " is above 1");
            assertFalse(Double.isNaN(Activations.SIGMOID.derivative(z)), "σ'(" + z + ") is NaN");
        }
    }

    @Test
    void sigmoidOfZeroIsOneHalf() {
        assertEquals(0.5, Activations.sigmoid(0.0));
    }

    @Test
    void sigmoidIsPointSymmetric() {
        // σ(−z) = 1 − σ(z): the two branches of the stable formula must meet without a seam.
        qt().withExamples(200)
                .forAll(doubles().between(-40.0, 40.0))
                .checkAssert(z -> assertClose(1.0 - Activations.sigmoid(z), Activations.sigmoid(-z),
                        Tolerances.SAME_FORMULA, "σ(" + -z + ")"));
    }

    static List<Activation> elementwiseActivations() {
        List<Activation> elementwise = new ArrayList<>();
        for (String name : Activations.names()) {
            Activation activation = Activations.named(name);
            if (activation.isElementwise()) {
                elementwise.add(activation);
            }
        }
        return elementwise;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwiseActivations")
    void derivativeMatchesCentralDifferences(Activation activation) {
        qt().withExamples(200)
                .forAll(differentiablePoints(activation))
                .checkAssert(z -> {
                    double up = z + H;
                    double down = z - H;
                    double slope = (activation.value(up) - activation.value(down)) / (up - down);
                    double derivative = activation.derivative(z);
                    assertTrue(Tolerances.FINITE_DIFFERENCE.accepts(slope, derivative),
                            () -> activation + "'(" + z + ") = " + derivative + " but central differences give "
                                    + slope);
                });
    }

    @Test
    void softmaxHasNoElementwiseDerivative() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Activations.SOFTMAX.derivative(Matrix.column(1.0, 2.0)));

        assertTrue(e.getMessage().contains("log-likelihood"), e.getMessage());
    }

    @Test
    void namedRejectsUnknownNameListingKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.named("sigmiod"));

        assertEquals("unknown activation 'sigmiod'; known: sigmoid, tanh, relu, leaky-relu, softplus, silu, "
                + "identity, softmax", e.getMessage());
    }

    /**
     * Returns points in [−6, 6] where σ is differentiable. For an activation with a kink at 0, the
     * magnitude starts at 1e-3, far beyond the step h, so that no difference straddles the kink.
     */
    private static Gen<Double> differentiablePoints(Activation activation) {
        if (!activation.isNonDifferentiableNear(0.0, H)) {
            return doubles().between(-Z_BOUND, Z_BOUND);
        }
        return doubles().between(1e-3, Z_BOUND).zip(booleans().all(), (magnitude, negative) -> negative ? -magnitude : magnitude);
    }
}
