package nabla.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nabla.check.Comparison;
import nabla.check.GradientReport;
import nabla.check.QuantityReport;

/** The gradient report as plain maps and lists, in the field order that {@code --json} prints. */
final class ReportJson {

    private ReportJson() {
    }

    static Map<String, Object> of(GradientReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("passed", report.passed());
        json.put("summary", report.summary());
        json.put("network", report.network());
        json.put("batchSize", report.batchSize());
        json.put("differences", report.options().differences().name().toLowerCase(java.util.Locale.ROOT));
        json.put("step", report.options().step());
        json.put("samplesPerLayer", report.options().checksAllParameters() ? "all" : report.options().samplesPerLayer());

        List<Map<String, Object>> blames = new ArrayList<>();
        for (GradientReport.Blame b : report.blame()) {
            Map<String, Object> blame = new LinkedHashMap<>();
            blame.put("equation", b.equation().name());
            blame.put("layers", List.copyOf(b.layers()));
            blame.put("reason", b.reason());
            blames.add(blame);
        }
        json.put("blame", blames);
        report.failure().ifPresent(f -> json.put("failure", f.message()));

        List<Map<String, Object>> quantities = new ArrayList<>();
        for (QuantityReport q : report.quantities()) {
            Map<String, Object> quantity = new LinkedHashMap<>();
            quantity.put("quantity", q.quantity().symbol());
            quantity.put("layer", q.layer());
            quantity.put("equation", q.equation().name());
            quantity.put("expectedShape", q.expectedShape());
            quantity.put("actualShape", q.actualShape());
            quantity.put("verdict", q.verdict().name());
            put(quantity, "againstGraph", q.againstGraph());
            put(quantity, "againstDifferences", q.againstDifferences());
            put(quantity, "graphAgainstDifferences", q.graphAgainstDifferences());
            quantities.add(quantity);
        }
        json.put("quantities", quantities);
        return json;
    }

    private static void put(Map<String, Object> target, String key, Optional<Comparison> comparison) {
        comparison.ifPresent(c -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("entries", c.entries());
            json.put("skippedAtKinks", c.skipped());
            json.put("failures", c.failures());
            json.put("maxAbsoluteError", finiteOrText(c.maxAbsoluteError()));
            json.put("maxRelativeError", finiteOrText(c.maxRelativeError()));
            if (c.worstRow() >= 0) {
                json.put("worstEntry", List.of(c.worstRow(), c.worstColumn()));
                json.put("worstActual", finiteOrText(c.worstActual()));
                json.put("worstExpected", finiteOrText(c.worstExpected()));
            }
            json.put("absoluteTolerance", c.tolerance().absolute());
            json.put("relativeTolerance", c.tolerance().relative());
            target.put(key, json);
        });
    }

    /** JSON has no NaN or infinity: those are written as the strings "NaN", "Infinity", "-Infinity". */
    private static Object finiteOrText(double value) {
        return Double.isFinite(value) ? value : Double.toString(value);
    }
}
