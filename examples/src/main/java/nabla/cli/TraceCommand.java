package nabla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nabla.check.CheckCase;
import nabla.trace.BackpropTrace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nabla trace}: prints the schematic of one real backprop run, step by step. */
@Command(name = "trace",
        mixinStandardHelpOptions = true,
        description = {
            "Run the hand-coded backprop once on a batch and print one line per step of the forward and "
                    + "backward pass: the expression evaluated, the equation it comes from (BP1-BP4), the "
                    + "shapes of its operands and result, and its flops; then the parameters per layer and "
                    + "the flops per example.",
            "Shapes are read from the run's own matrices."
        })
final class TraceCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private NetworkBatch setup;

    @Option(names = "--per-example",
            description = "Trace the per-example form, one (n×1) column at a time as in network.py, "
                    + "instead of the mini-batch matrix form.")
    private boolean perExample;

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        CheckCase batch = setup.create(commandLine);
        BackpropTrace.Form form = perExample ? BackpropTrace.Form.PER_EXAMPLE : BackpropTrace.Form.MINI_BATCH;

        BackpropTrace trace = BackpropTrace.run(form, batch.network(), batch.x(), batch.y());

        PrintWriter out = commandLine.getOut();
        out.print(trace.table());
        out.flush();
        return 0;
    }
}
