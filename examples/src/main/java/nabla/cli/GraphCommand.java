package nabla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import nabla.autograd.DotExporter;
import nabla.autograd.GraphBackprop;
import nabla.autograd.NetworkGraph;
import nabla.check.CheckCase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nabla graph}: draws the autodiff graph of one forward and backward pass. */
@Command(name = "graph",
        mixinStandardHelpOptions = true,
        description = {
            "Record the network's cost on one batch as an autodiff graph, run the backward pass, and write "
                    + "the graph in Graphviz's DOT language: each node with its operation, its shape and its "
                    + "gradient's shape; parameters and inputs in separate clusters.",
            "An --out file ending in .svg, .png or .pdf is drawn by Graphviz's 'dot' program, which must be "
                    + "installed. Exit status: 0 when written, 1 when 'dot' is missing or fails, 2 for an invalid flag."
        })
final class GraphCommand implements Callable<Integer> {

    private static final Set<String> DOT_EXTENSIONS = Set.of("dot", "gv");
    private static final Set<String> DRAWN_EXTENSIONS = Set.of("svg", "png", "pdf");

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--sizes", paramLabel = "N,N,...", split = ",", hideParamSyntax = true, defaultValue = "2,3,1",
            description = "Layer sizes from input to output. Default: ${DEFAULT-VALUE}.")
    private int[] sizes;

    @Option(names = "--batch", paramLabel = "M", defaultValue = "4",
            description = "Examples in the batch, m: the number of columns of x. Default: ${DEFAULT-VALUE}.")
    private int batch;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the network's weights and the batch. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write: FILE.dot or FILE.gv for DOT text, FILE.svg, FILE.png or FILE.pdf "
                    + "for a drawing. Default: DOT text on standard output.")
    private Path out;

    private final Graphviz graphviz;

    GraphCommand() {
        this(new Graphviz("dot"));
    }

    /** Creates the command with another renderer, such as one that runs a missing program. */
    GraphCommand(Graphviz graphviz) {
        this.graphviz = graphviz;
    }

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        String extension = extension(commandLine);
        if (out != null) {
            Flags.checkWritable(spec, "--out", out);
        }
        CheckCase batchCase = NetworkBatch.create(commandLine, sizes, batch, seed);

        NetworkGraph graph = new GraphBackprop().trace(batchCase.network(), batchCase.x(), batchCase.y());
        graph.backward();
        String title = String.format(Locale.ROOT, "%s on m = %d examples: forward pass from left to right; "
                + "grad is ∂C/∂node after one backward pass", batchCase.network(), batchCase.x().cols());
        String dot = DotExporter.toDot(graph, title);

        PrintWriter stdout = commandLine.getOut();
        if (out == null) {
            stdout.print(dot);
        } else if (DOT_EXTENSIONS.contains(extension)) {
            Files.writeString(out, dot, StandardCharsets.UTF_8);
            stdout.println("wrote " + out + " (DOT text: draw it with 'dot -Tsvg " + out + " -o graph.svg')");
        } else {
            try {
                graphviz.render(dot, extension, out);
            } catch (Graphviz.RenderException e) {
                commandLine.getErr().println("nabla graph: " + e.getMessage());
                return 1;
            }
            stdout.println("wrote " + out);
        }
        stdout.flush();
        return 0;
    }

    /** Returns the lower-case extension of --out, or throws a usage error for one it cannot write. */
    private String extension(CommandLine commandLine) {
        if (out == null) {
            return "";
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!DOT_EXTENSIONS.contains(extension) && !DRAWN_EXTENSIONS.contains(extension)) {
            throw CheckSetup.invalid(commandLine, "--out", "'" + out
                    + "' must end in .dot or .gv (DOT text) or in .svg, .png or .pdf (drawn by Graphviz)");
        }
        return extension;
    }
}
