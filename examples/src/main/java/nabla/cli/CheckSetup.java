package nabla.cli;

import java.io.IOException;
import nabla.check.CheckCase;
import nabla.check.CheckOptions;
import nabla.check.Differences;
import nabla.core.Activation;
import nabla.core.Cost;
import nabla.core.Network;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code nabla check} and {@code nabla mutants}: the network, the batch
 * and the finite-difference settings.
 */
final class CheckSetup {

    @Option(names = "--sizes", paramLabel = "N,N,...", split = ",", hideParamSyntax = true, defaultValue = "784,30,10",
            description = "Layer sizes from input to output. Default: ${DEFAULT-VALUE}.")
    int[] sizes;

    @Option(names = "--batch", paramLabel = "M", defaultValue = "10",
            description = "Examples in the batch, m. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the network's weights, the batch and the sampled parameters. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--eps", paramLabel = "H",
            description = "Finite-difference step h added to each parameter (no unit). Default: 1e-5 for "
                    + "central differences, 1e-7 for forward differences.")
    Double step;

    @Option(names = "--differences", paramLabel = "KIND", defaultValue = "central",
            description = "Finite differences: central or forward. Default: ${DEFAULT-VALUE}.")
    String differences;

    @Mixin
    NetworkFunctions functions;

    /** Returns the finite-difference options, with {@code params} weights and biases per layer (0: all). */
    CheckOptions options(CommandLine commandLine, int params) {
        Differences kind = switch (differences) {
            case "central" -> Differences.CENTRAL;
            case "forward" -> Differences.FORWARD;
            default -> throw invalid(commandLine, "--differences", "'" + differences
                    + "' is not a kind of finite differences; use central or forward");
        };
        CheckOptions options = CheckOptions.defaults().withDifferences(kind).withSamplesPerLayer(params).withSeed(seed);
        if (step != null) {
            try {
                options = options.withStep(step);
            } catch (IllegalArgumentException e) {
                throw invalid(commandLine, "--eps", e.getMessage());
            }
        }
        return options;
    }

    /**
     * Returns the network and batch to check, the batch drawn as
     * {@link NetworkBatch#withBatch(CommandLine, Network, int, long)} draws it.
     */
    CheckCase checkCase(CommandLine commandLine) throws IOException {
        if (batch < 1) {
            throw invalid(commandLine, "--batch", batch + ": a batch needs at least 1 example");
        }
        CommandSpec spec = commandLine.getCommandSpec();
        Activation hiddenActivation = functions.hidden(spec);
        Activation outputActivation = functions.output(spec);
        Cost costFunction = functions.cost(spec);
        Network network;
        try {
            network = new Network(sizes, seed, hiddenActivation, outputActivation, costFunction);
        } catch (IllegalArgumentException e) {
            throw invalid(commandLine, "--sizes", e.getMessage());
        }
        return NetworkBatch.withBatch(commandLine, network, batch, seed);
    }

    static CommandLine.ParameterException invalid(CommandLine commandLine, String flag, String message) {
        return new CommandLine.ParameterException(commandLine, "invalid value for option '" + flag + "': " + message);
    }
}
