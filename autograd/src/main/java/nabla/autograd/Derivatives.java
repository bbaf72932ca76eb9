package nabla.autograd;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import nabla.core.Matrix;

/**
 * The backward rule of every {@link Tensor} operation, one entry of this table each, under a
 * comment giving its local derivative. In every rule, {@code g} is ∂root/∂out, the gradient that
 * reached the operation's output, {@code out} is that output, and a, b are its operands
 * ({@code out.parent(0)}, {@code out.parent(1)}). Products such as g ⊙ ∂out/∂a are element-wise
 * unless the rule's comment gives a matrix product.
 */
final class Derivatives {

    private Derivatives() {
    }

    // d(a + b)/da = 1, d(a + b)/db = 1
    static final BackwardRule ADD = (out, g) -> {
        sendSummed(a(out), g);
        sendSummed(b(out), g);
    };

    // d(a − b)/da = 1, d(a − b)/db = −1
    static final BackwardRule SUBTRACT = (out, g) -> {
        sendSummed(a(out), g);
        send(b(out), () -> Broadcasting.sumToShape(g, b(out).value()).scale(-1.0));
    };

    // d(a ⊙ b)/da = b, d(a ⊙ b)/db = a
    static final BackwardRule MULTIPLY = (out, g) -> {
        send(a(out), () -> product(g, b(out), a(out)));
        send(b(out), () -> product(g, a(out), b(out)));
    };

    // d(a / b)/da = 1/b, d(a / b)/db = −a/b²
    static final BackwardRule DIVIDE = (out, g) -> {
        Matrix denominator = b(out).value();
        send(a(out), () -> Broadcasting.sumToShape(
                Broadcasting.zip("divide backward", g, denominator, (gi, bi) -> gi / bi), a(out).value()));
        // −a/b² = −(a/b)/b, and a/b is the output already computed
        send(b(out), () -> Broadcasting.sumToShape(Broadcasting.zip("divide backward",
                g.hadamard(out.value()), denominator, (gq, bi) -> -gq / bi), denominator));
    };

    // d(−a)/da = −1
    static final BackwardRule NEGATE = (out, g) -> send(a(out), () -> g.scale(-1.0));

    // d(c·a)/da = c
    static BackwardRule scale(double c) {
        return (out, g) -> send(a(out), () -> g.scale(c));
    }

    // d(a + c)/da = 1
    static final BackwardRule ADD_CONSTANT = (out, g) -> sendSummed(a(out), g);

    // d(A·B)/dA = G·Bᵀ, d(A·B)/dB = Aᵀ·G, for the matrix product and G = ∂root/∂(A·B)
    static final BackwardRule MATMUL = (out, g) -> {
        sendInto(a(out), buffer -> g.multiplyTranspose(b(out).value(), buffer));
        sendInto(b(out), buffer -> a(out).value().transposeMultiply(g, buffer));
    };

    // d(aᵀ)/da: the gradient is transposed back, Gᵀ
    static final BackwardRule TRANSPOSE = (out, g) -> send(a(out), g::transpose);

    // d(Σ a)/daᵢⱼ = 1: the scalar gradient reaches every entry
    static final BackwardRule SUM = (out, g) -> send(a(out), () -> expandTo(g, a(out)));

    // d(Σⱼ aᵢⱼ)/daᵢⱼ = 1: each row's gradient reaches every entry of that row
    static final BackwardRule ROW_SUM = (out, g) -> send(a(out), () -> expandTo(g, a(out)));

    // d(Σᵢ aᵢⱼ)/daᵢⱼ = 1: each column's gradient reaches every entry of that column
    static final BackwardRule COLUMN_SUM = (out, g) -> send(a(out), () -> expandTo(g, a(out)));

    // d(mean a)/daᵢⱼ = 1/(rows·cols)
    static final BackwardRule MEAN = (out, g) -> send(a(out),
            () -> expandTo(g, a(out)).scaleInPlace(1.0 / a(out).value().size()));

    // d(aᵖ)/da = p·aᵖ⁻¹
    static BackwardRule pow(double p) {
        return (out, g) -> send(a(out), () -> a(out).value().zipWith("pow backward", g,
                (ai, gi) -> gi * p * Math.pow(ai, p - 1.0)));
    }

