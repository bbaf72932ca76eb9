package nabla.examples;

import nabla.check.CheckCase;
import nabla.check.CheckOptions;
import nabla.check.GradientChecker;
import nabla.check.GradientReport;

/**
 * Checks a hand-derived backprop with one call. Run it with
 * {@code java -cp examples/target/nabla.jar nabla.examples.CheckYourBackprop}.
 *
 * <p>It checks {@link StudentBackprop} twice on the seed network [784, 30, 10]: first with the
 * classic mistake of dividing ∂C/∂w by the rows of X, which the report blames on BP4, then
 * corrected, which passes.
 */
public final class CheckYourBackprop {

    private CheckYourBackprop() {
    }

    public static void main(String[] args) {
        // A random network, 10 inputs in [0, 1) and one-hot targets, all from seed 1.
        CheckCase batch = CheckCase.random(new int[] {784, 30, 10}, 10, 1L);
        // Compare with the autodiff graph everywhere, and with central differences on 50 weights
        // and 50 biases per layer.
        GradientChecker checker = GradientChecker.withGraph(CheckOptions.defaults().withSamplesPerLayer(50));

        System.out.println("1. The derivation that divides ∂C/∂w by the rows of X:");
        GradientReport mistaken = checker.check(new StudentBackprop(true), batch.network(), batch.x(), batch.y());
        System.out.println(mistaken.table());

        System.out.println("2. The same derivation dividing by m, the number of examples:");
        GradientReport corrected = checker.check(new StudentBackprop(false), batch.network(), batch.x(), batch.y());
        System.out.println(corrected.table());
    }
}
