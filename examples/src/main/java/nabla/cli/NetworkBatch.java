package nabla.cli;

import java.io.IOException;
import nabla.check.CheckCase;
import nabla.core.Matrix;
import nabla.core.Network;
import nabla.data.DataSplit;
import nabla.data.Dataset;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.apache.commons.math3.random.Well19937c;
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
     * Returns a sigmoid network with the quadratic cost and its batch, as
     * {@link #withBatch(CommandLine, Network, int, long)} draws it.
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
        return withBatch(commandLine, network, batch, seed);
    }

    /**
     * Returns {@code network} with a batch of m examples: m images of the embedded MNIST sample
     * with one-hot labels when the network reads 784 pixels and names at least 10 classes,
     * else inputs uniform in [0, 1) with random one-hot targets, all drawn from the seed.
     */
    static CheckCase withBatch(CommandLine commandLine, Network network, int batch, long seed) throws IOException {
        int[] sizes = network.sizes();
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
        int[] order = new RandomDataGenerator(new Well19937c(seed)).nextPermutation(training.size(), batch);
        Matrix x = training.inputs(order, 0, batch);
        Matrix y = training.targets(order, 0, batch, outputs);
        return new CheckCase(network, x, y);
    }
}