    // d(eᵃ)/da = eᵃ, the output itself
    static final BackwardRule EXP = (out, g) -> send(a(out), () -> g.hadamard(out.value()));

    // d(ln a)/da = 1/a
    static final BackwardRule LOG = (out, g) -> send(a(out),
            () -> g.zipWith("log backward", a(out).value(), (gi, ai) -> gi / ai));

    // dσ(a)/da = σ(a)(1 − σ(a)), from the output s = σ(a)
    static final BackwardRule SIGMOID = (out, g) -> send(a(out),
            () -> g.zipWith("sigmoid backward", out.value(), (gi, s) -> gi * s * (1.0 - s)));

    // d(tanh a)/da = 1 − tanh²(a), from the output t = tanh(a)
    static final BackwardRule TANH = (out, g) -> send(a(out),
            () -> g.zipWith("tanh backward", out.value(), (gi, t) -> gi * (1.0 - t * t)));

    // d(max(0, a))/da = 1 where a > 0, else 0 (0 at the kink a = 0)
    static final BackwardRule RELU = (out, g) -> send(a(out),
            () -> g.zipWith("relu backward", a(out).value(), (gi, ai) -> ai > 0.0 ? gi : 0.0));

    // dsᵢ/daₖ = sᵢ(δᵢₖ − sₖ) in each column, so the Jacobian-vector product is s ⊙ (g − Σₖ sₖgₖ)
    static final BackwardRule SOFTMAX = (out, g) -> send(a(out), () -> {
        Matrix s = out.value();
        Matrix sg = s.hadamard(g);
        return Broadcasting.zip("softmax backward", g, sg.columnSum(), (gi, dot) -> gi - dot).hadamard(s);
    });

    // d(ln sᵢ)/daₖ = δᵢₖ − sₖ in each column, so the product is g − s ⊙ Σᵢ gᵢ, with s = e^out
    static final BackwardRule LOG_SOFTMAX = (out, g) -> send(a(out), () -> {
        Matrix s = out.value().map(Math::exp);
        Matrix sTimesColumnSum = Broadcasting.zip("logSoftmax backward", s, g.columnSum(), (si, sum) -> si * sum);
        return g.subtract(sTimesColumnSum);
    });

    private static Tensor a(Tensor out) {
        return out.parent(0);
    }

    private static Tensor b(Tensor out) {
        return out.parent(1);
    }

    /** g ⊙ other, summed back to the shape of {@code target} if the forward pass broadcast it. */
    private static Matrix product(Matrix g, Tensor other, Tensor target) {
        Matrix full = Broadcasting.zip("multiply backward", g, other.value(), (gi, oi) -> gi * oi);
        return Broadcasting.sumToShape(full, target.value());
    }

    /** Repeats g, the gradient of a reduction, over the shape of its operand. */
    private static Matrix expandTo(Matrix g, Tensor operand) {
        return Broadcasting.expand(g, operand.value().rows(), operand.value().cols());
    }

    /** Adds a newly computed contribution to the parent's gradient; computes it only if needed. */
    private static void send(Tensor parent, Supplier<Matrix> contribution) {
        if (parent.requiresGrad()) {
            parent.accumulate(contribution.get(), true);
        }
    }

    /**
     * Computes a contribution into a buffer from the parent, which reuses the gradient matrix of
     * an earlier pass where it can, and adds it to the parent's gradient. Computes nothing when
     * the parent requires no gradient.
     */
    private static void sendInto(Tensor parent, UnaryOperator<Matrix> contributionInto) {
        if (parent.requiresGrad()) {
            parent.accumulate(contributionInto.apply(parent.gradBuffer()), true);
        }
    }

    /**
     * Sends g to an operand of an element-wise operation with derivative 1. If the forward pass
     * broadcast the operand, every repeated copy of it received its own share of g, so the shares
     * are summed back into the operand's shape. Otherwise g goes on unchanged. Because the output
     * still keeps that matrix as its own gradient, the parent must copy it before adding to it.
     */
    private static void sendSummed(Tensor parent, Matrix g) {
        if (parent.requiresGrad()) {
            Matrix summed = Broadcasting.sumToShape(g, parent.value());
            parent.accumulate(summed, summed != g);
        }
    }
}
