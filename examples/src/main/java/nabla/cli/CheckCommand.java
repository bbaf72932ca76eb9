package nabla.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nabla.check.CheckCase;
import nabla.check.CheckOptions;
import nabla.check.GradientChecker;
import nabla.check.GradientReport;
import nabla.check.Mutant;
import nabla.check.Mutants;
import nabla.core.Backprop;
import nabla.core.MiniBatchBackprop;
import nabla.core.PerExampleBackprop;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nabla check}: compares a backprop with the autodiff graph and finite differences. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Check a backprop against the autodiff graph and finite differences of the cost, "
                    + "quantity by quantity (δ, ∂C/∂b, ∂C/∂w) and layer by layer, and name the first "
                    + "equation (BP1-BP4) that goes wrong.",
            "Built-in combinations that pass: any of sigmoid, tanh, relu, leaky-relu, softplus, silu and "
                    + "identity as --activation, with --output sigmoid, tanh, identity or softplus and --cost "
                    + "quadratic, with --output sigmoid and --cost cross-entropy, or with --output softmax and "
                    + "--cost log-likelihood.",
            "Exit status: 0 when everything agrees, 1 when something disagrees, 2 for an invalid flag."
        })
final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private CheckSetup setup;

    @Option(names = "--params", paramLabel = "N|all", defaultValue = "all",
            description = "Parameters to check by finite differences: all, or N weights and N biases per "
                    + "layer chosen by the seed. Default: ${DEFAULT-VALUE}.")
    private String params;

    @Option(names = "--backprop", paramLabel = "NAME|CLASS", defaultValue = "hand",
            description = "The implementation to check: hand (the mini-batch matrix form), per-example, "
                    + "mutant:NAME (a catalogued mistake, see 'nabla mutants'), or the fully qualified name "
                    + "of a class on the class path that implements nabla.core.Backprop and has a public "
                    + "no-argument constructor. Default: ${DEFAULT-VALUE}.")
    private String backprop;

    @Option(names = "--json", description = "Print the report as JSON instead of a table.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        CheckOptions options = setup.options(commandLine, parseParams(commandLine, params));
        CheckCase checkCase = setup.checkCase(commandLine);
        Backprop underTest = resolve(commandLine, backprop);

        GradientReport report = GradientChecker.withGraph(options)
                .check(underTest, checkCase.network(), checkCase.x(), checkCase.y());

        PrintWriter out = commandLine.getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(ReportJson.of(report)));
        } else {
            out.print(report.table());
        }
        out.flush();
        return report.passed() ? 0 : 1;
    }

    /** Parses {@code all} as 0 (every parameter) or a positive count. */
    static int parseParams(CommandLine commandLine, String value) {
        if (value.equals("all")) {
            return 0;
        }
        try {
            int count = Integer.parseInt(value);
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted forms
        }
        throw CheckSetup.invalid(commandLine, "--params", "'" + value
                + "' is neither 'all' nor a positive number of parameters per layer");
    }

    private static Backprop resolve(CommandLine commandLine, String name) {
        if (name.equals("hand")) {
            return new MiniBatchBackprop();
        }
        if (name.equals("per-example")) {
            return new PerExampleBackprop();
        }
        if (name.startsWith("mutant:")) {
            String mutant = name.substring("mutant:".length());
            return Mutants.all().stream().filter(m -> m.name().equals(mutant)).findFirst().map(Mutant::backprop)
                    .orElseThrow(() -> CheckSetup.invalid(commandLine, "--backprop", "no catalogued mistake is called '"
                            + mutant + "'; known: " + String.join(", ", Mutants.all().stream().map(Mutant::name).toList())));
        }
        try {
            Class<?> type = Class.forName(name);
            if (!Backprop.class.isAssignableFrom(type)) {
                throw CheckSetup.invalid(commandLine, "--backprop", name + " does not implement nabla.core.Backprop");
            }
            return (Backprop) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw CheckSetup.invalid(commandLine, "--backprop", "'" + name + "' is not hand, per-example, mutant:NAME, "
                    + "or a class on the class path; add your classes with NABLA_CLASSPATH=DIR_OR_JAR");
        } catch (ReflectiveOperationException e) {
            throw CheckSetup.invalid(commandLine, "--backprop", name + " cannot be created with a public no-argument "
                    + "constructor: " + e);
        }
    }
}
