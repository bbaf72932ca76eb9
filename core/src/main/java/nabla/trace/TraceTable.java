package nabla.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** Lays out a {@link BackpropTrace} as text: heading, aligned step lines, totals. */
final class TraceTable {

    private static final String[] HEADER = {"equation", "evaluated", "from", "shapes", "flops"};

    private TraceTable() {
    }

    static String format(BackpropTrace trace, Shape input) {
        StringBuilder text = new StringBuilder();
        int m = trace.batchSize();
        text.append("Backprop on ").append(trace.network()).append(System.lineSeparator());
        if (trace.form() == BackpropTrace.Form.MINI_BATCH) {
            text.append(String.format(Locale.ROOT, "in mini-batch form: the m = %d examples are the columns of x %s,%n"
                    + "and every step covers them all at once.%n%n", m, input));
            appendSteps(text, trace.steps());
        } else {
            text.append(String.format(Locale.ROOT, "in per-example form: each of the m = %d columns of x %s runs%n"
                    + "its own pass as a (%d×1) vector, and the gradients are averaged at the end.%n%n",
                    m, input, input.rows()));
            appendPerExampleSteps(text, trace.steps(), m);
        }
        text.append(System.lineSeparator());
        appendTotals(text, trace);
        return text.toString();
    }

    /** Writes the first example's steps, states whether the others repeat their shapes, then the means. */
    private static void appendPerExampleSteps(StringBuilder text, List<TraceStep> steps, int m) {
        List<TraceStep> first = new ArrayList<>();
        List<TraceStep> means = new ArrayList<>();
        List<List<Shape>> firstShapes = new ArrayList<>();
        boolean othersRepeat = true;
        int position = 0;
        for (TraceStep step : steps) {
            OptionalInt example = step.example();
            if (example.isEmpty()) {
                means.add(step);
            } else if (example.getAsInt() == 0) {
                first.add(step);
                firstShapes.add(shapesOf(step));
            } else {
                // the steps of every example come in the same order, so position k of example x
                // matches step k of the first example
                int k = position % first.size();
                othersRepeat &= firstShapes.get(k).equals(shapesOf(step));
                position++;
            }
        }

        text.append(String.format(Locale.ROOT, "Example x = 1 of %d:%n", m));
        List<TraceStep> shown = new ArrayList<>(first);
        shown.addAll(means);
        List<String[]> rows = rows(shown);
        int[] widths = widths(rows);
        appendRow(text, HEADER, widths);
        for (int k = 0; k < first.size(); k++) {
            appendRow(text, rows.get(k + 1), widths);
        }
        if (m > 1) {
            text.append(String.format(Locale.ROOT, "Examples 2 to %d: the same %d steps, %s.%n", m, first.size(),
                    othersRepeat ? "with the same shapes" : "with other shapes"));
        }
        text.append(String.format(Locale.ROOT, "After the last example:%n"));
        for (int k = first.size(); k < shown.size(); k++) {
            appendRow(text, rows.get(k + 1), widths);
        }
    }

    private static List<Shape> shapesOf(TraceStep step) {
        List<Shape> shapes = new ArrayList<>(step.operands());
        shapes.add(step.result());
        return shapes;
    }

    private static void appendSteps(StringBuilder text, List<TraceStep> steps) {
        List<String[]> rows = rows(steps);
        int[] widths = widths(rows);
        for (String[] row : rows) {
            appendRow(text, row, widths);
        }
    }

    /** Returns the header followed by one row per step. */
    private static List<String[]> rows(List<TraceStep> steps) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (TraceStep step : steps) {
            rows.add(new String[] {step.equation().name(), step.expression(), step.formula(), step.shapes(),
                BackpropTrace.grouped(step.flops())});
        }
        return rows;
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        return widths;
    }

    /** Appends the row with every column but the last padded on the right; the flops align right. */
    private static void appendRow(StringBuilder text, String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < row.length - 1; c++) {
            line.append(row[c]).append(" ".repeat(widths[c] - row[c].length() + 2));
        }
        int last = row.length - 1;
        line.append(" ".repeat(widths[last] - row[last].length())).append(row[last]);
        text.append(line).append(System.lineSeparator());
    }

    private static void appendTotals(StringBuilder text, BackpropTrace trace) {
        List<BackpropTrace.LayerParameters> layers = trace.parameters();
        text.append(String.format(Locale.ROOT, "Parameters: %s%n", BackpropTrace.grouped(trace.parameterCount())));
        for (BackpropTrace.LayerParameters layer : layers) {
            String l = StepNotation.sup(layer.layer());
            text.append(String.format(Locale.ROOT, "  layer %d: w%s %s + b%s %s = %s + %s = %s%n", layer.layer(),
                    l, layer.weights(), l, layer.biases(), BackpropTrace.grouped(layer.weights().size()),
                    BackpropTrace.grouped(layer.biases().size()), BackpropTrace.grouped(layer.count())));
        }

        int m = trace.batchSize();
        long total = trace.forwardFlops() + trace.backwardFlops();
        text.append(String.format(Locale.ROOT, "Floating-point operations per example: %s (forward %s, backward %s),%n"
                + "  the batch's %s divided by m = %d.%n", perExample(total, m), perExample(trace.forwardFlops(), m),
                perExample(trace.backwardFlops(), m), BackpropTrace.grouped(total), m));
        text.append(String.format(Locale.ROOT, "  Counted from the shapes: a multiply-add is 2 flops; every other "
                + "addition, multiplication%n  or division is 1, and so is each entry of σ, σ' or ∇ₐC.%n"));
    }

    /** Formats flops / m, with one decimal when m does not divide it. */
    private static String perExample(long flops, int m) {
        return flops % m == 0 ? BackpropTrace.grouped(flops / m) : String.format(Locale.ROOT, "%,.1f", (double) flops / m);
    }
}
