package nabla.autograd;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import nabla.core.Matrix;

/**
 * Writes an autodiff graph in Graphviz's DOT language, for {@code dot -Tsvg} or {@code dot -Tpng}
 * to draw.
 *
 * <p>Every node reachable from the root is drawn once, labelled with its name (when it has one),
 * its operation and its value's shape. A node whose gradient a backward pass has filled also
 * shows the gradient's shape, which always equals the value's. Parameters (orange boxes) and
 * constant inputs such as x and y (blue boxes) sit in two separate clusters. Operations are
 * ellipses, and named ones (zˡ, aˡ, C) have a bold outline. Edges run from each operand to the
 * operation that reads it, so the drawing reads like the forward pass.
 */
public final class DotExporter {

    private static final String PARAMETER_COLOR = "#fdd9a8";
    private static final String INPUT_COLOR = "#cfe3f6";

    private DotExporter() {
    }

    /** Returns the DOT text of the network's graph, drawn from its cost node C, with {@code title} below it. */
    public static String toDot(NetworkGraph graph, String title) {
        return toDot(graph.cost(), title);
    }

    /** Returns the DOT text of {@code root} and every node it was computed from, with {@code title} below it. */
    public static String toDot(Tensor root, String title) {
        List<Tensor> nodes = root.topologicalOrder();
        Map<Tensor, String> ids = new IdentityHashMap<>();
        for (Tensor node : nodes) {
            ids.put(node, "n" + ids.size());
        }

        StringBuilder dot = new StringBuilder();
        dot.append("digraph autograd {\n");
        dot.append("  rankdir=LR;\n");
        dot.append("  node [fontname=\"Helvetica\", fontsize=11];\n");
        dot.append("  edge [color=\"#555555\"];\n");
        dot.append("  label=\"").append(escape(title)).append("\"; fontname=\"Helvetica\"; fontsize=12;\n");

        appendCluster(dot, "parameters", "parameters (receive gradients)", PARAMETER_COLOR, nodes, ids, true);
        appendCluster(dot, "inputs", "inputs and targets (constants)", INPUT_COLOR, nodes, ids, false);

        for (Tensor node : nodes) {
            if (!node.isLeaf()) {
                String outline = node.label().isPresent() ? ", penwidth=2" : "";
                dot.append("  ").append(ids.get(node)).append(" [shape=ellipse, label=\"").append(label(node))
                        .append("\"").append(outline).append("];\n");
            }
        }
        for (Tensor node : nodes) {
            for (Tensor parent : node.parents()) {
                dot.append("  ").append(ids.get(parent)).append(" -> ").append(ids.get(node)).append(";\n");
            }
        }
        dot.append("}\n");
        return dot.toString();
    }

    /** Appends the leaves that require a gradient ({@code parameters} true) or those that do not. */
    private static void appendCluster(StringBuilder dot, String name, String title, String color, List<Tensor> nodes,
            Map<Tensor, String> ids, boolean parameters) {
        dot.append("  subgraph cluster_").append(name).append(" {\n");
        dot.append("    label=\"").append(title).append("\"; style=dashed; color=\"#999999\";\n");
        for (Tensor node : nodes) {
            if (node.isLeaf() && node.requiresGrad() == parameters) {
                dot.append("    ").append(ids.get(node)).append(" [shape=box, style=filled, fillcolor=\"")
                        .append(color).append("\", label=\"").append(label(node)).append("\"];\n");
            }
        }
        dot.append("  }\n");
    }

    /** Returns the node's label lines, such as {@code z1 = add}, {@code (3×4)} and {@code grad (3×4)}. */
    static String label(Tensor node) {
        String operation = node.argument().isPresent()
                ? node.operation() + " " + number(node.argument().getAsDouble())
                : node.operation();
        String first = node.label().map(name -> node.isLeaf() ? name : name + " = " + operation).orElse(operation);
        StringBuilder label = new StringBuilder(escape(first)).append("\\n").append(shape(node.value()));
        if (node.requiresGrad() && node.hasGrad()) {
            label.append("\\ngrad ").append(shape(node.grad()));
        }
        return label.toString();
    }

    private static String shape(Matrix matrix) {
        return "(" + matrix.rows() + "×" + matrix.cols() + ")";
    }

    /** Formats a constant in at most 4 significant digits without trailing zeros: 2, 0.125, 0.1667. */
    private static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Escapes the characters that end or break a quoted DOT string. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
