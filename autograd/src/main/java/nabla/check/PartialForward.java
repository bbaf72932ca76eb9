package nabla.check;

import java.util.Arrays;
import nabla.core.Activation;
import nabla.core.Matrix;
import nabla.core.Network;

/**
 * The cost of a network with one parameter moved, computed from an unperturbed forward pass by
 * recomputing only what the move can reach. Moving wˡᵢⱼ or bˡᵢ changes only row i of zˡ, so the
 * layers below l keep their values, row i of zˡ is recomputed from row i of wˡ, and the layers
 * above l are recomputed from the new aˡ.
 *
 * <p>Every entry the move reaches is computed by the same operations, in the same order, as the
 * full forward pass of {@link FiniteDifferences#estimateByFullForward}: each entry of a matrix
 * product depends only on its own row and column, whichever kernel computes it. So both give the
 * same costs, to the bit with the kernels of this library.
 *
 * <p>Reads the network and the batch without modifying them, so several threads may share one
 * instance while nothing else modifies those.
 */
final class PartialForward {

    private final Network network;
    private final Matrix y;
    private final int layers;
    /** zˡ for l = 1 … L; index 0 unused. */
    private final Matrix[] z;
    /** aˡ for l = 0 … L, where a⁰ is the input. */
    private final Matrix[] activations;
    private final double cost;

    /** The cost with one parameter moved, and whether a weighted input crossed a kink. */
    record Cost(double value, boolean nearKink) {
    }

    PartialForward(Network network, Matrix x, Matrix y) {
        this.network = network;
        this.y = y;
        this.layers = network.layerCount();
        this.z = new Matrix[layers + 1];
        this.activations = new Matrix[layers + 1];
        activations[0] = x;
        for (int l = 1; l <= layers; l++) {
            z[l] = network.weight(l).multiply(activations[l - 1]).addColumn(network.bias(l));
            activations[l] = network.activation(l).apply(z[l]);
        }
        this.cost = network.cost().value(z[layers], activations[layers], y, network.outputActivation());
    }

    /** Returns the cost of the unperturbed network. */
    double cost() {
        return cost;
    }

    /** Returns the cost with the parameter at {@code c} set to {@code value}. */
    Cost costWith(FiniteDifferences.Coordinate c, double value) {
        int l = c.layer();
        int i = c.row();
        Matrix w = network.weight(l);

        // Row i of zˡ = wˡaˡ⁻¹ + bˡ, with the moved parameter in row i of wˡ or in bˡᵢ.
        double[] weightRow = Arrays.copyOfRange(w.data(), i * w.cols(), (i + 1) * w.cols());
        double bias = network.bias(l).get(i, 0);
        if (c.quantity() == Quantity.WEIGHT_GRADIENT) {
            weightRow[c.column()] = value;
        } else {
            bias = value;
        }
        double[] zRow = Matrix.wrap(1, w.cols(), weightRow).multiply(activations[l - 1]).data();
        for (int k = 0; k < zRow.length; k++) {
            zRow[k] = zRow[k] + bias;
        }
        boolean nearKink = crossesKink(network.activation(l), z[l], i, zRow);

        Matrix a = activationWithRow(l, i, zRow);
        // zᴸ as well as aᴸ, because some costs are exact only when computed from zᴸ
        Matrix zLast = l == layers ? withRow(z[l], i, zRow) : null;
        for (int next = l + 1; next <= layers; next++) {
            Matrix zNext = network.weight(next).multiply(a).addColumn(network.bias(next));
            nearKink |= crossesKink(network.activation(next), z[next], zNext);
            a = network.activation(next).apply(zNext);
            zLast = zNext;
        }
        return new Cost(network.cost().value(zLast, a, y, network.outputActivation()), nearKink);
    }

    /** Returns a copy of {@code base} with row i replaced by {@code row}. */
    private static Matrix withRow(Matrix base, int i, double[] row) {
        Matrix moved = base.copy();
        System.arraycopy(row, 0, moved.data(), i * base.cols(), row.length);
        return moved;
    }

    /** Returns aˡ for zˡ with row i replaced by {@code zRow}. */
    private Matrix activationWithRow(int l, int i, double[] zRow) {
        Activation activation = network.activation(l);
        int m = zRow.length;
        if (!activation.isElementwise()) {
            // Softmax mixes the entries of a column, so the whole of aˡ is recomputed.
            return activation.apply(withRow(z[l], i, zRow));
        }
        Matrix a = activations[l].copy();
        double[] values = a.data();
        for (int k = 0; k < m; k++) {
            values[i * m + k] = activation.value(zRow[k]);
        }
        return a;
    }

    /** True when an entry of row i moved across, or to within its own change of, a kink. */
    private static boolean crossesKink(Activation activation, Matrix base, int i, double[] movedRow) {
        int offset = i * base.cols();
        for (int k = 0; k < movedRow.length; k++) {
            if (nearKink(activation, base.data()[offset + k], movedRow[k])) {
                return true;
            }
        }
        return false;
    }

    /** True when some entry of a whole layer moved across, or to within its own change of, a kink. */
    private static boolean crossesKink(Activation activation, Matrix base, Matrix moved) {
        double[] before = base.data();
        double[] after = moved.data();
        for (int k = 0; k < before.length; k++) {
            if (nearKink(activation, before[k], after[k])) {
                return true;
            }
        }
        return false;
    }

    private static boolean nearKink(Activation activation, double before, double after) {
        double change = Math.abs(after - before);
        return change > 0.0 && activation.isNonDifferentiableNear(before, change);
    }
}
