package nabla.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Hand-coded backprop in matrix form: the m examples of a mini-batch are stacked as the columns
 * of X (n⁰×m), and each equation is evaluated for all of them at once.
 *
 * <pre>
 * BP1  δᴸ = ∇ₐC ⊙ σ'(zᴸ)
 * BP2  δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ'(zˡ)
 * BP3  ∂C/∂bˡ = δˡ          averaged over the columns: the row mean of δˡ, (nˡ×1)
 * BP4  ∂C/∂wˡ = δˡ (aˡ⁻¹)ᵀ   summed over the columns by the product, then divided by m
 * </pre>
 *
 * <p>m is the number of columns of X, never its number of rows. Each step is a protected method,
 * so a variant can replace one step and leave the others as they are; a step that throws is
 * reported as a {@link BackpropStepException} naming its equation and layer. An optional
 * {@link StepListener} receives every step with its operands and result.
 *
 * <p>An instance from {@link #reusingBuffers()} writes each ∂C/∂wˡ into a buffer that it keeps
 * for the next call, so that training allocates no (nˡ×nˡ⁻¹) matrix per mini-batch; an instance
 * made with {@code new} returns new matrices every time.
 */
public class MiniBatchBackprop implements Backprop {

    /** Receives each evaluated step; null when none was given. */
    private final StepListener listener;

    /** The ∂C/∂wˡ buffers of an instance that reuses them, indexed by l; null otherwise. */
    private Matrix[] weightGradientBuffers;

    /** Creates a backprop whose every result is new, so that results of earlier calls stay valid. */
    public MiniBatchBackprop() {
        this.listener = null;
    }

    /** Creates a backprop that reports each step, with the matrices it read and returned, to {@code listener}. */
    public MiniBatchBackprop(StepListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Creates a backprop that reuses its ∂C/∂wˡ matrices: each call overwrites those of the
     * gradient it returned before. So a caller must use a gradient before the next call, as SGD
     * does, or copy it. Not for use by several threads at once.
     */
    public static MiniBatchBackprop reusingBuffers() {
        MiniBatchBackprop backprop = new MiniBatchBackprop();
        backprop.weightGradientBuffers = new Matrix[0];
        return backprop;
    }

    @Override
    public final Gradient gradient(Network network, Matrix x, Matrix y) {
        checkBatch(network, x, y);
        ForwardPass pass = forward(network, x);
        int layers = network.layerCount();
        Matrix[] delta = new Matrix[layers + 1];

        delta[layers] = step(Equation.BP1, layers, () -> outputError(pass, y));
        if (listener != null) {
            report(BackpropStep.Kind.OUTPUT_ERROR, layers, delta[layers], pass.activation(layers), y, pass.z(layers));
        }
        for (int l = layers - 1; l >= 1; l--) {
            int layer = l;
            delta[l] = step(Equation.BP2, l, () -> hiddenError(pass, layer, delta[layer + 1]));
            if (listener != null) {
                report(BackpropStep.Kind.HIDDEN_ERROR, l, delta[l], network.weight(l + 1), delta[l + 1], pass.z(l));
            }
        }

        List<Matrix> nablaB = new ArrayList<>(layers);
        List<Matrix> nablaW = new ArrayList<>(layers);
        for (int l = 1; l <= layers; l++) {
            int layer = l;
            nablaB.add(step(Equation.BP3, l, () -> biasGradient(pass, layer, delta[layer])));
            nablaW.add(step(Equation.BP4, l, () -> weightGradient(pass, layer, delta[layer])));
            if (listener != null) {
                report(BackpropStep.Kind.BIAS_GRADIENT, l, nablaB.get(l - 1), delta[l]);
                report(BackpropStep.Kind.WEIGHT_GRADIENT, l, nablaW.get(l - 1), delta[l], pass.activation(l - 1));
            }
        }
        return new Gradient(Arrays.asList(delta).subList(1, layers + 1), nablaB, nablaW);
    }

    /** Runs the forward pass, keeping every zˡ and aˡ for the backward pass. */
    public final ForwardPass forward(Network network, Matrix x) {
        int layers = network.layerCount();
        Matrix[] z = new Matrix[layers + 1];
        Matrix[] activations = new Matrix[layers + 1];
        activations[0] = x;
        for (int l = 1; l <= layers; l++) {
            int layer = l;
            z[l] = step(Equation.FORWARD, l, () -> weightedInput(network, layer, activations[layer - 1]));
            if (listener != null) {
                report(BackpropStep.Kind.WEIGHTED_INPUT, l, z[l], network.weight(l), activations[l - 1], network.bias(l));
            }
            // aˡ = σ(zˡ)
            activations[l] = network.activation(l).apply(z[l]);
            if (listener != null) {
                report(BackpropStep.Kind.ACTIVATION, l, activations[l], z[l]);
            }
        }
        return new ForwardPass(network, z, activations);
    }

    /** zˡ = wˡ aˡ⁻¹ + bˡ, with bˡ added to every column. */
    protected Matrix weightedInput(Network network, int l, Matrix previousActivation) {
        // zˡ = wˡ aˡ⁻¹ + bˡ: (nˡ×nˡ⁻¹)·(nˡ⁻¹×m) + (nˡ×1) broadcast over the m columns
        return network.weight(l).multiply(previousActivation).addColumn(network.bias(l));
    }

    /** BP1: the output error δᴸ = ∇ₐC ⊙ σ'(zᴸ), (nᴸ×m), or the cost's shortcut for it. */
    protected Matrix outputError(ForwardPass pass, Matrix y) {
        int last = pass.layerCount();
        Network network = pass.network();
        // BP1: δᴸ = ∇ₐC ⊙ σ'(zᴸ)
        return network.cost().outputError(pass.z(last), pass.activation(last), y, network.outputActivation());
    }

    /** BP2: δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ'(zˡ), (nˡ×m). */
    protected Matrix hiddenError(ForwardPass pass, int l, Matrix nextDelta) {
        Network network = pass.network();
        // BP2: (wˡ⁺¹)ᵀ δˡ⁺¹, then ⊙ σ'(zˡ)
        Matrix backpropagated = network.weight(l + 1).transposeMultiply(nextDelta);
        return backpropagated.hadamard(network.activation(l).derivative(pass.z(l), pass.activation(l)));
    }

    /** BP3: ∂C/∂bˡ, the mean over the m columns of δˡ, keeping the (nˡ×1) column shape. */
    protected Matrix biasGradient(ForwardPass pass, int l, Matrix delta) {
        // BP3: ∂C/∂bˡ = (1/m) Σₓ δˡₓ
        return delta.rowMean();
    }

    /** BP4: ∂C/∂wˡ = δˡ (aˡ⁻¹)ᵀ / m, (nˡ×nˡ⁻¹), where m is the number of columns. */
    protected Matrix weightGradient(ForwardPass pass, int l, Matrix delta) {
        // BP4: ∂C/∂wˡ = (δˡ/m) (aˡ⁻¹)ᵀ, the product summing over the m examples. Scaling the
        // (nˡ×m) factor first costs m·nˡ multiplications instead of nˡ·nˡ⁻¹.
        Matrix previous = pass.activation(l - 1);
        return delta.scale(1.0 / pass.batchSize()).multiplyTranspose(previous,
                weightGradientBuffer(l, delta.rows(), previous.rows()));
    }

    /** Returns the (rows×cols) matrix BP4 writes ∂C/∂wˡ into: a kept buffer when reusing, else new. */
    private Matrix weightGradientBuffer(int l, int rows, int cols) {
        if (weightGradientBuffers == null) {
            return Matrix.zeros(rows, cols);
        }
        if (weightGradientBuffers.length <= l) {
            weightGradientBuffers = Arrays.copyOf(weightGradientBuffers, l + 1);
        }
        Matrix buffer = weightGradientBuffers[l];
        if (buffer == null || buffer.rows() != rows || buffer.cols() != cols) {
            buffer = Matrix.zeros(rows, cols);
            weightGradientBuffers[l] = buffer;
        }
        return buffer;
    }

    private void report(BackpropStep.Kind kind, int layer, Matrix result, Matrix... operands) {
        listener.stepEvaluated(new BackpropStep(kind, layer, OptionalInt.empty(), List.of(operands), result));
    }

    private static Matrix step(Equation equation, int layer, Supplier<Matrix> body) {
        try {
            return body.get();
        } catch (BackpropStepException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BackpropStepException(equation, layer, e);
        }
    }

    /**
     * Throws IllegalArgumentException unless x and y fit the network and have the same m ≥ 1. Every
     * {@link Backprop}, hand-coded or not, can use it to reject a batch with the same messages.
     */
    public static void checkBatch(Network network, Matrix x, Matrix y) {
        network.checkInput("backprop", x);
        int outputs = network.size(network.layerCount());
        if (y.rows() != outputs || y.cols() != x.cols()) {
            throw new IllegalArgumentException("backprop: targets " + y.shape() + " do not match inputs "
                    + x.shape() + ": expected (" + outputs + "x" + x.cols() + "), one target column per example");
        }
        if (x.cols() == 0) {
            throw new IllegalArgumentException("backprop: input " + x.shape() + " has no examples; pass at least one column");
        }
    }
}
