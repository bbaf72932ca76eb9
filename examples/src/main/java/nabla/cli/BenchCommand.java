package nabla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import nabla.core.Matrix;
import nabla.core.Network;
import nabla.data.DataSplit;
import nabla.data.Dataset;
import nabla.train.EpochResult;
import nabla.train.Sgd;
import nabla.train.SgdOptions;
import nabla.train.TrainingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nabla bench}: times the training of the seed network, Network([784, 30, 10]) with batch
 * 10 and η = 3.0, and ends with one machine-readable line.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Time mini-batch SGD on Network([784, 30, 10]) (batch 10, η = 3.0, seed 1): one line per "
                    + "epoch, then the median.",
            "The last line is 'bench: engine=E examples=N median_epoch_s=S examples_per_s=R peak_rss_mb=M', "
                    + "where S is the median wall-clock time of an epoch's training (evaluation excluded), "
                    + "R = N / S, and M is the process's peak resident memory (VmHWM) in MiB."
        })
final class BenchCommand implements Callable<Integer> {

    private static final int[] SIZES = {784, 30, 10};
    private static final int BATCH = 10;
    private static final double ETA = 3.0;
    private static final long SEED = 1;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with the four MNIST-format IDX files, such as "
                    + "/usr/share/datasets/fashion-mnist. Default: the embedded sample of 8,000 training images.")
    private Path data;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "hand", converter = Engine.Converter.class,
            description = "hand or autograd. Default: ${DEFAULT-VALUE}.")
    private Engine engine;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "9",
            description = "Epochs to time. The first two or three run slower while the JIT compiles the "
                    + "kernels, and the median of 9 leaves them out. Default: ${DEFAULT-VALUE}.")
    private int epochs;

    @Option(names = "--train-limit", paramLabel = "N",
            description = "Train on the first N training images only. Default: all of them.")
    private Integer trainLimit;

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        if (epochs < 1) {
            throw new CommandLine.ParameterException(commandLine,
                    "invalid value for option '--epochs': " + epochs + ": time at least 1 epoch");
        }
        if (trainLimit != null && trainLimit < 1) {
            throw new CommandLine.ParameterException(commandLine,
                    "invalid value for option '--train-limit': " + trainLimit + ": train on at least 1 image");
        }
        DataSplit split = load(commandLine);
        Dataset training = trainLimit == null ? split.training() : split.training().head(trainLimit);

        PrintWriter out = commandLine.getOut();
        out.printf(Locale.ROOT, "Timing %d epochs of Network%s on %d examples of %s (batch %d, η = %s, engine %s, "
                + "%s kernels)%n", epochs, Arrays.toString(SIZES), training.size(), training.name(), BATCH, ETA,
                engine, Matrix.kernels());
        out.flush();
        TrainingListener printer = new TrainingListener() {
            @Override
            public void epochFinished(EpochResult r) {
                out.printf(Locale.ROOT, "epoch %d: %.4f s, test accuracy %.4f%n", r.epoch(), r.seconds(), r.accuracy());
                out.flush();
            }
        };
        Network network = new Network(SIZES, SEED);
        List<EpochResult> results = new Sgd(engine.backprop())
                .train(network, training, split.test(), new SgdOptions(epochs, BATCH, ETA, SEED), printer);

        double median = median(results.stream().mapToDouble(EpochResult::seconds).toArray());
        out.printf(Locale.ROOT, "bench: engine=%s examples=%d median_epoch_s=%.4f examples_per_s=%.0f peak_rss_mb=%s%n",
                engine, training.size(), median, training.size() / median, peakResidentMegabytes());
        out.flush();
        return 0;
    }

    private DataSplit load(CommandLine commandLine) throws IOException {
        if (data == null) {
            return DataSplit.embeddedSample();
        }
        try {
            return DataSplit.load(data);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(commandLine, "invalid value for option '--data': " + e.getMessage(), e);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    /**
     * Returns the peak resident set size of this process in MiB, from the {@code VmHWM} line of
     * {@code /proc/self/status}, or {@code unknown} where that file does not exist (not Linux).
     */
    static String peakResidentMegabytes() {
        OptionalLong kilobytes = OptionalLong.empty();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    kilobytes = OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "unknown";
        }
        return kilobytes.isPresent() ? String.format(Locale.ROOT, "%.0f", kilobytes.getAsLong() / 1024.0) : "unknown";
    }
}
