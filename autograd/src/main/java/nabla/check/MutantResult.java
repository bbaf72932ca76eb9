package nabla.check;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nabla.core.Equation;

/**
 * The check's result on one catalogued mistake.
 *
 * @param mutant the mistake
 * @param report the check's report on it
 */
public record MutantResult(Mutant mutant, GradientReport report) {

    /** True when the check failed the mistaken implementation, by a disagreement, a shape or a throw. */
    public boolean caught() {
        return !report.passed();
    }

    /** Returns the equations the report blamed. */
    public Set<Equation> blamedEquations() {
        return report.blame().stream().map(GradientReport.Blame::equation)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** True when the report blamed exactly the equations that hold the mistake. */
    public boolean localised() {
        return caught() && blamedEquations().equals(mutant.blamed());
    }

    /** Runs the checker on every catalogued mistake. */
    public static java.util.List<MutantResult> runAll(GradientChecker checker, nabla.core.Network network,
            nabla.core.Matrix x, nabla.core.Matrix y) {
        return Mutants.all().stream()
                .map(m -> new MutantResult(m, checker.check(m.backprop(), network, x, y)))
                .toList();
    }
}
