package nabla.core;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of matrices, networks and batches for the core tests. Every generated
 * double has an explicit range, and every generated case is valid, so no property filters.
 */
public final class Generators {

    /** Inputs x in [−1, 1]: scaled pixels lie in [0, 1], and negative inputs exercise the other sign. */
    public static final double INPUT_BOUND = 1.0;

    private Generators() {
    }

    /** Returns (rows×cols) matrices whose entries are drawn from {@code entries}. */
    public static Gen<Matrix> matrices(int rows, int cols, Gen<Double> entries) {
        return lists().of(entries).ofSize(rows * cols).map(values -> Matrix.wrap(rows, cols, toArray(values)));
    }

    /** Returns matrices of the shapes drawn from {@code rows} and {@code cols}. */
    public static Gen<Matrix> matrices(Gen<Integer> rows, Gen<Integer> cols, Gen<Double> entries) {
        return rows.zip(cols, (r, c) -> new int[] {r, c}).flatMap(shape -> matrices(shape[0], shape[1], entries));
    }

    /**
     * Returns layer sizes n⁰ … nᴸ with L from 1 to {@code maxLayers} and every size from 1 to
     * {@code maxSize}.
     */
    public static Gen<int[]> layerSizes(int maxLayers, int maxSize) {
        return integers().between(2, maxLayers + 1)
                .flatMap(count -> lists().of(integers().between(1, maxSize)).ofSize(count))
                .map(sizes -> sizes.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * A network given by its layer sizes, seed and functions, with a batch of m examples: x is
     * (n⁰×m) and y is (nᴸ×m). Each call to {@link #network()} returns a fresh copy, so a test may
     * perturb it.
     */
    public record Batch(NetworkKind kind, int[] sizes, long seed, Matrix x, Matrix y) {

        public Network network() {
            return new Network(sizes, seed, kind.hidden(), kind.output(), kind.cost());
        }

        /** Returns m, the number of examples. */
        public int m() {
            return x.cols();
        }

        @Override
        public String toString() {
            return kind + " network " + Arrays.toString(sizes) + " with seed " + seed + ", m = " + m()
                    + ", x = " + x + ", y = " + y;
        }
    }

    /** A choice of hidden activation, output activation and cost. */
    public record NetworkKind(Activation hidden, Activation output, Cost cost) {

        /** Nielsen's network: sigmoid everywhere and the quadratic cost. */
        public static final NetworkKind SIGMOID_QUADRATIC =
                new NetworkKind(Activations.SIGMOID, Activations.SIGMOID, Costs.QUADRATIC);

        /**
         * Kinds whose cost central differences can check to {@link Tolerances#FINITE_DIFFERENCE}:
         * smooth, so no step crosses a kink, and with a cost computed to full precision.
         * Cross-entropy is left out because, after a saturated sigmoid, it takes ln(1 − a) of a
         * rounded a ≈ 1. That costs about 1e-13 of absolute accuracy, which the division by 2h
         * turns into 5e-9 or more, as large as the absolute part of the tolerance.
         */
        public static final List<NetworkKind> FOR_FINITE_DIFFERENCES = List.of(
                SIGMOID_QUADRATIC,
                new NetworkKind(Activations.SILU, Activations.SOFTMAX, Costs.LOG_LIKELIHOOD),
                new NetworkKind(Activations.SOFTPLUS, Activations.IDENTITY, Costs.QUADRATIC));

        /** Kinds for comparing the two backprop forms, including both δᴸ = a − y shortcuts and kinks. */
        public static final List<NetworkKind> ALL = List.of(
                FOR_FINITE_DIFFERENCES.get(0), FOR_FINITE_DIFFERENCES.get(1), FOR_FINITE_DIFFERENCES.get(2),
                new NetworkKind(Activations.TANH, Activations.SIGMOID, Costs.CROSS_ENTROPY),
                new NetworkKind(Activations.RELU, Activations.SIGMOID, Costs.QUADRATIC),
                new NetworkKind(Activations.LEAKY_RELU, Activations.SOFTMAX, Costs.LOG_LIKELIHOOD));

        /**
         * Returns targets for m examples: one-hot after softmax, whose δᴸ = a − y holds only for
         * targets that sum to 1 in every column, and entries in [0, 1] otherwise.
         */
        Gen<Matrix> targets(int outputs, int m) {
            if (output == Activations.SOFTMAX) {
                return lists().of(integers().between(0, outputs - 1)).ofSize(m).map(labels -> {
                    Matrix y = Matrix.zeros(outputs, m);
                    for (int j = 0; j < m; j++) {
                        y.set(labels.get(j), j, 1.0);
                    }
                    return y;
                });
            }
            return matrices(outputs, m, doubles().between(0.0, 1.0));
        }

        @Override
        public String toString() {
            return hidden.name() + "/" + output.name() + "/" + cost.name();
        }
    }

    /**
     * Returns batches for networks of the given kinds, with L from 1 to {@code maxLayers}, every
     * layer from 1 to {@code maxSize} neurons, m from 1 to {@code maxBatch}, and inputs in [−1, 1].
     */
    public static Gen<Batch> batches(List<NetworkKind> kinds, int maxLayers, int maxSize, int maxBatch) {
        Gen<Double> inputs = doubles().between(-INPUT_BOUND, INPUT_BOUND);
        return Generate.pick(kinds)
                .zip(layerSizes(maxLayers, maxSize), integers().between(1, maxBatch), longs().all(), BatchShape::new)
                .flatMap(shape -> matrices(shape.sizes()[0], shape.m(), inputs)
                        .zip(shape.kind().targets(shape.outputs(), shape.m()),
                                (x, y) -> new Batch(shape.kind(), shape.sizes(), shape.seed(), x, y)));
    }

    /** Everything about a batch but its values, drawn first so that the matrices can take its shape. */
    private record BatchShape(NetworkKind kind, int[] sizes, int m, long seed) {
        int outputs() {
            return sizes[sizes.length - 1];
        }
    }

    private static double[] toArray(List<Double> values) {
        double[] array = new double[values.size()];
        for (int k = 0; k < array.length; k++) {
            array[k] = values.get(k);
        }
        return array;
    }
}
