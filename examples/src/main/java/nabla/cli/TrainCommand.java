package nabla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import nabla.core.Network;
import nabla.data.DataSplit;
import nabla.io.Checkpoint;
import nabla.train.EpochResult;
import nabla.train.Sgd;
import nabla.train.SgdOptions;
import nabla.train.TrainingDivergedException;
import nabla.train.TrainingListener;
import nabla.train.TrainingState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nabla train}: trains a network with mini-batch SGD and reports test accuracy per epoch. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a network with mini-batch SGD, taking gradients from hand-coded backprop or from "
                    + "the autodiff graph, and evaluate on the test set after every epoch.",
            "The last line is 'final test accuracy: A (correct/total)'. Exit code 2 means an invalid "
                    + "flag or value, 1 a failure while training, such as divergence."
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

    @Option(names = "--sizes", paramLabel = "N,N,...", split = ",", hideParamSyntax = true, defaultValue = "784,30,10",
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

    @Option(names = "--lambda", paramLabel = "λ", defaultValue = "0",
            description = "L2 weight decay λ (no unit): each step also multiplies every weight by 1 − ηλ/n, "
                    + "n being the number of training examples; 0 turns it off. Default: ${DEFAULT-VALUE}.")
    private double lambda;

    @Mixin
    private NetworkFunctions functions;

    @Mixin
    private TrainingFiles files;

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
        files.validate(spec);
        Checkpoint resumed = files.loadCheckpoint(spec);
        SgdOptions options = resumed == null ? options() : resumedOptions(resumed);
        Network network = resumed == null ? network() : resumed.network();
        DataSplit split = loadData();
        checkFits(resumed, network, split);
        int epochsCompleted = resumed == null ? 0 : resumed.training().epochsCompleted();
        int trainingExamples = split.training().size();
        TrainingReports reports = TrainingReports.open(spec.commandLine(), network, split, options, metrics, plot);

        PrintWriter out = spec.commandLine().getOut();
        if (resumed != null) {
            out.printf(Locale.ROOT, "Resuming from %s after epoch %d%n", files.resumeFile(), epochsCompleted);
        }
        out.printf(Locale.ROOT, "Training %s on %d examples, testing on %d (batch %d, η = %s, seed %d, engine %s)%n",
                network, trainingExamples, split.test().size(), options.batchSize(), options.learningRate(),
                options.seed(), engine);
        out.flush();
        TrainingListener printer = new TrainingListener() {
            @Override
            public void epochFinished(EpochResult r) {
                out.printf(Locale.ROOT, "Epoch %d: %d / %d correct (%.1f%%) in %.2f s%n",
                        r.epoch(), r.correct(), r.total(), 100.0 * r.accuracy(), r.seconds());
                out.flush();
            }
        };
        TrainingListener listener = files.withCheckpoints(printer, network, options, trainingExamples, out);
        List<EpochResult> results;
        try {
            results = new Sgd(engine.backprop()).train(network, split.training(), split.test(), options,
                    epochsCompleted, reports.around(listener));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (TrainingDivergedException | UncheckedIOException e) {
            return stopped(e.getMessage());
        }
        files.saveFinal(network, options, trainingExamples, out);
        reports.finish();
        EpochResult last = results.get(results.size() - 1);
        out.println(AccuracyLine.format(last.correct(), last.total()));
        out.flush();
        return 0;
    }

    /** Rejects a network, from --sizes or --resume, that cannot read the data or resume on it. */
    private void checkFits(Checkpoint resumed, Network network, DataSplit split) {
        if (resumed == null) {
            Flags.checkFits(spec, "--sizes", "", network, split.training());
        } else {
            Flags.checkFits(spec, "--resume", files.resumeFile() + " has sizes ", network, split.training());
            files.checkSameData(spec, resumed, split.training());
        }
    }

    /** Reports training that stopped early and what the saved file contains; returns exit code 1. */
    private int stopped(String reason) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + reason);
        err.println(spec.qualifiedName() + ": " + files.stateOnDisk());
        err.flush();
        return 1;
    }

    /** Returns the options stored in the checkpoint, after rejecting flags that contradict them. */
    private SgdOptions resumedOptions(Checkpoint checkpoint) {
        TrainingState state = checkpoint.training();
        files.checkAgrees(spec, "--sizes", Flags.joined(sizes), Flags.joined(checkpoint.network().sizes()));
        files.checkAgrees(spec, "--batch", Integer.toString(batch), Integer.toString(state.batchSize()));
        files.checkAgrees(spec, "--eta", Double.toString(eta), Double.toString(state.learningRate()));
        files.checkAgrees(spec, "--seed", Long.toString(seed), Long.toString(state.seed()));
        files.checkAgrees(spec, "--lambda", Double.toString(lambda), Double.toString(state.weightDecay()));
        Network saved = checkpoint.network();
        files.checkAgrees(spec, "--activation", functions.hidden, saved.hiddenActivation().name());
        files.checkAgrees(spec, "--output", functions.output, saved.outputActivation().name());
        files.checkAgrees(spec, "--cost", functions.cost, saved.cost().name());
        Flags.check(spec, "--epochs", epochs, SgdOptions::checkEpochs);
        if (epochs <= state.epochsCompleted()) {
            throw Flags.invalid(spec, "--epochs", epochs + ": --resume " + files.resumeFile() + " has already completed "
                    + state.epochsCompleted() + " epochs; pass more than " + state.epochsCompleted() + " to train further");
        }
        return state.options(epochs);
    }

    private SgdOptions options() {
        Flags.check(spec, "--epochs", epochs, SgdOptions::checkEpochs);
        Flags.check(spec, "--batch", batch, SgdOptions::checkBatchSize);
        Flags.check(spec, "--eta", eta, SgdOptions::checkLearningRate);
        Flags.check(spec, "--lambda", lambda, SgdOptions::checkWeightDecay);
        return new SgdOptions(epochs, batch, eta, seed, lambda);
    }

    private Network network() {
        Flags.checkMemory(spec, "--sizes", sizes);
        try {
            return new Network(sizes, seed, functions.hidden(spec), functions.output(spec), functions.cost(spec));
        } catch (IllegalArgumentException e) {
            throw Flags.invalid(spec, "--sizes", e.getMessage());
        }
    }

    private DataSplit loadData() throws IOException {
        return Flags.loadData(spec, data);
    }
}
