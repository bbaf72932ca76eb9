package nabla.core;

import java.util.List;
import java.util.OptionalInt;

/**
 * One evaluated step of hand-coded backprop, as a {@link StepListener} receives it: which
 * quantity was computed at which layer, the matrices the step read and the matrix it returned.
 *
 * <p>The matrices are the backprop's own, not copies, so a listener must not modify them, and
 * one that keeps them past the call observes any later in-place change (training updates the
 * network's weights and biases after each batch).
 *
 * @param kind the quantity computed, which fixes the equation applied and the order of the operands
 * @param layer l, counted as in the equations: 1 … L
 * @param example the column x of the batch for a step of the per-example form, or empty for a step
 *     that covers all m columns at once
 * @param operands the matrices the step read, in the order {@link Kind} lists for it
 * @param result the matrix the step returned
 */
public record BackpropStep(Kind kind, int layer, OptionalInt example, List<Matrix> operands, Matrix result) {

    public BackpropStep {
        operands = List.copyOf(operands);
    }

    /** Returns the equation this step applies. */
    public Equation equation() {
        return kind.equation();
    }

    /** The quantity a step computes, with its operands in the order they are passed. */
    public enum Kind {
        /** zˡ = wˡaˡ⁻¹ + bˡ; operands wˡ, aˡ⁻¹, bˡ. */
        WEIGHTED_INPUT(Equation.FORWARD),
        /** aˡ = σ(zˡ); operand zˡ. */
        ACTIVATION(Equation.FORWARD),
        /** BP1, δᴸ = ∇ₐC ⊙ σ'(zᴸ); operands aᴸ, y, zᴸ. */
        OUTPUT_ERROR(Equation.BP1),
        /** BP2, δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ'(zˡ); operands wˡ⁺¹, δˡ⁺¹, zˡ. */
        HIDDEN_ERROR(Equation.BP2),
        /**
         * BP3, ∂C/∂bˡ. For all columns at once, the row mean of δˡ (operand δˡ); for one example,
         * ∂Cₓ/∂bˡ = δˡₓ (operand δˡₓ).
         */
        BIAS_GRADIENT(Equation.BP3),
        /**
         * BP4, ∂C/∂wˡ. For all columns at once, δˡ (aˡ⁻¹)ᵀ / m (operands δˡ, aˡ⁻¹); for one
         * example, δˡₓ (aˡ⁻¹ₓ)ᵀ (operands δˡₓ, aˡ⁻¹ₓ).
         */
        WEIGHT_GRADIENT(Equation.BP4),
        /**
         * BP3 in the per-example form, after the last example: the mean (1/m) Σₓ ∂Cₓ/∂bˡ; operand
         * the sum Σₓ ∂Cₓ/∂bˡ, which the step divides in place, so operand and result are one matrix.
         */
        MEAN_OF_BIAS_GRADIENTS(Equation.BP3),
        /** BP4 in the per-example form, after the last example: (1/m) Σₓ ∂Cₓ/∂wˡ, divided in place as for biases. */
        MEAN_OF_WEIGHT_GRADIENTS(Equation.BP4);

        private final Equation equation;

        Kind(Equation equation) {
            this.equation = equation;
        }

        /** Returns the equation a step of this kind applies; {@link Equation#FORWARD} for zˡ and aˡ. */
        public Equation equation() {
            return equation;
        }
    }
}
