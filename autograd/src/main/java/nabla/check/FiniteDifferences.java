package nabla.check;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import nabla.core.Matrix;
import nabla.core.Network;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Estimates ∂C/∂θ for chosen parameters θ by perturbing each one and recomputing the cost.
 * {@link #estimate} recomputes only the part of the forward pass that a perturbation reaches and
 * spreads the parameters over all processors; {@link #estimateByFullForward} runs a full forward
 * pass on a copy of the network for each, and is the reference the fast form is tested against.
 * Neither modifies the caller's network, not even for an instant.
 */
public final class FiniteDifferences {

    /** A parameter: entry (row, column) of wˡ, or entry (row, 0) of bˡ. */
    public record Coordinate(Quantity quantity, int layer, int row, int column) {
    }

    /** The estimate for one parameter, and whether its perturbation crossed a kink. */
    public record Estimate(Coordinate coordinate, double derivative, boolean nearKink) {
    }

    private FiniteDifferences() {
    }

    /** Returns the parameters to check: every one, or a seeded sample per layer. */
    public static List<Coordinate> coordinates(Network network, CheckOptions options) {
        List<Coordinate> coordinates = new ArrayList<>();
        RandomDataGenerator random = new RandomDataGenerator(new Well19937c(options.seed()));
        for (int l = 1; l <= network.layerCount(); l++) {
            Matrix w = network.weight(l);
            for (int k : choose(w.size(), options, random)) {
                coordinates.add(new Coordinate(Quantity.WEIGHT_GRADIENT, l, k / w.cols(), k % w.cols()));
            }
            for (int k : choose(network.size(l), options, random)) {
                coordinates.add(new Coordinate(Quantity.BIAS_GRADIENT, l, k, 0));
            }
        }
        return coordinates;
    }

    private static int[] choose(int count, CheckOptions options, RandomDataGenerator random) {
        if (options.checksAllParameters() || options.samplesPerLayer() >= count) {
            int[] all = new int[count];
            for (int k = 0; k < count; k++) {
                all[k] = k;
            }
            return all;
        }
        int[] chosen = random.nextPermutation(count, options.samplesPerLayer());
        java.util.Arrays.sort(chosen);
        return chosen;
    }

    /**
     * Estimates ∂C/∂θ for each coordinate, in the order given, on all processors. The estimates
     * and kink flags are those of {@link #estimateByFullForward}: see {@link PartialForward}.
     * The network and the batch must not change while this runs.
     */
    public static List<Estimate> estimate(Network network, Matrix x, Matrix y, CheckOptions options,
            List<Coordinate> coordinates) {
        PartialForward base = new PartialForward(network, x, y);
        double h = options.step();
        Estimate[] estimates = new Estimate[coordinates.size()];
        // Chunks of about 256 parameters, so that a thread's share is large next to the cost of
        // handing it out, and enough chunks that both threads finish at about the same time.
        int chunks = (coordinates.size() + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int end = Math.min(coordinates.size(), (chunk + 1) * CHUNK);
            for (int k = chunk * CHUNK; k < end; k++) {
                estimates[k] = estimateOne(base, network, coordinates.get(k), h, options.differences());
            }
        });
        return List.of(estimates);
    }

    private static final int CHUNK = 256;

    private static Estimate estimateOne(PartialForward base, Network network, Coordinate c, double h,
            Differences differences) {
        Matrix parameter = c.quantity() == Quantity.WEIGHT_GRADIENT ? network.weight(c.layer()) : network.bias(c.layer());
        double original = parameter.get(c.row(), c.column());
        PartialForward.Cost plus = base.costWith(c, original + h);
        if (differences == Differences.CENTRAL) {
            PartialForward.Cost minus = base.costWith(c, original - h);
            // (C(θ + h) − C(θ − h)) / 2h
            return new Estimate(c, (plus.value() - minus.value()) / (2.0 * h), plus.nearKink() || minus.nearKink());
        }
        // (C(θ + h) − C(θ)) / h
        return new Estimate(c, (plus.value() - base.cost()) / h, plus.nearKink());
    }

    /**
     * Estimates ∂C/∂θ for each coordinate, in the order given, with a full forward pass per
     * perturbation on one thread: the simple form that {@link #estimate} must agree with.
     */
    public static List<Estimate> estimateByFullForward(Network network, Matrix x, Matrix y, CheckOptions options,
            List<Coordinate> coordinates) {
        Network probe = network.copy();
        Matrix[] baseZ = weightedInputs(probe, x);
        double baseCost = options.differences() == Differences.FORWARD ? cost(probe, baseZ, y) : Double.NaN;
        double h = options.step();

        List<Estimate> estimates = new ArrayList<>(coordinates.size());
        for (Coordinate c : coordinates) {
            Matrix parameter = c.quantity() == Quantity.WEIGHT_GRADIENT ? probe.weight(c.layer()) : probe.bias(c.layer());
            double original = parameter.get(c.row(), c.column());

            parameter.set(c.row(), c.column(), original + h);
            Matrix[] plusZ = weightedInputs(probe, x);
            double plus = cost(probe, plusZ, y);
            boolean nearKink = crossesKink(probe, baseZ, plusZ);

            double derivative;
            if (options.differences() == Differences.CENTRAL) {
                parameter.set(c.row(), c.column(), original - h);
                Matrix[] minusZ = weightedInputs(probe, x);
                double minus = cost(probe, minusZ, y);
                nearKink |= crossesKink(probe, baseZ, minusZ);
                // (C(θ + h) − C(θ − h)) / 2h
                derivative = (plus - minus) / (2.0 * h);
            } else {
                // (C(θ + h) − C(θ)) / h
                derivative = (plus - baseCost) / h;
            }
            parameter.set(c.row(), c.column(), original);
            estimates.add(new Estimate(c, derivative, nearKink));
        }
        return estimates;
    }

    /** Returns z¹ … zᴸ (index 0 unused) followed by aᴸ in the last slot. */
    private static Matrix[] weightedInputs(Network network, Matrix x) {
        int layers = network.layerCount();
        Matrix[] z = new Matrix[layers + 2];
        Matrix a = x;
        for (int l = 1; l <= layers; l++) {
            z[l] = network.weight(l).multiply(a).addColumn(network.bias(l));
            a = network.activation(l).apply(z[l]);
        }
        z[layers + 1] = a;
        return z;
    }

    private static double cost(Network network, Matrix[] z, Matrix y) {
        int last = network.layerCount();
        return network.cost().value(z[last], z[last + 1], y, network.outputActivation());
    }

    /** True when some weighted input moved across, or to within its own change of, a kink. */
    private static boolean crossesKink(Network network, Matrix[] baseZ, Matrix[] perturbedZ) {
        for (int l = 1; l <= network.layerCount(); l++) {
            double[] base = baseZ[l].data();
            double[] moved = perturbedZ[l].data();
            for (int k = 0; k < base.length; k++) {
                double change = Math.abs(moved[k] - base[k]);
                if (change > 0.0 && network.activation(l).isNonDifferentiableNear(base[k], change)) {
                    return true;
                }
            }
        }
        return false;
    }
}
