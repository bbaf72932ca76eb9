package nabla.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** The built-in activation functions, and lookup by the name used on the command line. */
public final class Activations {

    /** The logistic function σ(z) = 1 / (1 + e⁻ᶻ); σ'(z) = σ(z)(1 − σ(z)). */
    public static final Activation SIGMOID = new Elementwise("sigmoid") {
        @Override
        public double value(double z) {
            return sigmoid(z);
        }

        @Override
        public double derivative(double z) {
            double s = sigmoid(z);
            return s * (1.0 - s);
        }

        @Override
        public <T> T expression(GraphOps<T> ops, T z) {
            return ops.sigmoid(z);
        }

        // The matrix forms loop directly, without a call through a function object per entry.
        @Override
        public Matrix apply(Matrix z) {
            Matrix out = Matrix.zeros(z.rows(), z.cols());
            double[] in = z.data();
            double[] values = out.data();
            for (int k = 0; k < in.length; k++) {
                values[k] = sigmoid(in[k]);
            }
            return out;
        }

        @Override
        public Matrix derivative(Matrix z) {
            Matrix out = Matrix.zeros(z.rows(), z.cols());
            double[] in = z.data();
            double[] values = out.data();
            for (int k = 0; k < in.length; k++) {
                values[k] = derivative(in[k]);
            }
            return out;
        }

        // σ'(z) = a(1 − a) for a = σ(z): the same arithmetic as derivative(z), without σ again
        @Override
        public Matrix derivative(Matrix z, Matrix a) {
            z.requireSameShape("sigmoid derivative", a);
            Matrix out = Matrix.zeros(a.rows(), a.cols());
            double[] s = a.data();
            double[] values = out.data();
            for (int k = 0; k < s.length; k++) {
                values[k] = s[k] * (1.0 - s[k]);
            }
            return out;
        }
    };

    /** tanh(z); tanh'(z) = 1 − tanh²(z). */
    public static final Activation TANH = new Elementwise("tanh") {
        @Override
        public double value(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 1.0 - t * t;
        }

        @Override
        public <T> T expression(GraphOps<T> ops, T z) {
            return ops.tanh(z);
        }
    };

    /** max(0, z); its derivative is 1 for z &gt; 0 and 0 otherwise, taking 0 at the kink z = 0. */
    public static final Activation RELU = new Kinked("relu") {
        @Override
        public double value(double z) {
            return z > 0.0 ? z : 0.0;
        }

        @Override
        public double derivative(double z) {
            return z > 0.0 ? 1.0 : 0.0;
        }

        @Override
        public <T> T expression(GraphOps<T> ops, T z) {
            return ops.relu(z);
        }
    };

    /** Slope of the leaky relu for negative inputs. */
    public static final double LEAKY_RELU_SLOPE = 0.01;

    /** z for z &gt; 0 and 0.01·z otherwise; the derivative is 1 or 0.01, taking 0.01 at z = 0. */
    public static final Activation LEAKY_RELU = new Kinked("leaky-relu") {
        @Override
        public double value(double z) {
            return z > 0.0 ? z : LEAKY_RELU_SLOPE * z;
        }

        @Override
        public double derivative(double z) {
            return z > 0.0 ? 1.0 : LEAKY_RELU_SLOPE;
        }

        @Override
        public <T> T expression(GraphOps<T> ops, T z) {
            // relu(z) − α·relu(−z)
            return ops.subtract(ops.relu(z), ops.scale(ops.relu(ops.negate(z)), LEAKY_RELU_SLOPE));
        }
    };

    /** softplus(z) = ln(1 + eᶻ), a smooth relu; softplus'(z) = σ(z). */
    public static final Activation SOFTPLUS = new Elementwise("softplus") {
        @Override
        public double value(double z) {
            // max(z, 0) + ln(1 + e^−|z|) never overflows.
            return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
        }

        @Override
        public double derivative(double z) {
            return sigmoid(z);
        }

        @Override
        public <T> T expression(GraphOps<T> ops, T z) {
            // relu(z) + ln(1 + e^−|z|), with |z| = relu(z) + relu(−z)
            T abs = ops.add(ops.relu(z), ops.relu(ops.negate(z)));
            return ops.add(ops.relu(z), ops.log(ops.addScalar(ops.exp(ops.negate(abs)), 1.0)));
        }
    };

