package nabla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import nabla.core.Network;
import nabla.data.DataSplit;
import nabla.train.EpochResult;
import nabla.train.Sgd;
import nabla.train.SgdOptions;
import nabla.train.TrainingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nabla train}: trains a network with mini-batch SGD and reports test accuracy per epoch. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a network with mini-batch SGD, taking gradients from hand-coded backprop or from "
                    + "the autodiff graph, and evaluate on the test set after every epoch.",
            "The last line is 'final test accuracy: A (correct/total)'."
        })
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with the four MNIST-format IDX files (train-images-idx3-ubyte, "
                    + "train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each "
                    + "optionally .gz). Default: the embedded sample of 8,000 training and 2,000 test "
                    + "MNIST digits.")
    private Path data;

    @Option(names = "--sizes", paramLabel = "N,N,...", split = ",", defaultValue = "784,30,10",
            description = "Layer sizes from input to output. Default: ${DEFAULT-VALUE}.")
    private int[] sizes;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "30",
            description = "Passes over the training set. Default: ${DEFAULT-VALUE}.")
    private int epochs;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "10",
            description = "Examples per mini-batch. Default: ${DEFAULT-VALUE}.")
    private int batch;

    @Option(names = "--eta", paramLabel = "η", defaultValue = "3.0",
            description = "Learning rate η (no unit): each step moves w by −η·∂C/∂w. Default: ${DEFAULT-VALUE}.")
    private double eta;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the initial weights and of the shuffles. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "hand", converter = Engine.Converter.class,
            description = "How the gradient is computed: hand (the hand-coded backprop of the four "
                    + "equations) or autograd (reverse-mode autodiff over the network's graph). "
                    + "Default: ${DEFAULT-VALUE}.")
    private Engine engine;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "After training, draw the learning curve (test accuracy and training cost per epoch) "
                    + "into this PNG file. Evaluating the training cost adds one forward pass over the "
                    + "training set to each epoch.")
    private Path plot;

    @Option(names = "--metrics", paramLabel = "FILE.csv",
            description = "Write epoch, test accuracy, training cost and seconds to this CSV file, one row "
                    + "as each epoch ends.")
    private Path metrics;

    @Override
    public Integer call() throws IOException {
        SgdOptions options = options();
        Network network = network();
        DataSplit split = loadData();
        TrainingReports reports = TrainingReports.open(spec.commandLine(), network, split, options, metrics, plot);

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Training %s on %d examples, testing on %d (batch %d, η = %s, seed %d, engine %s)%n",
                network, split.training().size(), split.test().size(), batch, eta, seed, engine);
        out.flush();
        TrainingListener printer = new TrainingListener() {
            @Override
            public void epochFinished(EpochResult r) {
                out.printf(Locale.ROOT, "Epoch %d: %d / %d correct (%.1f%%) in %.2f s%n",
                        r.epoch(), r.correct(), r.total(), 100.0 * r.accuracy(), r.seconds());
                out.flush();
            }
        };
        List<EpochResult> results;
        try {
            results = new Sgd(engine.backprop()).train(network, split.training(), split.test(), options,
                    reports.around(printer));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        reports.finish();
        EpochResult last = results.get(results.size() - 1);
        out.printf(Locale.ROOT, "final test accuracy: %.4f (%d/%d)%n", last.accuracy(), last.correct(), last.total());
        out.flush();
        return 0;
    }

    private SgdOptions options() {
        try {
            return new SgdOptions(epochs, batch, eta, seed);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage().startsWith("epochs") ? "--epochs"
                    : e.getMessage().startsWith("batch") ? "--batch" : "--eta", e);
        }
    }

    private Network network() {
        try {
            return new Network(sizes, seed);
        } catch (IllegalArgumentException e) {
            throw invalid("--sizes", e);
        }
    }

    private DataSplit loadData() throws IOException {
        if (data == null) {
            return DataSplit.embeddedSample();
        }
        try {
            return DataSplit.load(data);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "invalid value for option '--data': " + describe(e), e);
        }
    }

    private CommandLine.ParameterException invalid(String flag, IllegalArgumentException e) {
        return new CommandLine.ParameterException(spec.commandLine(),
                "invalid value for option '" + flag + "': " + e.getMessage(), e);
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getFile() + ": " + fse.getReason();
        }
        return e.getMessage();
    }
}
