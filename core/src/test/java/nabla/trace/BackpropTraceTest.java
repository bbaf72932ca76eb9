package nabla.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import nabla.core.BackpropStep;
import nabla.core.Equation;
import nabla.core.ForwardPass;
import nabla.core.Gradient;
import nabla.core.Matrix;
import nabla.core.MiniBatchBackprop;
import nabla.core.Network;
import org.junit.jupiter.api.Test;

/** The trace's shapes against the real tensors, its order, its parameter count and its flops. */
class BackpropTraceTest {

    private static final int[] SEED_SIZES = {784, 30, 10};
    private static final int SEED_BATCH = 10;

    @Test
    void miniBatchShapesMatchForwardPassAndGradient() {
        Network network = new Network(SEED_SIZES, 1);
        Matrix x = inputs(784, SEED_BATCH);
        Matrix y = targets(10, SEED_BATCH);

        BackpropTrace trace = BackpropTrace.run(BackpropTrace.Form.MINI_BATCH, network, x, y);

        assertShapesMatch(trace, new MiniBatchBackprop().forward(network, x), trace.gradient());
    }

    @Test
    void perExampleMeansMatchGradientShapes() {
        Network network = new Network(SEED_SIZES, 1);
        BackpropTrace trace = BackpropTrace.run(BackpropTrace.Form.PER_EXAMPLE, network, inputs(784, 4), targets(10, 4));
        Gradient gradient = trace.gradient();

        for (TraceStep step : trace.steps()) {
            int l = step.layer();
            switch (step.kind()) {
                case MEAN_OF_BIAS_GRADIENTS -> assertEquals(Shape.of(gradient.nablaB(l)), step.result(), "mean ∂C/∂b" + l);
                case MEAN_OF_WEIGHT_GRADIENTS -> assertEquals(Shape.of(gradient.nablaW(l)), step.result(), "mean ∂C/∂w" + l);
                case WEIGHT_GRADIENT -> assertEquals(Shape.of(gradient.nablaW(l)), step.result(), "∂Cₓ/∂w" + l);
                case WEIGHTED_INPUT -> assertEquals(new Shape(network.size(l), 1), step.result(), "z" + l + "ₓ");
                default -> assertEquals(1, step.result().cols(), step.expression() + " is one column");
            }
        }
    }

    @Test
    void stepsFollowBackpropOrder() {
        BackpropTrace trace = BackpropTrace.run(BackpropTrace.Form.MINI_BATCH, new Network(SEED_SIZES, 1),
                inputs(784, 3), targets(10, 3));

        List<String> order = trace.steps().stream().map(s -> s.equation() + "@" + s.layer()).toList();

        assertEquals(List.of("FORWARD@1", "FORWARD@1", "FORWARD@2", "FORWARD@2", "BP1@2", "BP2@1",
                "BP3@1", "BP4@1", "BP3@2", "BP4@2"), order);
    }

    @Test
    void seedNetworkHas23860Parameters() {
        Network network = new Network(SEED_SIZES, 1);
        BackpropTrace trace = BackpropTrace.run(BackpropTrace.Form.MINI_BATCH, network,
                inputs(784, SEED_BATCH), targets(10, SEED_BATCH));

        // 30·(784 + 1) + 10·(30 + 1) = 23,550 + 310
        assertEquals(23_860, trace.parameterCount());
        assertEquals(network.parameterCount(), trace.parameterCount());
        assertEquals(23_550, trace.parameters().get(0).count());
        assertEquals(310, trace.parameters().get(1).count());
    }

    @Test
    void seedNetworkFlopsFollowTheCountingRule() {
        BackpropTrace trace = BackpropTrace.run(BackpropTrace.Form.MINI_BATCH, new Network(SEED_SIZES, 1),
                inputs(784, SEED_BATCH), targets(10, SEED_BATCH));
        long m = SEED_BATCH;

        // forward, per layer (n×k): 2nkm for wa, nm for + b, nm for σ
        long forward = (2 * 30 * 784 * m + 2 * 30 * m) + (2 * 10 * 30 * m + 2 * 10 * m);
        // BP1: 3 per entry of δ²; BP2: 2·30·10·m for (w²)ᵀδ², then σ' and ⊙ on 30m entries
        // BP3: nm additions and n divisions; BP4: 2·n·m·k for δ(a)ᵀ and n·k divisions
        long backward = 3 * 10 * m
                + 2 * 30 * 10 * m + 2 * 30 * m
                + (30 * m + 30) + (10 * m + 10)
                + (2 * 30 * m * 784 + 30 * 784) + (2 * 10 * m * 30 + 10 * 30);

        assertEquals(forward, trace.forwardFlops());
        assertEquals(backward, trace.backwardFlops());
        assertEquals(98_476.0, trace.flopsPerExample());
    }

