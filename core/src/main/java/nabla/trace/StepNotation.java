package nabla.trace;

import java.util.List;
import nabla.core.BackpropStep;
import nabla.core.Equation;

/**
 * Writes one {@link BackpropStep} out in the notation of Nielsen's Neural Networks and Deep
 * Learning: the expression with its layer filled in, the general equation, how the operand shapes
 * combine, and the step's flops.
 *
 * <p>Flops are counted from the operand shapes as the formula is written: an (n×k)·(k×c) product
 * is n·k·c multiply-adds and a multiply-add is 2 flops; every other addition, multiplication or
 * division is 1, and so is each entry of σ, σ' or ∇ₐC (counted as a − y is). A sum of c terms
 * counts c additions, as the products' multiply-adds do. A division by m counts once per entry.
 */
final class StepNotation {

    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private StepNotation() {
    }

    /** Writes out {@code step}, whose matrices are still those of the run. */
    static TraceStep describe(BackpropStep step) {
        List<Shape> in = step.operands().stream().map(Shape::of).toList();
        Shape out = Shape.of(step.result());
        int l = step.layer();
        boolean one = step.example().isPresent();
        String x = one ? "ₓ" : "";
        String c = one ? "Cₓ" : "C";

        String expression;
        String formula;
        String shapes;
        long flops;
        switch (step.kind()) {
            case WEIGHTED_INPUT -> {
                // operands wˡ (n×k), aˡ⁻¹ (k×c), bˡ (n×1)
                expression = "z" + sup(l) + x + " = w" + sup(l) + "a" + sup(l - 1) + x + " + b" + sup(l);
                formula = "z = wa + b";
                shapes = in.get(0) + "·" + in.get(1) + " + " + in.get(2);
                flops = 2 * product(in.get(0), in.get(1)) + out.size();
            }
            case ACTIVATION -> {
                expression = "a" + sup(l) + x + " = σ(z" + sup(l) + x + ")";
                formula = "a = σ(z)";
                shapes = "σ" + in.get(0);
                flops = out.size();
            }
            case OUTPUT_ERROR -> {
                // operands aᴸ, y, zᴸ: ∇ₐC, σ' and ⊙, one flop per entry each
                // NOTE: a cost with a shortcut for δᴸ (cross-entropy after sigmoid, log-likelihood after
                // softmax: δᴸ = a − y) is still written and counted as this general form.
                expression = "δ" + sup(l) + x + " = ∇ₐ" + c + "(a" + sup(l) + x + ", y" + x + ") ⊙ σ'(z" + sup(l) + x + ")";
                formula = Equation.BP1.formula();
                shapes = "∇ₐC(" + in.get(0) + ", " + in.get(1) + ") ⊙ σ'" + in.get(2);
                flops = 3 * out.size();
            }
            case HIDDEN_ERROR -> {
                // operands wˡ⁺¹ (n'×n), δˡ⁺¹ (n'×c), zˡ (n×c): (wˡ⁺¹)ᵀ δˡ⁺¹ is an (n×n')·(n'×c) product
                Shape transposedWeight = in.get(0).transposed();
                expression = "δ" + sup(l) + x + " = ((w" + sup(l + 1) + ")ᵀ δ" + sup(l + 1) + x + ") ⊙ σ'(z" + sup(l) + x + ")";
                formula = Equation.BP2.formula();
                shapes = transposedWeight + "·" + in.get(1) + " ⊙ σ'" + in.get(2);
                flops = 2 * product(transposedWeight, in.get(1)) + 2 * out.size();
            }
            case BIAS_GRADIENT -> {
                formula = Equation.BP3.formula();
                if (one) {
                    // ∂Cₓ/∂bˡ = δˡₓ, added into the sum over the examples
                    expression = "∂Cₓ/∂b" + sup(l) + " = δ" + sup(l) + "ₓ";
                    shapes = in.get(0).toString();
                    flops = out.size();
                } else {
                    // the sum of the m columns of δˡ, then a division by m per row
                    expression = "∂C/∂b" + sup(l) + " = (1/m) Σₓ δ" + sup(l) + "ₓ";
                    shapes = "Σₓ " + in.get(0);
                    flops = in.get(0).size() + out.size();
                }
            }
            case WEIGHT_GRADIENT -> {
                // operands δˡ (n×c), aˡ⁻¹ (k×c): δˡ (aˡ⁻¹)ᵀ is an (n×c)·(c×k) product
                Shape transposedActivation = in.get(1).transposed();
                formula = Equation.BP4.formula();
                shapes = in.get(0) + "·" + transposedActivation;
                long productFlops = 2 * product(in.get(0), transposedActivation);
                if (one) {
                    // each product is added into the sum over the examples, which the multiply-add counts
                    expression = "∂Cₓ/∂w" + sup(l) + " = δ" + sup(l) + "ₓ (a" + sup(l - 1) + "ₓ)ᵀ";
                    flops = productFlops;
                } else {
                    expression = "∂C/∂w" + sup(l) + " = δ" + sup(l) + " (a" + sup(l - 1) + ")ᵀ / m";
                    flops = productFlops + out.size();
                }
            }
            case MEAN_OF_BIAS_GRADIENTS -> {
                expression = "∂C/∂b" + sup(l) + " = (1/m) Σₓ ∂Cₓ/∂b" + sup(l);
                formula = "C = (1/m) Σₓ Cₓ";
                shapes = "Σₓ " + in.get(0);
                flops = out.size();
            }
            case MEAN_OF_WEIGHT_GRADIENTS -> {
                expression = "∂C/∂w" + sup(l) + " = (1/m) Σₓ ∂Cₓ/∂w" + sup(l);
                formula = "C = (1/m) Σₓ Cₓ";
                shapes = "Σₓ " + in.get(0);
                flops = out.size();
            }
            default -> throw new IllegalArgumentException("no notation for step " + step.kind());
        }
        return new TraceStep(step.kind(), l, step.example(), expression, formula, in, out, shapes + " → " + out, flops);
    }

    /** Returns the multiply-adds of the product (n×k)·(k×c): n·k·c. */
    private static long product(Shape left, Shape right) {
        if (left.cols() != right.rows()) {
            throw new IllegalStateException("product " + left + "·" + right + ": inner dimensions differ");
        }
        return (long) left.rows() * left.cols() * right.cols();
    }

    /** Returns n in superscript digits, such as ²³ for 23. */
    static String sup(int n) {
        StringBuilder digits = new StringBuilder();
        for (char digit : Integer.toString(n).toCharArray()) {
            digits.append(SUPERSCRIPT_DIGITS.charAt(digit - '0'));
        }
        return digits.toString();
    }
}
