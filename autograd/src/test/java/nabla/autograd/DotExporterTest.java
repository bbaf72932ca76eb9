package nabla.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nabla.check.CheckCase;
import org.junit.jupiter.api.Test;

/** The DOT text of a network's graph: every node once, shapes, clusters, edges. */
class DotExporterTest {

    private static final Pattern NODE = Pattern.compile("^\\s*(n\\d+) \\[.*label=\"([^\"]*)\"", Pattern.MULTILINE);
    private static final Pattern EDGE = Pattern.compile("^\\s*(n\\d+) -> (n\\d+);", Pattern.MULTILINE);

    private static NetworkGraph tracedGraph() {
        CheckCase batch = CheckCase.random(new int[] {2, 3, 1}, 4, 1L);
        NetworkGraph graph = new GraphBackprop().trace(batch.network(), batch.x(), batch.y());
        graph.backward();
        return graph;
    }

    @Test
    void everyNodeAppearsOnce() {
        NetworkGraph graph = tracedGraph();
        String dot = DotExporter.toDot(graph, "title");

        List<String> ids = new ArrayList<>();
        Matcher node = NODE.matcher(dot);
        while (node.find()) {
            ids.add(node.group(1));
        }

        assertEquals(graph.cost().topologicalOrder().size(), ids.size(), dot);
        assertEquals(ids.size(), ids.stream().distinct().count(), dot);
    }

    @Test
    void labelsCarryOperationAndShapes() {
        String dot = DotExporter.toDot(tracedGraph(), "title");

        assertTrue(dot.contains("label=\"w1\\n(3×2)\\ngrad (3×2)\""), dot);
        assertTrue(dot.contains("label=\"x\\n(2×4)\""), dot);
        assertTrue(dot.contains("label=\"z1 = add\\n(3×4)\\ngrad (3×4)\""), dot);
        assertTrue(dot.contains("label=\"a2 = sigmoid\\n(1×4)\\ngrad (1×4)\""), dot);
        // C = (1/m) Σ ½ (a − y)², so the last scale is 0.5 / 4
        assertTrue(dot.contains("label=\"C = scale 0.125\\n(1×1)\\ngrad (1×1)\""), dot);
    }

    @Test
    void parametersAndInputsSitInSeparateClusters() {
        String dot = DotExporter.toDot(tracedGraph(), "title");

        String parameters = cluster(dot, "cluster_parameters");
        String inputs = cluster(dot, "cluster_inputs");

        for (String name : List.of("w1", "b1", "w2", "b2")) {
            assertTrue(parameters.contains("label=\"" + name + "\\n"), name + " in " + parameters);
            assertTrue(!inputs.contains("label=\"" + name + "\\n"), name + " not in " + inputs);
        }
        for (String name : List.of("x", "y")) {
            assertTrue(inputs.contains("label=\"" + name + "\\n"), name + " in " + inputs);
            assertTrue(!parameters.contains("label=\"" + name + "\\n"), name + " not in " + parameters);
        }
    }

    @Test
    void edgesRunFromOperandToOperation() {
        NetworkGraph graph = tracedGraph();
        String dot = DotExporter.toDot(graph, "title");

        int edges = 0;
        Matcher edge = EDGE.matcher(dot);
        while (edge.find()) {
            edges++;
        }
        int expected = graph.cost().topologicalOrder().stream().mapToInt(t -> t.parents().size()).sum();

        assertEquals(expected, edges, dot);
        String w1 = idOf(dot, "w1\\n");
        String matmul = idOf(dot, "matmul\\n(3×4)");
        assertTrue(dot.contains(w1 + " -> " + matmul + ";"), dot);
    }

    @Test
    void quotesInTitleAreEscaped() {
        String dot = DotExporter.toDot(tracedGraph(), "a \"quoted\" title");

        assertTrue(dot.contains("label=\"a \\\"quoted\\\" title\""), dot);
    }

    private static String cluster(String dot, String name) {
        int start = dot.indexOf("subgraph " + name);
        assertTrue(start >= 0, name + " missing from " + dot);
        return dot.substring(start, dot.indexOf("  }", start));
    }

    private static String idOf(String dot, String labelStart) {
        Matcher node = NODE.matcher(dot);
        while (node.find()) {
            if (node.group(2).startsWith(labelStart)) {
                return node.group(1);
            }
        }
        throw new AssertionError("no node labelled " + labelStart + " in " + dot);
    }
}
