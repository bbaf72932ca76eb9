package nabla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nabla.core.Network;
import nabla.data.DataSplit;
import nabla.train.EpochResult;
import nabla.train.Evaluation;
import nabla.train.SgdOptions;
import nabla.train.TrainingListener;
import picocli.CommandLine;

/**
 * The reports of {@code nabla train} besides its epoch lines: the progress bar on a terminal, the
 * metrics CSV of {@code --metrics} and the learning curve of {@code --plot}.
 *
 * <p>The training cost that both files show is evaluated after each epoch by one forward pass
 * over the whole training set, and only when one of the files was requested.
 */
final class TrainingReports implements TrainingListener {

    private final PrintWriter out;
    private final ProgressBar progress;
    private final Network network;
    private final DataSplit data;
    private final SgdOptions options;
    private final MetricsCsv csv;
    private final Path metricsFile;
    private final Path plotFile;
    private final List<EpochMetrics> epochs = new ArrayList<>();

    private TrainingReports(PrintWriter out, Network network, DataSplit data, SgdOptions options, Path metricsFile,
            MetricsCsv csv, Path plotFile) {
        this.out = out;
        this.progress = ProgressBar.onTerminal(out);
        this.network = network;
        this.data = data;
        this.options = options;
        this.metricsFile = metricsFile;
        this.csv = csv;
        this.plotFile = plotFile;
    }

    /**
     * Checks the requested files before training starts and writes the CSV header.
     *
     * @param metricsFile the {@code --metrics} file, or null
     * @param plotFile the {@code --plot} file, or null; must end in .png and be in an existing folder
     * @throws CommandLine.ParameterException naming the flag whose file cannot be written
     */
    static TrainingReports open(CommandLine commandLine, Network network, DataSplit data, SgdOptions options,
            Path metricsFile, Path plotFile) {
        if (plotFile != null) {
            String name = plotFile.getFileName() == null ? "" : plotFile.getFileName().toString();
            if (!name.toLowerCase(Locale.ROOT).endsWith(".png")) {
                throw CheckSetup.invalid(commandLine, "--plot", "'" + plotFile + "' must end in .png");
            }
            Path folder = plotFile.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                throw CheckSetup.invalid(commandLine, "--plot", "folder " + folder + " does not exist; create it first");
            }
        }
        MetricsCsv csv = null;
        if (metricsFile != null) {
            Flags.checkWritable(commandLine.getCommandSpec(), "--metrics", metricsFile);
            try {
                csv = MetricsCsv.create(metricsFile);
            } catch (IOException e) {
                throw CheckSetup.invalid(commandLine, "--metrics", Flags.describe(e));
            }
        }
        return new TrainingReports(commandLine.getOut(), network, data, options, metricsFile, csv, plotFile);
    }

    /** Returns a listener that runs the progress bar and these reports, then {@code printer}. */
    TrainingListener around(TrainingListener printer) {
        TrainingReports reports = this;
        return new TrainingListener() {
            @Override
            public void batchFinished(int epoch, int examplesDone, int examplesTotal) {
                reports.batchFinished(epoch, examplesDone, examplesTotal);
                printer.batchFinished(epoch, examplesDone, examplesTotal);
            }

            @Override
            public void epochFinished(EpochResult result) {
                reports.epochFinished(result);
                printer.epochFinished(result);
            }
        };
    }

    @Override
    public void batchFinished(int epoch, int examplesDone, int examplesTotal) {
        progress.batchFinished(epoch, examplesDone, examplesTotal);
    }

    @Override
    public void epochFinished(EpochResult result) {
        // The bar blanks its line first, so the epoch line that follows starts clean.
        progress.epochFinished(result);
        if (csv == null && plotFile == null) {
            return;
        }
        double trainingCost = Evaluation.meanCost(network, data.training());
        EpochMetrics metrics = new EpochMetrics(result.epoch(), result.correct(), result.total(), trainingCost,
                result.seconds());
        epochs.add(metrics);
        if (csv != null) {
            try {
                csv.append(metrics);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append epoch " + result.epoch() + " to " + metricsFile, e);
            }
        }
    }

    /** Draws the learning curve, if requested, and prints which files were written. */
    void finish() throws IOException {
        if (csv != null) {
            out.println("wrote " + metricsFile + " (one row per epoch: " + MetricsCsv.HEADER + ")");
        }
        if (plotFile != null) {
            String title = "Learning curve of " + network;
            String subtitle = String.format(Locale.ROOT, "%,d training and %,d test examples, batch %d, η = %s, "
                    + "seed %d; training cost evaluated after each epoch", data.training().size(), data.test().size(),
                    options.batchSize(), options.learningRate(), options.seed());
            LearningCurve.writePng(epochs, title, subtitle, plotFile);
            out.println("wrote " + plotFile + " (test accuracy and training cost per epoch)");
        }
        out.flush();
    }
}
