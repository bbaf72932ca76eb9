package nabla.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** The built-in cost functions, and lookup by the name used on the command line. */
public final class Costs {

    /**
     * Floor for a and 1 − a inside logarithms and quotients, so that a saturated output (a = 0 or
     * a = 1 exactly) gives a large finite cost instead of infinity or NaN.
     */
    private static final double FLOOR = Double.MIN_NORMAL;

    /** The quadratic cost Cₓ = ½‖a − y‖², with ∇ₐCₓ = a − y. */
    public static final Cost QUADRATIC = new Named("quadratic") {
        @Override
        public double value(Matrix a, Matrix y) {
            a.requireSameShape("quadratic cost", y);
            double sum = 0.0;
            double[] av = a.data();
            double[] yv = y.data();
            for (int k = 0; k < av.length; k++) {
                double d = av[k] - yv[k];
                sum += d * d;
            }
            return 0.5 * sum / a.cols();
        }

        @Override
        public Matrix gradient(Matrix a, Matrix y) {
            // ∇ₐCₓ = a − y
            return a.subtract(y);
        }

        @Override
        public <T> T expression(GraphOps<T> ops, T a, T y) {
            // (1/m) Σ ½ (a − y)²
            return ops.scale(ops.sum(ops.pow(ops.subtract(a, y), 2.0)), 0.5 / ops.columns(a));
        }
    };

    /**
     * The cross-entropy cost Cₓ = −Σⱼ [yⱼ ln aⱼ + (1 − yⱼ) ln(1 − aⱼ)], with
     * ∇ₐCₓ = (a − y) / (a(1 − a)). After a sigmoid output, δᴸ = a − y exactly, which stays finite
     * where a saturates at 0 or 1.
     */
    public static final Cost CROSS_ENTROPY = new Named("cross-entropy") {
        @Override
        public double value(Matrix a, Matrix y) {
            a.requireSameShape("cross-entropy cost", y);
            double sum = 0.0;
            double[] av = a.data();
            double[] yv = y.data();
            for (int k = 0; k < av.length; k++) {
                sum -= xLogY(yv[k], av[k]) + xLogY(1.0 - yv[k], 1.0 - av[k]);
            }
            return sum / a.cols();
        }

        @Override
        public Matrix gradient(Matrix a, Matrix y) {
            // ∇ₐCₓ = (a − y) / (a(1 − a))
            return a.zipWith("cross-entropy gradient", y,
                    (ai, yi) -> (ai - yi) / Math.max(ai * (1.0 - ai), FLOOR));
        }

        @Override
        public boolean supportsOutput(Activation output) {
            // ln a and ln(1 − a) need outputs strictly between 0 and 1.
            return output == Activations.SIGMOID;
        }

        @Override
        public Matrix outputError(Matrix z, Matrix a, Matrix y, Activation output) {
            if (output == Activations.SIGMOID) {
                // BP1 with σ'(z) = a(1 − a) cancelling the denominator of ∇ₐC: δᴸ = a − y
                return a.subtract(y);
            }
            return chainRuleOutputError(z, a, y, output);
        }

        @Override
        public double value(Matrix z, Matrix a, Matrix y, Activation output) {
            if (output != Activations.SIGMOID) {
                return value(a, y);
            }
            z.requireSameShape("cross-entropy cost", y);
            // With a = σ(z): −y ln σ(z) − (1 − y) ln(1 − σ(z)) = softplus(z) − y·z, exact for any z.
            double sum = 0.0;
            double[] zv = z.data();
            double[] yv = y.data();
            for (int k = 0; k < zv.length; k++) {
                sum += Activations.SOFTPLUS.value(zv[k]) - yv[k] * zv[k];
            }
            return sum / z.cols();
        }

        @Override
        public <T> T expression(GraphOps<T> ops, T z, T a, T y, Activation output) {
            if (output != Activations.SIGMOID) {
                return expression(ops, a, y);
            }
            // (1/m) Σ [softplus(z) − y·z], the same cost without ln of a saturated σ(z)
            T perEntry = ops.subtract(Activations.SOFTPLUS.expression(ops, z), ops.multiply(y, z));
            return ops.scale(ops.sum(perEntry), 1.0 / ops.columns(z));
        }

        @Override
        public <T> T expression(GraphOps<T> ops, T a, T y) {
            // −(1/m) Σ [y ln a + (1 − y) ln(1 − a)]
            T oneMinusY = ops.addScalar(ops.negate(y), 1.0);
            T oneMinusA = ops.addScalar(ops.negate(a), 1.0);
            T perEntry = ops.add(ops.multiply(y, ops.log(a)), ops.multiply(oneMinusY, ops.log(oneMinusA)));
            return ops.scale(ops.sum(perEntry), -1.0 / ops.columns(a));
        }
    };

