package nabla.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nabla.core.Backprop;
import nabla.core.BackpropStep;
import nabla.core.Equation;
import nabla.core.Gradient;
import nabla.core.Matrix;
import nabla.core.MiniBatchBackprop;
import nabla.core.Network;
import nabla.core.PerExampleBackprop;

/**
 * The schematic of one real backprop run: every step of the forward and backward pass, in the
 * order the hand-coded backprop evaluated it. Each step carries its expression, the equation it
 * comes from, its flops, and the shapes of its operands and result, read from the run's own
 * matrices.
 *
 * <p>Flops are counted from those shapes as each formula is written, not measured: an (n×k)·(k×c)
 * product is n·k·c multiply-adds, and a multiply-add counts 2 flops. Every other addition,
 * multiplication or division counts 1, and so does each entry of σ, σ' or ∇ₐC. A sum of c terms
 * counts c additions, and a division by m counts once per entry. Both forms count the same flops
 * per example, since they evaluate the same formulas on the same entries.
 */
public final class BackpropTrace {

    /** The arrangement of the batch as it passes through the equations. */
    public enum Form {
        /** All m examples at once, as the columns of matrices ({@link MiniBatchBackprop}). */
        MINI_BATCH,
        /** One example at a time, as (n×1) vectors, then the mean ({@link PerExampleBackprop}). */
        PER_EXAMPLE
    }

    /**
     * The weights and biases of one layer.
     *
     * @param layer l
     * @param weights the shape of wˡ, (nˡ×nˡ⁻¹)
     * @param biases the shape of bˡ, (nˡ×1)
     */
    public record LayerParameters(int layer, Shape weights, Shape biases) {

        /** Returns the number of weights and biases of the layer, nˡ(nˡ⁻¹ + 1). */
        public long count() {
            return weights.size() + biases.size();
        }
    }

    private final Network network;
    private final Form form;
    private final Shape input;
    private final List<TraceStep> steps;
    private final Gradient gradient;

    private BackpropTrace(Network network, Form form, Shape input, List<TraceStep> steps, Gradient gradient) {
        this.network = network;
        this.form = form;
        this.input = input;
        this.steps = List.copyOf(steps);
        this.gradient = gradient;
    }

    /**
     * Runs the hand-coded backprop of {@code form} once on the batch and records every step.
     *
     * @param network the network; not modified
     * @param x the inputs, (n⁰×m), one example per column
     * @param y the targets, (nᴸ×m)
     * @throws IllegalArgumentException if x or y does not fit the network, or the batch is empty
     */
    public static BackpropTrace run(Form form, Network network, Matrix x, Matrix y) {
        List<TraceStep> steps = new ArrayList<>();
        Backprop backprop = switch (form) {
            case MINI_BATCH -> new MiniBatchBackprop(step -> steps.add(StepNotation.describe(step)));
            case PER_EXAMPLE -> new PerExampleBackprop(step -> steps.add(StepNotation.describe(step)));
        };
        Gradient gradient = backprop.gradient(network, x, y);
        return new BackpropTrace(network, form, Shape.of(x), steps, gradient);
    }

    public Network network() {
        return network;
    }

    public Form form() {
        return form;
    }

    /** Returns m, the number of examples in the batch. */
    public int batchSize() {
        return input.cols();
    }

    /** Returns every step in the order the backprop evaluated it; the per-example form lists each example's steps in turn. */
    public List<TraceStep> steps() {
        return steps;
    }

    /** Returns the gradient the traced run computed. */
    public Gradient gradient() {
        return gradient;
    }

    /** Returns the shapes of every layer's weights and biases, read from the run's forward steps. */
    public List<LayerParameters> parameters() {
        List<LayerParameters> layers = new ArrayList<>();
        for (TraceStep step : steps) {
            boolean firstExample = step.example().isEmpty() || step.example().getAsInt() == 0;
            if (step.kind() == BackpropStep.Kind.WEIGHTED_INPUT && firstExample) {
                // operands wˡ, aˡ⁻¹, bˡ
                layers.add(new LayerParameters(step.layer(), step.operands().get(0), step.operands().get(2)));
            }
        }
        return layers;
    }

    /** Returns the number of weights and biases of the network: Σₗ nˡ(nˡ⁻¹ + 1). */
    public long parameterCount() {
        return parameters().stream().mapToLong(LayerParameters::count).sum();
    }

    /** Returns the flops of the forward steps (zˡ and aˡ) over the whole batch. */
    public long forwardFlops() {
        return steps.stream().filter(s -> s.equation() == Equation.FORWARD).mapToLong(TraceStep::flops).sum();
    }

    /** Returns the flops of the backward steps (BP1 to BP4 and the means) over the whole batch. */
    public long backwardFlops() {
        return steps.stream().filter(s -> s.equation() != Equation.FORWARD).mapToLong(TraceStep::flops).sum();
    }

    /** Returns the flops of the whole batch divided by m. */
    public double flopsPerExample() {
        return (double) (forwardFlops() + backwardFlops()) / batchSize();
    }

    /**
     * Returns the schematic as text: a heading, one line per step (the per-example form writes out
     * the first example and says how many repeat it), and the totals.
     */
    public String table() {
        return TraceTable.format(this, input);
    }

    @Override
    public String toString() {
        return "BackpropTrace[" + network + ", " + form + ", m = " + batchSize() + ", " + steps.size() + " steps]";
    }

    /** Formats a number with thousands separators, such as 23,860. */
    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
