package nabla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import nabla.train.EpochResult;
import org.junit.jupiter.api.Test;

/** The progress bar, driven by a clock the test sets. */
class ProgressBarTest {

    private final StringWriter text = new StringWriter();
    private long now;

    private ProgressBar bar(boolean enabled) {
        return new ProgressBar(new PrintWriter(text), enabled, () -> now);
    }

    @Test
    void disabledBarWritesNothing() {
        ProgressBar bar = bar(false);

        bar.batchFinished(1, 10, 100);
        now += 1_000_000_000L;
        bar.batchFinished(1, 100, 100);
        bar.epochFinished(new EpochResult(1, 9, 10, 1.0));

        assertEquals("", text.toString());
    }

    @Test
    void barShowsExamplesPerSecond() {
        ProgressBar bar = bar(true);

        bar.batchFinished(2, 10, 8_000);
        now += 500_000_000L;
        bar.batchFinished(2, 4_010, 8_000);

        String last = lastDrawing();
        // 4,000 examples after the first batch in 0.5 s
        assertEquals("Epoch 2 [###############...............] 4,010/8,000 examples, 8,000 examples/s", last);
    }

    @Test
    void redrawsAtMostTenTimesPerSecond() {
        ProgressBar bar = bar(true);

        bar.batchFinished(1, 10, 1_000);
        for (int done = 20; done <= 200; done += 10) {
            now += 1_000_000L;
            bar.batchFinished(1, done, 1_000);
        }

        assertEquals(1, text.toString().chars().filter(c -> c == '\r').count(), text.toString());
    }

    @Test
    void epochEndBlanksTheLine() {
        ProgressBar bar = bar(true);
        bar.batchFinished(1, 10, 100);
        int drawn = text.toString().length() - 1;

        bar.epochFinished(new EpochResult(1, 9, 10, 1.0));

        String blank = "\r" + " ".repeat(drawn) + "\r";
        assertTrue(text.toString().endsWith(blank), () -> "'" + text + "'");
    }

    private String lastDrawing() {
        String all = text.toString();
        return all.substring(all.lastIndexOf('\r') + 1).stripTrailing();
    }
}