    @Test
    void tableShowsLastLayerWeightGradient() {
        BackpropTrace trace = BackpropTrace.run(BackpropTrace.Form.MINI_BATCH, new Network(SEED_SIZES, 1),
                inputs(784, SEED_BATCH), targets(10, SEED_BATCH));

        String line = trace.table().lines().filter(s -> s.contains("∂C/∂w² =")).findFirst().orElseThrow();

        assertTrue(line.startsWith("BP4 "), line);
        assertTrue(line.contains("δ² (a¹)ᵀ / m"), line);
        assertTrue(line.contains("∂C/∂wˡ = δˡ (aˡ⁻¹)ᵀ"), line);
        assertTrue(line.contains("(10×10)·(10×30) → (10×30)"), line);
        assertTrue(trace.table().contains("Parameters: 23,860"), trace.table());
        assertTrue(trace.table().contains("Floating-point operations per example: 98,476"), trace.table());
    }

    @Test
    void bothFormsAgreeOnShapesAndFlopsOfAnyNetwork() {
        qt().forAll(lists().of(integers().between(1, 8)).ofSizeBetween(2, 4), integers().between(1, 5))
                .checkAssert((sizeList, m) -> {
                    int[] sizes = sizeList.stream().mapToInt(Integer::intValue).toArray();
                    Network network = new Network(sizes, 3);
                    Matrix x = inputs(sizes[0], m);
                    Matrix y = targets(sizes[sizes.length - 1], m);

                    BackpropTrace miniBatch = BackpropTrace.run(BackpropTrace.Form.MINI_BATCH, network, x, y);
                    BackpropTrace perExample = BackpropTrace.run(BackpropTrace.Form.PER_EXAMPLE, network, x, y);

                    assertShapesMatch(miniBatch, new MiniBatchBackprop().forward(network, x), miniBatch.gradient());
                    assertEquals(miniBatch.forwardFlops(), perExample.forwardFlops(), "forward flops");
                    assertEquals(miniBatch.backwardFlops(), perExample.backwardFlops(), "backward flops");
                    assertEquals(network.parameterCount(), perExample.parameterCount(), "parameters");
                });
    }

    /** Checks every operand and result shape of a mini-batch trace against the run's matrices. */
    private static void assertShapesMatch(BackpropTrace trace, ForwardPass pass, Gradient gradient) {
        Network network = pass.network();
        for (TraceStep step : trace.steps()) {
            int l = step.layer();
            List<Shape> in = step.operands();
            String where = step.expression();
            switch (step.kind()) {
                case WEIGHTED_INPUT -> {
                    assertEquals(Shape.of(network.weight(l)), in.get(0), where);
                    assertEquals(Shape.of(pass.activation(l - 1)), in.get(1), where);
                    assertEquals(Shape.of(network.bias(l)), in.get(2), where);
                    assertEquals(Shape.of(pass.z(l)), step.result(), where);
                }
                case ACTIVATION -> {
                    assertEquals(Shape.of(pass.z(l)), in.get(0), where);
                    assertEquals(Shape.of(pass.activation(l)), step.result(), where);
                }
                case OUTPUT_ERROR -> {
                    assertEquals(Shape.of(pass.activation(l)), in.get(0), where);
                    assertEquals(Shape.of(pass.z(l)), in.get(2), where);
                    assertEquals(Shape.of(gradient.delta(l)), step.result(), where);
                }
                case HIDDEN_ERROR -> {
                    assertEquals(Shape.of(network.weight(l + 1)), in.get(0), where);
                    assertEquals(Shape.of(gradient.delta(l + 1)), in.get(1), where);
                    assertEquals(Shape.of(pass.z(l)), in.get(2), where);
                    assertEquals(Shape.of(gradient.delta(l)), step.result(), where);
                }
                case BIAS_GRADIENT -> {
                    assertEquals(Shape.of(gradient.delta(l)), in.get(0), where);
                    assertEquals(Shape.of(gradient.nablaB(l)), step.result(), where);
                }
                case WEIGHT_GRADIENT -> {
                    assertEquals(Shape.of(gradient.delta(l)), in.get(0), where);
                    assertEquals(Shape.of(pass.activation(l - 1)), in.get(1), where);
                    assertEquals(Shape.of(gradient.nablaW(l)), step.result(), where);
                }
                default -> throw new AssertionError("the mini-batch form has no step " + step.kind());
            }
        }
        assertEquals(4 * network.layerCount() + network.layerCount(), trace.steps().size(),
                "steps: z, a, BP3 and BP4 per layer, and one δ per layer");
        assertTrue(trace.steps().stream().anyMatch(s -> s.equation() == Equation.BP1), "BP1 present");
        assertTrue(trace.steps().stream().allMatch(s -> s.kind() != BackpropStep.Kind.MEAN_OF_BIAS_GRADIENTS));
    }

    /** Inputs in [0, 1), different in every entry. */
    private static Matrix inputs(int rows, int cols) {
        Matrix x = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                x.set(i, j, ((i * 31 + j * 17) % 97) / 97.0);
            }
        }
        return x;
    }

    /** One-hot targets, the class of column j being j mod rows. */
    private static Matrix targets(int rows, int cols) {
        Matrix y = Matrix.zeros(rows, cols);
        for (int j = 0; j < cols; j++) {
            y.set(j % rows, j, 1.0);
        }
        return y;
    }
}
