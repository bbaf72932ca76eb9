package nabla.trace;

import java.util.List;
import java.util.OptionalInt;
import nabla.core.BackpropStep;
import nabla.core.Equation;

/**
 * One line of a {@link BackpropTrace}: a step of a real backprop run, written out.
 *
 * @param kind the quantity the step computed
 * @param layer l, as in the equations
 * @param example the column x of the batch in the per-example form, counted from 0; empty for a
 *     step over all columns at once
 * @param expression what was evaluated, with the layer filled in, such as {@code ∂C/∂w² = δ² (a¹)ᵀ / m}
 * @param formula the equation it comes from, in general form, such as {@code ∂C/∂wˡ = δˡ (aˡ⁻¹)ᵀ}
 * @param operands the shapes of the matrices the step read, in the order of {@link BackpropStep.Kind}
 * @param result the shape of the matrix the step returned
 * @param shapes the shapes as the expression combines them, with transposes applied, such as
 *     {@code (10×10)·(10×30) → (10×30)}
 * @param flops floating-point operations of the step, counted from the shapes as
 *     {@link BackpropTrace} describes
 */
public record TraceStep(BackpropStep.Kind kind, int layer, OptionalInt example, String expression, String formula,
        List<Shape> operands, Shape result, String shapes, long flops) {

    public TraceStep {
        operands = List.copyOf(operands);
    }

    /** Returns the equation the step applies; {@link Equation#FORWARD} for zˡ and aˡ. */
    public Equation equation() {
        return kind.equation();
    }
}
