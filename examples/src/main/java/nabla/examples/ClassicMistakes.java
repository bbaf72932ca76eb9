package nabla.examples;

import java.util.stream.Collectors;
import nabla.check.CheckCase;
import nabla.check.CheckOptions;
import nabla.check.GradientChecker;
import nabla.check.GradientReport;
import nabla.check.Mutant;
import nabla.check.Mutants;

/**
 * Runs the gradient check on each classic backprop mistake in nabla's catalogue and prints one
 * line each: whether the check caught it and which equation it blamed. Run it with
 * {@code java -cp examples/target/nabla.jar nabla.examples.ClassicMistakes}.
 */
public final class ClassicMistakes {

    private ClassicMistakes() {
    }

    public static void main(String[] args) {
        CheckCase batch = CheckCase.random(new int[] {12, 6, 10}, 4, 1L);
        GradientChecker checker = GradientChecker.withGraph(CheckOptions.defaults());

        for (Mutant mutant : Mutants.all()) {
            GradientReport report = checker.check(mutant.backprop(), batch.network(), batch.x(), batch.y());
            String blamed = report.blame().stream().map(b -> b.equation().name()).distinct()
                    .collect(Collectors.joining(", "));
            System.out.printf("%-28s %-7s blamed %-9s %s%n", mutant.name(), report.passed() ? "MISSED" : "caught",
                    blamed.isEmpty() ? "nothing" : blamed, mutant.description());
        }
    }
}
