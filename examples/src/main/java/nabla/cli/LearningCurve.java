package nabla.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the learning curve of a training run with JFreeChart: test accuracy (left axis) and
 * training cost (right axis) against the epoch, saved as a PNG without a display.
 */
final class LearningCurve {

    static final int WIDTH = 900;
    static final int HEIGHT = 560;

    private static final Color ACCURACY_COLOR = new Color(0x1f, 0x77, 0xb4);
    private static final Color COST_COLOR = new Color(0xd6, 0x27, 0x28);

    private LearningCurve() {
    }

    /**
     * Writes the chart of {@code epochs} to {@code file} as a PNG of {@link #WIDTH} × {@link #HEIGHT}
     * pixels, with {@code title} above and {@code subtitle} below it.
     */
    static void writePng(List<EpochMetrics> epochs, String title, String subtitle, Path file) throws IOException {
        // Draw into an image in memory; no window or display is needed, as on a server or in CI.
        System.setProperty("java.awt.headless", "true");
        ChartUtils.saveChartAsPNG(file.toFile(), chart(epochs, title, subtitle), WIDTH, HEIGHT);
    }

    static JFreeChart chart(List<EpochMetrics> epochs, String title, String subtitle) {
        XYSeries accuracy = new XYSeries("test accuracy (left axis)");
        XYSeries cost = new XYSeries("training cost C, mean over the training set (right axis)");
        for (EpochMetrics epoch : epochs) {
            accuracy.add(epoch.epoch(), epoch.testAccuracy());
            cost.add(epoch.epoch(), epoch.trainingCost());
        }

        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochAxis.setAutoRangeIncludesZero(false);
        NumberAxis accuracyAxis = new NumberAxis("test accuracy");
        accuracyAxis.setAutoRangeIncludesZero(false);
        accuracyAxis.setNumberFormatOverride(new DecimalFormat("0.0%"));
        accuracyAxis.setLabelPaint(ACCURACY_COLOR);
        accuracyAxis.setTickLabelPaint(ACCURACY_COLOR);
        // A single epoch gives a single point per axis, whose range would collapse to nothing.
        accuracyAxis.setAutoRangeMinimumSize(0.05);
        NumberAxis costAxis = new NumberAxis("training cost C");
        costAxis.setAutoRangeMinimumSize(Math.max(1e-6, 0.1 * Math.abs(cost.getMaxY())));
        costAxis.setAutoRangeIncludesZero(false);
        costAxis.setLabelPaint(COST_COLOR);
        costAxis.setTickLabelPaint(COST_COLOR);

        XYPlot plot = new XYPlot(new XYSeriesCollection(accuracy), epochAxis, accuracyAxis, renderer(ACCURACY_COLOR));
        plot.setRangeAxis(1, costAxis);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDataset(1, new XYSeriesCollection(cost));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, renderer(COST_COLOR));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));

        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 16), plot, true);
        chart.addSubtitle(new TextTitle(subtitle, new Font("SansSerif", Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYLineAndShapeRenderer renderer(Color color) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, new BasicStroke(2.0f));
        return renderer;
    }
}
