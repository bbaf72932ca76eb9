package nabla.examples;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nabla.check.CheckCase;
import nabla.check.CheckOptions;
import nabla.check.FiniteDifferences;
import nabla.check.GradientChecker;
import nabla.check.GradientReport;
import nabla.core.MiniBatchBackprop;

/**
 * Times the full gradient check of Network([784, 30, 10]) on a batch of 10: every one of the
 * 23,860 parameters by central differences, against the autodiff graph. Prints the median time of
 * the whole check, then of its finite differences alone, fast and with a full forward pass per
 * perturbation. Not a test: timings depend on the machine.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp examples/target/nabla.jar nabla.examples.CheckBenchmark [runs]</pre>
 */
public final class CheckBenchmark {

    private CheckBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        CheckCase c = CheckCase.random(new int[] {784, 30, 10}, 10, 1L);
        CheckOptions options = CheckOptions.defaults();
        List<FiniteDifferences.Coordinate> coordinates = FiniteDifferences.coordinates(c.network(), options);

        double[] check = new double[runs];
        double[] differences = new double[runs];
        boolean passed = true;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            GradientReport report = GradientChecker.withGraph(options).check(new MiniBatchBackprop(), c.network(), c.x(), c.y());
            check[run] = (System.nanoTime() - start) / 1e9;
            passed &= report.passed();

            start = System.nanoTime();
            FiniteDifferences.estimate(c.network(), c.x(), c.y(), options, coordinates);
            differences[run] = (System.nanoTime() - start) / 1e9;
        }
        long start = System.nanoTime();
        FiniteDifferences.estimateByFullForward(c.network(), c.x(), c.y(), options, coordinates);
        double simple = (System.nanoTime() - start) / 1e9;

        System.out.printf(Locale.ROOT, "full check of %s, %d parameters, batch %d, central differences: %s%n",
                c.network(), coordinates.size(), c.x().cols(), passed ? "passed" : "FAILED");
        System.out.printf(Locale.ROOT, "whole check: median %.3f s over %d runs (first %.3f s)%n", median(check), runs, check[0]);
        System.out.printf(Locale.ROOT, "finite differences, partial forward on %d processors: median %.3f s%n",
                Runtime.getRuntime().availableProcessors(), median(differences));
        System.out.printf(Locale.ROOT, "finite differences, full forward on one thread: %.3f s%n", simple);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
