package nabla.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step listener receives the backprop's own matrices and changes nothing it computes. */
class StepListenerTest {

    private final Network network = new Network(new int[] {5, 4, 3, 2}, 7);
    private final Matrix x = Matrix.of(new double[][] {
        {0.1, 0.5, 0.9}, {0.2, 0.0, 0.3}, {0.7, 0.4, 0.6}, {1.0, 0.8, 0.2}, {0.3, 0.3, 0.5}});
    private final Matrix y = Matrix.of(new double[][] {{1, 0, 1}, {0, 1, 0}});

    @Test
    void miniBatchStepsShareGradientMatrices() {
        List<BackpropStep> steps = new ArrayList<>();
        Gradient gradient = new MiniBatchBackprop(steps::add).gradient(network, x, y);

        for (BackpropStep step : steps) {
            int l = step.layer();
            switch (step.kind()) {
                case OUTPUT_ERROR, HIDDEN_ERROR -> assertSame(gradient.delta(l), step.result(), step.kind() + " " + l);
                case BIAS_GRADIENT -> assertSame(gradient.nablaB(l), step.result(), "BP3 " + l);
                case WEIGHT_GRADIENT -> assertSame(gradient.nablaW(l), step.result(), "BP4 " + l);
                case WEIGHTED_INPUT -> {
                    assertSame(network.weight(l), step.operands().get(0), "w" + l);
                    assertSame(network.bias(l), step.operands().get(2), "b" + l);
                }
                default -> { }
            }
        }
        // 2 forward steps per layer, BP1, BP2 for each of the 2 hidden layers, BP3 and BP4 per layer
        assertEquals(2 * 3 + 1 + 2 + 2 * 3, steps.size());
    }

    @Test
    void perExampleMeansShareGradientMatrices() {
        List<BackpropStep> steps = new ArrayList<>();
        Gradient gradient = new PerExampleBackprop(steps::add).gradient(network, x, y);

        int means = 0;
        for (BackpropStep step : steps) {
            if (step.kind() == BackpropStep.Kind.MEAN_OF_BIAS_GRADIENTS) {
                assertSame(gradient.nablaB(step.layer()), step.result());
                means++;
            } else if (step.kind() == BackpropStep.Kind.MEAN_OF_WEIGHT_GRADIENTS) {
                assertSame(gradient.nablaW(step.layer()), step.result());
                means++;
            } else if (step.kind() == BackpropStep.Kind.WEIGHT_GRADIENT) {
                assertTrue(step.example().isPresent(), "∂Cₓ/∂w belongs to one example");
                assertTrue(step.result().sameShape(gradient.nablaW(step.layer())), "∂Cₓ/∂w has the shape of ∂C/∂w");
            } else {
                assertTrue(step.example().isPresent(), step.kind() + " belongs to one example");
                assertEquals(1, step.result().cols(), step.kind() + " of one example is one column");
            }
        }
        assertEquals(2 * 3, means);
        // per example: 2 forward steps per layer, BP1, two BP2, BP3 and BP4 per layer; 3 examples
        assertEquals(3 * (2 * 3 + 1 + 2 + 2 * 3) + means, steps.size());
    }

    @Test
    void listenerLeavesGradientUnchanged() {
        Gradient plain = new MiniBatchBackprop().gradient(network, x, y);
        Gradient listened = new MiniBatchBackprop(step -> { }).gradient(network, x, y);
        Gradient perExamplePlain = new PerExampleBackprop().gradient(network, x, y);
        Gradient perExampleListened = new PerExampleBackprop(step -> { }).gradient(network, x, y);

        for (int l = 1; l <= network.layerCount(); l++) {
            assertEquals(plain.nablaW(l), listened.nablaW(l), "∂C/∂w" + l);
            assertEquals(plain.nablaB(l), listened.nablaB(l), "∂C/∂b" + l);
            assertEquals(perExamplePlain.nablaW(l), perExampleListened.nablaW(l), "per-example ∂C/∂w" + l);
            assertEquals(perExamplePlain.nablaB(l), perExampleListened.nablaB(l), "per-example ∂C/∂b" + l);
        }
    }
}
