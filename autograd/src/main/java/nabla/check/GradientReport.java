package nabla.check;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nabla.core.Equation;

/**
 * The result of a gradient check: for each quantity and layer, its comparisons and verdict, the
 * failure of the implementation under test if it threw, and which equations are to blame.
 *
 * @param network a description of the network checked
 * @param batchSize m, the number of examples in the batch
 * @param options the finite-difference settings used
 * @param quantities one report per quantity and layer, in the order backprop computes them
 * @param failure how the implementation under test failed, if it threw
 */
public record GradientReport(String network, int batchSize, CheckOptions options, List<QuantityReport> quantities,
        Optional<Failure> failure) {

    /**
     * The failure of the implementation under test to return a gradient.
     *
     * @param equation the step that threw, when the implementation reports it
     * @param layer the layer of that step, or 0 if unknown
     * @param message what went wrong
     */
    public record Failure(Optional<Equation> equation, int layer, String message) {
    }

    /** An equation blamed at some layers, with the reason. */
    public record Blame(Equation equation, Set<Integer> layers, String reason) {
        @Override
        public String toString() {
            String where = layers.isEmpty() ? "" : (layers.size() == 1 ? " at layer " : " at layers ")
                    + layers.stream().map(String::valueOf).collect(Collectors.joining(", "));
            return equation + where + " " + reason;
        }
    }

    public GradientReport {
        quantities = List.copyOf(quantities);
    }

    /** True when the implementation under test agrees everywhere and the references agree with each other. */
    public boolean passed() {
        return failure.isEmpty() && quantities.stream().noneMatch(q -> q.verdict().isFailure())
                && referenceProblems().isEmpty();
    }

    /**
     * Returns the equations to blame: those whose result is wrong although everything they are
     * computed from is right, those with a wrongly shaped result, and the step that threw.
     */
    public List<Blame> blame() {
        List<Blame> blames = new ArrayList<>();
        failure.ifPresent(f -> f.equation().ifPresent(e -> blames.add(new Blame(e,
                f.layer() > 0 ? Set.of(f.layer()) : Set.of(), "threw: " + f.message()))));
        Map<Equation, Set<Integer>> disagreeing = new LinkedHashMap<>();
        Map<Equation, Set<Integer>> misshapen = new LinkedHashMap<>();
        for (QuantityReport q : quantities) {
            if (q.verdict() == Verdict.DISAGREES) {
                disagreeing.computeIfAbsent(q.equation(), e -> new TreeSet<>()).add(q.layer());
            } else if (q.verdict() == Verdict.SHAPE_MISMATCH) {
                misshapen.computeIfAbsent(q.equation(), e -> new TreeSet<>()).add(q.layer());
            }
        }
        misshapen.forEach((equation, layers) -> blames.add(new Blame(equation, layers, "has the wrong shape: "
                + shapes(equation, layers))));
        disagreeing.forEach((equation, layers) -> blames.add(new Blame(equation, layers, "disagrees")));
        return blames;
    }

    /** Returns the equations whose every quantity at every layer agrees. */
    public Set<Equation> agreeingEquations() {
        Set<Equation> agreeing = EnumSet.of(Equation.BP1, Equation.BP2, Equation.BP3, Equation.BP4);
        if (quantities.stream().noneMatch(q -> q.equation() == Equation.BP2)) {
            agreeing.remove(Equation.BP2);
        }
        for (QuantityReport q : quantities) {
            if (q.verdict() != Verdict.AGREES) {
                agreeing.remove(q.equation());
            }
        }
        return agreeing;
    }

    /** Returns the equations that are wrong somewhere, but only because an earlier step is. */
    private Set<Equation> inheritingEquations() {
        Set<Equation> inheriting = EnumSet.noneOf(Equation.class);
        Set<Equation> blamed = EnumSet.noneOf(Equation.class);
        for (QuantityReport q : quantities) {
            if (q.verdict() == Verdict.INHERITS_ERROR) {
                inheriting.add(q.equation());
            } else if (q.verdict() == Verdict.DISAGREES || q.verdict() == Verdict.SHAPE_MISMATCH) {
                blamed.add(q.equation());
            }
        }
        inheriting.removeAll(blamed);
        return inheriting;
    }

    /**
     * Returns the comparisons where the autodiff graph itself disagrees with finite differences:
     * a wrong graph expression for an activation or cost, or a step h too large or too small.
     */
    public List<QuantityReport> referenceProblems() {
        return quantities.stream()
                .filter(q -> q.graphAgainstDifferences().map(c -> !c.passed()).orElse(false))
                .toList();
    }

    /** Returns one line: the verdict, which equations are blamed and which agree. */
    public String summary() {
        if (passed()) {
            return "all gradients agree: " + join(agreeingEquations()) + " at every layer";
        }
        List<String> parts = new ArrayList<>();
        for (Blame b : blame()) {
            parts.add(b.toString());
        }
        if (parts.isEmpty()) {
            failure.ifPresent(f -> parts.add("the implementation under test " + f.message()));
        }
        for (QuantityReport q : referenceProblems()) {
            parts.add("the autodiff graph disagrees with finite differences at " + q.label()
                    + ": check the graph expression of the activation or cost, or the step h");
        }
        Set<Equation> agreeing = agreeingEquations();
        if (!agreeing.isEmpty()) {
            parts.add(join(agreeing) + (agreeing.size() == 1 ? " agrees" : " agree"));
        }
        Set<Equation> inheriting = inheritingEquations();
        if (!inheriting.isEmpty()) {
            parts.add(join(inheriting) + (inheriting.size() == 1 ? " only inherits" : " only inherit")
                    + " the error of an earlier step");
        }
        return String.join("; ", parts);
    }

    /** Returns the report as a table, one row per quantity and layer, followed by the summary. */
    public String table() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Gradient check of %s on a batch of %d, %s differences with h = %s%n",
                network, batchSize, options.differences().name().toLowerCase(Locale.ROOT), options.step()));
        String format = "%-16s %-10s %-32s %-44s %s%n";
        text.append(String.format(Locale.ROOT, format, "quantity", "shape", "vs autodiff graph",
                "vs finite differences", "verdict"));
        for (QuantityReport q : quantities) {
            String shape = q.actualShape().equals(q.expectedShape()) ? q.expectedShape() : q.actualShape();
            String graph = q.againstGraph().map(Comparison::summary).orElse("-");
            String differences = q.againstDifferences()
                    .map(c -> c.summary() + " (" + c.entries() + " entries)").orElse("-");
            text.append(String.format(Locale.ROOT, format, q.label(), shape, graph, differences, describe(q)));
        }
        text.append(legend());
        failure.ifPresent(f -> text.append("failure: ").append(f.message()).append(System.lineSeparator()));
        text.append(passed() ? "PASS: " : "FAIL: ").append(summary()).append(System.lineSeparator());
        return text.toString();
    }

    /**
     * Explains the columns: they show the largest errors, but an entry passes on either bound, so
     * a large relative error on a tiny entry can pass on the absolute floor.
     */
    private String legend() {
        Optional<Tolerance> analytic = quantities.stream().flatMap(q -> q.againstGraph().stream())
                .map(Comparison::tolerance).findFirst();
        Optional<Tolerance> differences = quantities.stream().flatMap(q -> q.againstDifferences().stream())
                .map(Comparison::tolerance).findFirst();
        StringBuilder text = new StringBuilder("An entry agrees when |a − b| ≤ abs + rel·max(|a|, |b|)");
        analytic.ifPresent(t -> text.append(String.format(Locale.ROOT, "; against the graph rel = %.0e "
                + "and abs = %.0e·max(1, largest |entry|)", t.relative(), Tolerance.ANALYTIC.absolute())));
        differences.ifPresent(t -> text.append(String.format(Locale.ROOT,
                "; against finite differences rel = %.0e and abs = %.1e", t.relative(), t.absolute())));
        return text.append(". A large relative error on a near-zero entry can pass on abs.")
                .append(System.lineSeparator()).toString();
    }

    private static String describe(QuantityReport q) {
        return switch (q.verdict()) {
            case AGREES -> "agrees";
            case DISAGREES -> "DISAGREES, worst entry " + worst(q);
            case INHERITS_ERROR -> "wrong, inherited from an earlier step";
            case SHAPE_MISMATCH -> "SHAPE MISMATCH: expected " + q.expectedShape() + ", found " + q.actualShape();
            case MISSING -> "missing";
            case NOT_COMPUTED -> "not computed";
        };
    }

    private static String worst(QuantityReport q) {
        Comparison c = q.againstGraph().filter(g -> !g.passed())
                .orElseGet(() -> q.againstDifferences().orElseThrow());
        return c.worstEntry();
    }

    private String shapes(Equation equation, Set<Integer> layers) {
        return quantities.stream()
                .filter(q -> q.equation() == equation && layers.contains(q.layer()) && q.verdict() == Verdict.SHAPE_MISMATCH)
                .map(q -> q.label() + " expected " + q.expectedShape() + ", found " + q.actualShape())
                .collect(Collectors.joining(", "));
    }

    private static String join(Set<Equation> equations) {
        return equations.stream().map(Equation::name).collect(Collectors.joining(", "));
    }
}
