package nabla.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.function.LongSupplier;
import nabla.train.EpochResult;
import nabla.train.TrainingListener;

/**
 * A one-line progress bar for the epoch that is running, redrawn in place with a carriage
 * return: {@code Epoch 3 [########............] 3,200/8,000 examples, 21,350 examples/s}.
 *
 * <p>It draws only when enabled, which {@link #onTerminal} does only when standard output is a
 * terminal, so redirected output contains plain lines alone. When an epoch ends it blanks its line,
 * so the epoch's own line, printed next, starts on a clean line.
 */
final class ProgressBar implements TrainingListener {

    private static final int BAR_WIDTH = 30;

    /** At most ten redraws a second: more flickers and slows a fast epoch. */
    private static final long REDRAW_INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean enabled;
    private final LongSupplier nanoTime;

    private int epoch;
    private long epochStart;
    private int examplesAtStart;
    private long lastDrawn;
    private int drawnWidth;

    /**
     * Creates a bar that writes to {@code out} when {@code enabled}, timing with {@code nanoTime}
     * (such as {@code System::nanoTime}).
     */
    ProgressBar(PrintWriter out, boolean enabled, LongSupplier nanoTime) {
        this.out = out;
        this.enabled = enabled;
        this.nanoTime = nanoTime;
    }

    /** Creates a bar on {@code out} that is enabled only when standard output is a terminal. */
    static ProgressBar onTerminal(PrintWriter out) {
        return new ProgressBar(out, standardOutputIsTerminal(), System::nanoTime);
    }

    /**
     * Returns true when standard input and output are a terminal. On JDK 17 to 21,
     * {@link System#console()} is null unless both are. JDK 22 returns a console even when they
     * are redirected and adds {@code Console.isTerminal()}, which is called where it exists.
     */
    static boolean standardOutputIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Override
    public void batchFinished(int epoch, int examplesDone, int examplesTotal) {
        if (!enabled) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (epoch != this.epoch) {
            // The clock starts at the epoch's first batch, so the rate counts the examples after it.
            this.epoch = epoch;
            epochStart = now;
            examplesAtStart = examplesDone;
            lastDrawn = now;
            draw(epoch, examplesDone, examplesTotal, now);
            return;
        }
        if (now - lastDrawn >= REDRAW_INTERVAL_NANOS) {
            lastDrawn = now;
            draw(epoch, examplesDone, examplesTotal, now);
        }
    }

    @Override
    public void epochFinished(EpochResult result) {
        if (!enabled) {
            return;
        }
        clear();
    }

    private void draw(int epoch, int done, int total, long now) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
        double seconds = (now - epochStart) / 1e9;
        String rate = seconds > 0
                ? String.format(Locale.ROOT, "%,.0f examples/s", (done - examplesAtStart) / seconds)
                : "… examples/s";
        String line = String.format(Locale.ROOT, "Epoch %d [%s%s] %,d/%,d examples, %s", epoch,
                "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), done, total, rate);
        // Pad over a longer previous line, so no characters of it remain.
        String padding = " ".repeat(Math.max(0, drawnWidth - line.length()));
        out.print("\r" + line + padding);
        out.flush();
        drawnWidth = line.length();
    }

    private void clear() {
        if (drawnWidth > 0) {
            out.print("\r" + " ".repeat(drawnWidth) + "\r");
            out.flush();
            drawnWidth = 0;
        }
    }
}
