package nabla.examples;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nabla.autograd.GraphBackprop;
import nabla.core.Backprop;
import nabla.core.MiniBatchBackprop;
import nabla.core.Network;
import nabla.data.DataSplit;
import nabla.train.EpochResult;
import nabla.train.Sgd;
import nabla.train.SgdOptions;
import nabla.train.TrainingListener;

/**
 * Compares the training time of the two engines: trains {@code Network([784, 30, 10])} on the
 * embedded MNIST sample with each, from the same seed, and prints the median epoch time of each
 * and their ratio, autograd over hand-coded. Not a test: timings depend on the machine.
 *
 * <pre>java -cp examples/target/nabla.jar nabla.examples.EngineBenchmark [epochs] [rounds]</pre>
 *
 * <p>The engines take turns for {@code rounds} rounds (default 3) of {@code epochs} epochs
 * (default 5), so that a slow spell of the machine falls on both; every epoch of every round
 * counts toward the median, which discards the JIT warm-up of the first ones.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        DataSplit data = DataSplit.embeddedSample();
        SgdOptions options = new SgdOptions(epochs, 10, 3.0, 1);

        List<Double> hand = new ArrayList<>();
        List<Double> autograd = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            hand.addAll(epochSeconds(new MiniBatchBackprop(), data, options));
            autograd.addAll(epochSeconds(new GraphBackprop(), data, options));
        }

        double handMedian = median(hand);
        double autogradMedian = median(autograd);
        System.out.printf(Locale.ROOT, "%d epochs x %d rounds of Network[784, 30, 10] on %d examples, batch 10%n",
                epochs, rounds, data.training().size());
        System.out.printf(Locale.ROOT, "hand-coded backprop: median epoch %.3f s%n", handMedian);
        System.out.printf(Locale.ROOT, "autograd graph:      median epoch %.3f s%n", autogradMedian);
        System.out.printf(Locale.ROOT, "ratio autograd / hand: %.2f%n", autogradMedian / handMedian);
    }

    /** Trains a fresh network and returns the seconds of each epoch, evaluation excluded. */
    private static List<Double> epochSeconds(Backprop backprop, DataSplit data, SgdOptions options) {
        Network network = new Network(new int[] {784, 30, 10}, options.seed());
        List<EpochResult> results = new Sgd(backprop).train(network, data.training(), data.test(), options,
                new TrainingListener() { });
        return results.stream().map(EpochResult::seconds).toList();
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
