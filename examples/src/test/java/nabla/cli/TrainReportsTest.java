package nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import nabla.core.MiniBatchBackprop;
import nabla.core.Network;
import nabla.data.DataSplit;
import nabla.data.Dataset;
import nabla.train.Sgd;
import nabla.train.SgdOptions;
import nabla.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nabla train --metrics --plot}: the CSV against the epoch lines and an independent run, and the PNG. */
class TrainReportsTest {

    private static final Pattern EPOCH_LINE = Pattern.compile("^Epoch (\\d+): (\\d+) / (\\d+) correct \\(\\d+\\.\\d%\\) in \\d+\\.\\d\\d s$");
    private static final Pattern FINAL_LINE = Pattern.compile("^final test accuracy: \\d\\.\\d{4} \\(\\d+/\\d+\\)$");

    /** The CSV writes the cost with 10 significant digits. */
    private static final double CSV_PRECISION = 1e-9;

    @TempDir
    static Path folder;

    private static String stdout;
    private static List<String> csv;

    @BeforeAll
    static void trainTwoEpochs() throws IOException {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Nabla.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        int code = commandLine.execute("train", "--epochs", "2", "--seed", "3",
                "--metrics", folder.resolve("metrics.csv").toString(), "--plot", folder.resolve("curve.png").toString());
        assertEquals(0, code, out.toString());
        stdout = out.toString();
        csv = Files.readAllLines(folder.resolve("metrics.csv"), StandardCharsets.UTF_8);
    }

    @Test
    void csvHasHeaderAndOneRowPerEpoch() {
        assertEquals("epoch,test_correct,test_total,test_accuracy,training_cost,seconds", csv.get(0));
        assertEquals(3, csv.size(), csv::toString);
    }

    @Test
    void csvRowsMatchEpochLines() {
        List<String> epochLines = stdout.lines().filter(line -> line.startsWith("Epoch ")).toList();
        assertEquals(2, epochLines.size(), stdout);

        for (int k = 0; k < 2; k++) {
            Matcher line = EPOCH_LINE.matcher(epochLines.get(k));
            assertTrue(line.matches(), epochLines.get(k));
            String[] row = csv.get(k + 1).split(",");
            assertEquals(line.group(1), row[0], "epoch");
            assertEquals(line.group(2), row[1], "correct");
            assertEquals(line.group(3), row[2], "total");
            double accuracy = Double.parseDouble(line.group(2)) / Double.parseDouble(line.group(3));
            assertEquals(accuracy, Double.parseDouble(row[3]), 5e-7, "accuracy");
        }
    }

    @Test
    void csvCostEqualsCostOfSameTraining() throws IOException {
        // The same seed and engine take the same steps, so the trained networks are identical.
        Network network = new Network(new int[] {784, 30, 10}, 3);
        DataSplit data = DataSplit.embeddedSample();
        new Sgd(new MiniBatchBackprop()).train(network, data.training(), data.test(), new SgdOptions(2, 10, 3.0, 3),
                new TrainingListener() { });
        Dataset training = data.training();
        int[] all = training.identityOrder();

        // C over all 8,000 training examples in one forward pass
        double expected = network.cost(training.inputs(all, 0, all.length), training.targets(all, 0, all.length, 10));

        double written = Double.parseDouble(csv.get(2).split(",")[4]);
        assertEquals(expected, written, CSV_PRECISION * expected);
    }

    @Test
    void plotIsPngOfStatedSize() throws IOException {
        BufferedImage image = ImageIO.read(folder.resolve("curve.png").toFile());

        assertEquals(LearningCurve.WIDTH, image.getWidth());
        assertEquals(LearningCurve.HEIGHT, image.getHeight());
    }

    @Test
    void outputStaysPlainLines() {
        String[] lines = stdout.split("\n");

        assertFalse(stdout.contains("\r"), "no progress bar when standard output is not a terminal");
        assertTrue(FINAL_LINE.matcher(lines[lines.length - 1]).matches(), lines[lines.length - 1]);
    }

    @Test
    void plotWithoutPngExtensionExitsTwo() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Nabla.newCommandLine();
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(err));

        int code = commandLine.execute("train", "--plot", folder.resolve("curve.jpg").toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("--plot"), err::toString);
    }

    @Test
    void metricsInMissingFolderExitsTwo() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Nabla.newCommandLine();
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(err));

        int code = commandLine.execute("train", "--metrics", folder.resolve("missing/metrics.csv").toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("--metrics"), err::toString);
    }
}