    /** SiLU (swish) z·σ(z); its derivative is σ(z)(1 + z(1 − σ(z))). */
    public static final Activation SILU = new Elementwise("silu") {
        @Override
        public double value(double z) {
            return z * sigmoid(z);
        }

        @Override
        public double derivative(double z) {
            double s = sigmoid(z);
            return s * (1.0 + z * (1.0 - s));
        }

        @Override
        public <T> T expression(GraphOps<T> ops, T z) {
            return ops.multiply(z, ops.sigmoid(z));
        }
    };

    /** The identity σ(z) = z, with σ'(z) = 1: a linear layer. */
    public static final Activation IDENTITY = new Elementwise("identity") {
        @Override
        public double value(double z) {
            return z;
        }

        @Override
        public double derivative(double z) {
            return 1.0;
        }

        @Override
        public <T> T expression(GraphOps<T> ops, T z) {
            return z;
        }
    };

    /**
     * Softmax over each column, aⱼ = e^zⱼ / Σₖ e^zₖ. It mixes the entries of a column, so it has
     * no element-wise σ'(z): it serves only as an output layer, with a cost that supplies
     * δᴸ directly (log-likelihood, δᴸ = a − y).
     */
    public static final Activation SOFTMAX = new Activation() {
        @Override
        public String name() {
            return "softmax";
        }

        @Override
        public double value(double z) {
            throw notElementwise();
        }

        @Override
        public double derivative(double z) {
            throw notElementwise();
        }

        @Override
        public Matrix apply(Matrix z) {
            return softmaxColumns(z);
        }

        @Override
        public Matrix derivative(Matrix z) {
            throw notElementwise();
        }

        @Override
        public boolean isElementwise() {
            return false;
        }

        @Override
        public <T> T expression(GraphOps<T> ops, T z) {
            return ops.softmax(z);
        }

        private UnsupportedOperationException notElementwise() {
            return new UnsupportedOperationException("softmax has no element-wise value or σ'(z); "
                    + "use it as the output layer with the log-likelihood cost, whose δᴸ = a − y");
        }

        @Override
        public String toString() {
            return name();
        }
    };

    private static final Map<String, Activation> BY_NAME = new LinkedHashMap<>();

    static {
        for (Activation a : new Activation[] {SIGMOID, TANH, RELU, LEAKY_RELU, SOFTPLUS, SILU,
                IDENTITY, SOFTMAX}) {
            BY_NAME.put(a.name(), a);
        }
    }

    private Activations() {
    }

    /** Returns the built-in activation called {@code name}, or throws listing the known names. */
    public static Activation named(String name) {
        Activation activation = BY_NAME.get(name);
        if (activation == null) {
            throw new IllegalArgumentException("unknown activation '" + name + "'; known: "
                    + String.join(", ", BY_NAME.keySet()));
        }
        return activation;
    }

    /** Names of the built-in activations, in a fixed order. */
    public static Iterable<String> names() {
        return BY_NAME.keySet();
    }

    /**
     * The logistic function, computed so that it never overflows: σ(−1000) is 0.0, σ(1000) is 1.0,
     * and neither is NaN.
     */
    public static double sigmoid(double z) {
        if (z >= 0.0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** Softmax of each column of z, shifted by the column maximum so that no exponent overflows. */
    public static Matrix softmaxColumns(Matrix z) {
        Matrix out = logSoftmaxColumns(z);
        double[] data = out.data();
        for (int k = 0; k < data.length; k++) {
            data[k] = Math.exp(data[k]);
        }
        return out;
    }

    /** ln softmax of each column: zⱼ − max − ln Σₖ e^(zₖ − max). */
    public static Matrix logSoftmaxColumns(Matrix z) {
        int rows = z.rows();
        int cols = z.cols();
        Matrix out = Matrix.zeros(rows, cols);
        double[] in = z.data();
        double[] data = out.data();
        for (int j = 0; j < cols; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < rows; i++) {
                max = Math.max(max, in[i * cols + j]);
            }
            double sum = 0.0;
            for (int i = 0; i < rows; i++) {
                sum += Math.exp(in[i * cols + j] - max);
            }
            double logSum = max + Math.log(sum);
            for (int i = 0; i < rows; i++) {
                data[i * cols + j] = in[i * cols + j] - logSum;
            }
        }
        return out;
    }

    /** Base for element-wise built-ins: stores the name and prints it. */
    private abstract static class Elementwise implements Activation {
        private final String name;

        Elementwise(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Base for activations with a kink at z = 0, where finite differences measure no slope. */
    private abstract static class Kinked extends Elementwise {
        Kinked(String name) {
            super(name);
        }

        @Override
        public boolean isNonDifferentiableNear(double z, double step) {
            return Math.abs(z) <= step;
        }
    }
}