    /**
     * The log-likelihood cost Cₓ = −Σⱼ yⱼ ln aⱼ (−ln of the probability given to the true class
     * when y is one-hot), with ∇ₐCₓ = −y / a. After a softmax output, δᴸ = a − y.
     */
    public static final Cost LOG_LIKELIHOOD = new Named("log-likelihood") {
        @Override
        public double value(Matrix a, Matrix y) {
            a.requireSameShape("log-likelihood cost", y);
            double sum = 0.0;
            double[] av = a.data();
            double[] yv = y.data();
            for (int k = 0; k < av.length; k++) {
                sum -= xLogY(yv[k], av[k]);
            }
            return sum / a.cols();
        }

        @Override
        public Matrix gradient(Matrix a, Matrix y) {
            // ∇ₐCₓ = −y / a
            return a.zipWith("log-likelihood gradient", y, (ai, yi) -> -yi / Math.max(ai, FLOOR));
        }

        @Override
        public Matrix outputError(Matrix z, Matrix a, Matrix y, Activation output) {
            if (output == Activations.SOFTMAX) {
                // BP1 through the softmax Jacobian, for targets that sum to 1: δᴸ = a − y
                return a.subtract(y);
            }
            return chainRuleOutputError(z, a, y, output);
        }

        @Override
        public boolean supportsOutput(Activation output) {
            // ln a needs positive outputs, and −Σ y ln a is a log-likelihood only when they sum to 1.
            return output == Activations.SOFTMAX;
        }

        @Override
        public double value(Matrix z, Matrix a, Matrix y, Activation output) {
            if (output != Activations.SOFTMAX) {
                return value(a, y);
            }
            // With a = softmax(z): −Σ y ln a = −Σ y·logsoftmax(z), finite however small a is.
            Matrix logA = Activations.logSoftmaxColumns(z);
            logA.requireSameShape("log-likelihood cost", y);
            double sum = 0.0;
            double[] lv = logA.data();
            double[] yv = y.data();
            for (int k = 0; k < lv.length; k++) {
                if (yv[k] != 0.0) {
                    sum -= yv[k] * lv[k];
                }
            }
            return sum / z.cols();
        }

        @Override
        public <T> T expression(GraphOps<T> ops, T z, T a, T y, Activation output) {
            if (output != Activations.SOFTMAX) {
                return expression(ops, a, y);
            }
            // −(1/m) Σ y·logsoftmax(z)
            return ops.scale(ops.sum(ops.multiply(y, ops.logSoftmax(z))), -1.0 / ops.columns(z));
        }

        @Override
        public <T> T expression(GraphOps<T> ops, T a, T y) {
            // −(1/m) Σ y ln a
            return ops.scale(ops.sum(ops.multiply(y, ops.log(a))), -1.0 / ops.columns(a));
        }
    };

    /** Text naming the output layer that each built-in cost follows, for error messages. */
    public static final String PAIRINGS = "cross-entropy needs a sigmoid output, log-likelihood a softmax "
            + "output, and quadratic any element-wise output";

    private static final Map<String, Cost> BY_NAME = new LinkedHashMap<>();

    static {
        for (Cost c : new Cost[] {QUADRATIC, CROSS_ENTROPY, LOG_LIKELIHOOD}) {
            BY_NAME.put(c.name(), c);
        }
    }

    private Costs() {
    }

    /** Returns the built-in cost called {@code name}, or throws listing the known names. */
    public static Cost named(String name) {
        Cost cost = BY_NAME.get(name);
        if (cost == null) {
            throw new IllegalArgumentException("unknown cost '" + name + "'; known: "
                    + String.join(", ", BY_NAME.keySet()));
        }
        return cost;
    }

    /** Names of the built-in costs, in a fixed order. */
    public static Iterable<String> names() {
        return BY_NAME.keySet();
    }

    /** x ln y, taken as 0 when x is 0 and with y floored so that it stays finite. */
    private static double xLogY(double x, double y) {
        return x == 0.0 ? 0.0 : x * Math.log(Math.max(y, FLOOR));
    }

    /** Base for the built-ins: stores the name and prints it. */
    private abstract static class Named implements Cost {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        /** The general BP1, δᴸ = ∇ₐC ⊙ σ'(zᴸ), for outputs without a shortcut. */
        Matrix chainRuleOutputError(Matrix z, Matrix a, Matrix y, Activation output) {
            return Cost.super.outputError(z, a, y, output);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
