package nabla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import nabla.check.CheckCase;
import nabla.check.CheckOptions;
import nabla.check.GradientChecker;
import nabla.check.GradientReport;
import nabla.check.MutantResult;
import nabla.core.Equation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nabla mutants}: runs the gradient check on each catalogued backprop mistake. */
@Command(name = "mutants",
        mixinStandardHelpOptions = true,
        description = {
            "Run the gradient check on each catalogued backprop mistake and report whether it was caught "
                    + "and blamed on the equation that holds it.",
            "The last line is 'mutants: caught K of N, localised L of N'. Exit status: 0 when every "
                    + "mistake is caught and localised, 1 otherwise, 2 for an invalid flag."
        })
final class MutantsCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private CheckSetup setup;

    @Option(names = "--params", paramLabel = "N|all", defaultValue = "20",
            description = "Parameters to check by finite differences: all, or N weights and N biases per "
                    + "layer chosen by the seed. Default: ${DEFAULT-VALUE}.")
    private String params;

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        CheckOptions options = setup.options(commandLine, CheckCommand.parseParams(commandLine, params));
        if (setup.sizes.length < 3) {
            throw CheckSetup.invalid(commandLine, "--sizes", Flags.joined(setup.sizes) + ": half of the catalogued "
                    + "mistakes sit in BP2, which needs a hidden layer; give at least three sizes, such as 784,30,10");
        }
        CheckCase checkCase = setup.checkCase(commandLine);

        List<MutantResult> results = MutantResult.runAll(GradientChecker.withGraph(options),
                checkCase.network(), checkCase.x(), checkCase.y());

        PrintWriter out = commandLine.getOut();
        for (MutantResult r : results) {
            out.printf(Locale.ROOT, "%-8s %-13s %-28s expected %-9s blamed: %s  (%s)%n",
                    r.caught() ? "caught" : "MISSED",
                    r.localised() ? "localised" : "NOT LOCALISED",
                    r.mutant().name(),
                    join(r.mutant().blamed()),
                    blamed(r.report()),
                    r.mutant().description());
        }
        long caught = results.stream().filter(MutantResult::caught).count();
        long localised = results.stream().filter(MutantResult::localised).count();
        out.printf(Locale.ROOT, "mutants: caught %d of %d, localised %d of %d%n", caught, results.size(),
                localised, results.size());
        out.flush();
        return caught == results.size() && localised == results.size() ? 0 : 1;
    }

    private static String blamed(GradientReport report) {
        List<GradientReport.Blame> blames = report.blame();
        if (blames.isEmpty()) {
            return report.passed() ? "nothing" : report.summary();
        }
        return blames.stream().map(b -> b.equation() + " at " + (b.layers().size() == 1 ? "layer " : "layers ")
                + b.layers().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    private static String join(java.util.Set<Equation> equations) {
        return equations.stream().sorted().map(Equation::name).collect(Collectors.joining(","));
    }
}
