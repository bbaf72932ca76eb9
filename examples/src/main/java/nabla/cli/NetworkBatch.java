package nabla.cli;

import java.io.IOException;
import nabla.check.CheckCase;
import nabla.core.Matrix;
import nabla.core.Network;
import nabla.data.DataSplit;
import nabla.data.Dataset;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code nabla trace} and {@code nabla graph}: a sigmoid network with the
 * quadratic cost and one batch to push through it.
 */
final class NetworkBatch {

    @Option(names = "--sizes", paramLabel = "N,N,...", split = ",", hideParamSyntax = true, defaultValue = "784,30,10",
            description = "Layer sizes from input to output. Default: ${DEFAULT-VALUE}.")
    int[] sizes;

    @Option(names = "--batch", paramLabel = "M", defaultValue = "10",
            description = "Examples in the batch, m. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the network's weights, and of the inputs when they are random. Default: ${DEFAULT-VALUE}.")
    long seed;

    /**
     * Returns the network and the batch. When the first size is 784 and the last at least 10, the
     * batch is the first m images of the embedded MNIST sample with one-hot labels. Otherwise the
     * inputs are uniform in [0, 1) and the targets one-hot at random, drawn from the seed.
     */
    CheckCase create(CommandLine commandLine) throws IOException {
        return create(commandLine, sizes, batch, seed);
    }

    /** Returns a network and batch as {@link #create(CommandLine)} does, for commands with other defaults. */
    static CheckCase create(CommandLine commandLine, int[] sizes, int batch, long seed) throws IOException {
        if (batch < 1) {
            throw CheckSetup.invalid(commandLine, "--batch", batch + ": a batch needs at least 1 example");
        }
        Network network;
        try {
            network = new Network(sizes, seed);
        } catch (IllegalArgumentException e) {
            throw CheckSetup.invalid(commandLine, "--sizes", e.getMessage());
        }
        int outputs = sizes[sizes.length - 1];
        if (sizes[0] != 784 || outputs < DataSplit.MNIST_CLASSES) {
            CheckCase random = CheckCase.random(sizes, batch, seed);
            return new CheckCase(network, random.x(), random.y());
        }
        Dataset training = DataSplit.embeddedSample().training();
        if (batch > training.size()) {
            throw CheckSetup.invalid(commandLine, "--batch", batch + " is more than the " + training.size()
                    + " training images of the embedded sample");
        }
        int[] order = training.identityOrder();
        Matrix x = training.inputs(order, 0, batch);
        Matrix y = training.targets(order, 0, batch, outputs);
        return new CheckCase(network, x, y);
    }
}
