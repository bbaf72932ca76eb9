package nabla.cli;

import nabla.check.SupportedCombinations;
import nabla.core.Activation;
import nabla.core.Activations;
import nabla.core.Cost;
import nabla.core.Costs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options that choose a network's activations and cost, shared by the commands that build one. */
final class NetworkFunctions {

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "sigmoid",
            description = "Activation of the hidden layers: sigmoid, tanh, relu, leaky-relu, softplus, silu or "
                    + "identity. Default: ${DEFAULT-VALUE}.")
    String hidden;

    @Option(names = "--output", paramLabel = "NAME", defaultValue = "sigmoid",
            description = "Activation of the output layer: any hidden activation, or softmax (with "
                    + "--cost log-likelihood). Default: ${DEFAULT-VALUE}.")
    String output;

    @Option(names = "--cost", paramLabel = "NAME", defaultValue = "quadratic",
            description = "Cost function: quadratic, cross-entropy (after a sigmoid output) or "
                    + "log-likelihood (after softmax). Default: ${DEFAULT-VALUE}.")
    String cost;

    /** Returns the hidden activation, rejecting an unknown name or one that is not element-wise. */
    Activation hidden(CommandSpec spec) {
        if (!SupportedCombinations.HIDDEN.contains(hidden) && !hidden.equals("softmax")) {
            throw Flags.invalid(spec, "--activation", "unknown activation '" + hidden + "'; known: "
                    + String.join(", ", SupportedCombinations.HIDDEN));
        }
        Activation activation = activation(spec, "--activation", hidden);
        if (!activation.isElementwise()) {
            throw Flags.invalid(spec, "--activation", hidden + " mixes the entries of a layer, so BP2 has no "
                    + "element-wise σ'(z) for it; use it only as --output, and choose one of "
                    + String.join(", ", SupportedCombinations.HIDDEN) + " here");
        }
        return activation;
    }

    /** Returns the output activation, rejecting an unknown name. */
    Activation output(CommandSpec spec) {
        return activation(spec, "--output", output);
    }

    /** Returns the cost, rejecting an unknown name or one that cannot follow the output activation. */
    Cost cost(CommandSpec spec) {
        Cost function;
        try {
            function = Costs.named(cost);
        } catch (IllegalArgumentException e) {
            throw Flags.invalid(spec, "--cost", e.getMessage());
        }
        if (!function.supportsOutput(output(spec))) {
            throw Flags.invalid(spec, "--cost", cost + " cannot follow the " + output + " output layer; "
                    + Costs.PAIRINGS);
        }
        return function;
    }

    /** True when any of the three options was given on the command line. */
    boolean anyGiven(CommandSpec spec) {
        var parsed = spec.commandLine().getParseResult();
        return parsed.hasMatchedOption("--activation") || parsed.hasMatchedOption("--output")
                || parsed.hasMatchedOption("--cost");
    }

    private static Activation activation(CommandSpec spec, String flag, String name) {
        try {
            return Activations.named(name);
        } catch (IllegalArgumentException e) {
            throw Flags.invalid(spec, flag, e.getMessage());
        }
    }
}
