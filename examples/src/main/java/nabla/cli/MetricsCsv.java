package nabla.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The CSV file of {@code nabla train --metrics}: a header, then one row per epoch, appended as
 * the epoch ends so that an interrupted run keeps the epochs it finished.
 *
 * <p>Columns: {@code epoch}; {@code test_correct} and {@code test_total}; {@code test_accuracy},
 * their quotient; {@code training_cost}, the mean cost C over the whole training set evaluated
 * after the epoch's last update, without the weight-decay term; and {@code seconds}, the epoch's training time without the
 * evaluations. Numbers use a dot as decimal separator whatever the locale.
 */
final class MetricsCsv {

    static final String HEADER = "epoch,test_correct,test_total,test_accuracy,training_cost,seconds";

    private final Path file;

    private MetricsCsv(Path file) {
        this.file = file;
    }

    /** Creates or empties {@code file} and writes the header. */
    static MetricsCsv create(Path file) throws IOException {
        Files.writeString(file, HEADER + "\n", StandardCharsets.UTF_8);
        return new MetricsCsv(file);
    }

    /** Appends one epoch's row. */
    void append(EpochMetrics metrics) throws IOException {
        Files.writeString(file, row(metrics) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Returns the row of one epoch, such as {@code 1,1816,2000,0.908000,0.0712345678,0.271}. */
    static String row(EpochMetrics metrics) {
        return String.format(Locale.ROOT, "%d,%d,%d,%.6f,%.10g,%.3f", metrics.epoch(), metrics.correct(),
                metrics.total(), metrics.testAccuracy(), metrics.trainingCost(), metrics.seconds());
    }
}
