package nabla.check;

import java.util.List;
import java.util.Set;
import nabla.core.Equation;
import nabla.core.ForwardPass;
import nabla.core.Matrix;
import nabla.core.MiniBatchBackprop;
import nabla.core.Network;

/**
 * A catalogue of classic backprop mistakes. Each is {@link MiniBatchBackprop} with one step
 * replaced, so that everything else is right and the check can be held to blaming exactly the
 * equation that contains the mistake.
 */
public final class Mutants {

    private Mutants() {
    }

    /** Returns every catalogued mistake, in a fixed order. */
    public static List<Mutant> all() {
        return List.of(
                new Mutant("weight-gradient-over-rows",
                        "∂C/∂w divided by the number of rows of X (n⁰) instead of the batch size m",
                        Set.of(Equation.BP4), new MiniBatchBackprop() {
                            @Override
                            protected Matrix weightGradient(ForwardPass pass, int l, Matrix delta) {
                                Matrix x = pass.activation(0);
                                return delta.multiplyTranspose(pass.activation(l - 1)).scaleInPlace(1.0 / x.rows());
                            }
                        }),
                new Mutant("flat-bias-gradient",
                        "δ averaged into a flat vector, so ∂C/∂b loses its (n×1) column shape",
                        Set.of(Equation.BP3), new MiniBatchBackprop() {
                            @Override
                            protected Matrix biasGradient(ForwardPass pass, int l, Matrix delta) {
                                return delta.rowMean().transpose();
                            }
                        }),
                new Mutant("bp1-without-sigma-prime",
                        "σ'(zᴸ) missing from BP1: δᴸ = ∇ₐC",
                        Set.of(Equation.BP1), new MiniBatchBackprop() {
                            @Override
                            protected Matrix outputError(ForwardPass pass, Matrix y) {
                                int last = pass.layerCount();
                                return pass.network().cost().gradient(pass.activation(last), y);
                            }
                        }),
                new Mutant("sigma-prime-of-activation",
                        "σ'(a) used in place of σ'(z) in BP1 and BP2",
                        Set.of(Equation.BP1), new MiniBatchBackprop() {
                            @Override
                            protected Matrix outputError(ForwardPass pass, Matrix y) {
                                int last = pass.layerCount();
                                Network network = pass.network();
                                Matrix a = pass.activation(last);
                                return network.cost().gradient(a, y).hadamard(network.activation(last).derivative(a));
                            }

                            @Override
                            protected Matrix hiddenError(ForwardPass pass, int l, Matrix nextDelta) {
                                Network network = pass.network();
                                return network.weight(l + 1).transposeMultiply(nextDelta)
                                        .hadamard(network.activation(l).derivative(pass.activation(l)));
                            }
                        }),
                new Mutant("bp2-without-transpose",
                        "the transpose missing in BP2: wˡ⁺¹ δˡ⁺¹ in place of (wˡ⁺¹)ᵀ δˡ⁺¹",
                        Set.of(Equation.BP2), new MiniBatchBackprop() {
                            @Override
                            protected Matrix hiddenError(ForwardPass pass, int l, Matrix nextDelta) {
                                Network network = pass.network();
                                return network.weight(l + 1).multiply(nextDelta)
                                        .hadamard(network.activation(l).derivative(pass.z(l)));
                            }
                        }),
                new Mutant("bp2-wrong-layer-weights",
                        "the wrong layer's weights in BP2: (wˡ)ᵀ δˡ⁺¹ in place of (wˡ⁺¹)ᵀ δˡ⁺¹",
                        Set.of(Equation.BP2), new MiniBatchBackprop() {
                            @Override
                            protected Matrix hiddenError(ForwardPass pass, int l, Matrix nextDelta) {
                                Network network = pass.network();
                                return network.weight(l).transposeMultiply(nextDelta)
                                        .hadamard(network.activation(l).derivative(pass.z(l)));
                            }
                        }),
                new Mutant("bp4-current-activation",
                        "aˡ in place of aˡ⁻¹ in BP4: δˡ (aˡ)ᵀ",
                        Set.of(Equation.BP4), new MiniBatchBackprop() {
                            @Override
                            protected Matrix weightGradient(ForwardPass pass, int l, Matrix delta) {
                                return delta.multiplyTranspose(pass.activation(l)).scaleInPlace(1.0 / pass.batchSize());
                            }
                        }),
                new Mutant("sum-instead-of-mean",
                        "gradients summed over the batch where the update expects their mean",
                        Set.of(Equation.BP3, Equation.BP4), new MiniBatchBackprop() {
                            @Override
                            protected Matrix biasGradient(ForwardPass pass, int l, Matrix delta) {
                                return delta.rowSum();
                            }

                            @Override
                            protected Matrix weightGradient(ForwardPass pass, int l, Matrix delta) {
                                return delta.multiplyTranspose(pass.activation(l - 1));
                            }
                        }),
                new Mutant("cost-gradient-sign",
                        "a sign error in ∇ₐC: y − a in place of a − y",
                        Set.of(Equation.BP1), new MiniBatchBackprop() {
                            @Override
                            protected Matrix outputError(ForwardPass pass, Matrix y) {
                                int last = pass.layerCount();
                                Network network = pass.network();
                                Matrix gradient = network.cost().gradient(pass.activation(last), y).scale(-1.0);
                                return gradient.hadamard(network.activation(last).derivative(pass.z(last)));
                            }
                        }),
                new Mutant("bp2-next-layer-sigma-prime",
                        "σ'(zˡ⁺¹) in place of σ'(zˡ) in BP2",
                        Set.of(Equation.BP2), new MiniBatchBackprop() {
                            @Override
                            protected Matrix hiddenError(ForwardPass pass, int l, Matrix nextDelta) {
                                Network network = pass.network();
                                return network.weight(l + 1).transposeMultiply(nextDelta)
                                        .hadamard(network.activation(l + 1).derivative(pass.z(l + 1)));
                            }
                        }),
                new Mutant("bp4-weighted-input",
                        "zˡ⁻¹ in place of aˡ⁻¹ in BP4 (x itself at the first layer)",
                        Set.of(Equation.BP4), new MiniBatchBackprop() {
                            @Override
                            protected Matrix weightGradient(ForwardPass pass, int l, Matrix delta) {
                                Matrix previous = l == 1 ? pass.activation(0) : pass.z(l - 1);
                                return delta.multiplyTranspose(previous).scaleInPlace(1.0 / pass.batchSize());
                            }
                        }),
                new Mutant("bp2-sigma-not-sigma-prime",
                        "σ(zˡ) in place of σ'(zˡ) in BP2",
                        Set.of(Equation.BP2), new MiniBatchBackprop() {
                            @Override
                            protected Matrix hiddenError(ForwardPass pass, int l, Matrix nextDelta) {
                                Network network = pass.network();
                                return network.weight(l + 1).transposeMultiply(nextDelta).hadamard(pass.activation(l));
                            }
                        }));
    }
}
