package nabla.check;

import java.util.Optional;
import nabla.core.Equation;

/**
 * The check's findings for one quantity at one layer.
 *
 * @param quantity the quantity, such as ∂C/∂w
 * @param layer its layer, 1 … L
 * @param equation the equation that computes it
 * @param expectedShape the shape the quantity must have, such as (30x784)
 * @param actualShape the shape the implementation under test returned, or "none"
 * @param againstGraph the implementation under test against the autodiff graph, if compared
 * @param againstDifferences the implementation under test against finite differences, if compared
 *     (only for ∂C/∂b and ∂C/∂w: finite differences perturb parameters, not weighted inputs)
 * @param graphAgainstDifferences the autodiff graph against finite differences, if compared; it
 *     confirms that the reference itself is right
 * @param verdict the outcome
 */
public record QuantityReport(Quantity quantity, int layer, Equation equation, String expectedShape,
        String actualShape, Optional<Comparison> againstGraph, Optional<Comparison> againstDifferences,
        Optional<Comparison> graphAgainstDifferences, Verdict verdict) {

    /** Returns a label such as {@code ∂C/∂w² (BP4)}. */
    public String label() {
        return quantity.symbol() + superscript(layer) + " (" + equation + ")";
    }

    /** True when the values under test disagree with a reference (not counting shape errors). */
    boolean valuesDisagree() {
        return againstGraph.map(c -> !c.passed()).orElse(false)
                || againstDifferences.map(c -> !c.passed()).orElse(false);
    }

    static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder text = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            text.append(digits.charAt(c - '0'));
        }
        return text.toString();
    }
}
