package nabla.examples;

import nabla.check.CheckCase;
import nabla.check.CheckOptions;
import nabla.check.GradientChecker;
import nabla.check.GradientReport;
import nabla.core.Activation;
import nabla.core.Costs;
import nabla.core.GraphOps;
import nabla.core.MiniBatchBackprop;

/**
 * Adds an activation to nabla and checks its hand-derived derivative. Run it with
 * {@code java -cp examples/target/nabla.jar nabla.examples.AddAnActivation}.
 *
 * <p>The activation is softsign, σ(z) = z / (1 + |z|), whose derivative is σ'(z) = 1 / (1 + |z|)².
 * The first version omits the square, and the gradient check blames BP2 at the hidden layer, where
 * σ' enters. The second version is right and passes.
 */
public final class AddAnActivation {

    private AddAnActivation() {
    }

    /** Softsign, with the derivative right or with its square forgotten. */
    static final class Softsign implements Activation {
        private final boolean squareForgotten;

        Softsign(boolean squareForgotten) {
            this.squareForgotten = squareForgotten;
        }

        @Override
        public String name() {
            return "softsign";
        }

        @Override
        public double value(double z) {
            return z / (1.0 + Math.abs(z));
        }

        @Override
        public double derivative(double z) {
            double denominator = 1.0 + Math.abs(z);
            return squareForgotten ? 1.0 / denominator : 1.0 / (denominator * denominator);
        }

        @Override
        public <T> T expression(GraphOps<T> ops, T z) {
            // z / (1 + |z|), with |z| = relu(z) + relu(−z)
            T abs = ops.add(ops.relu(z), ops.relu(ops.negate(z)));
            return ops.divide(z, ops.addScalar(abs, 1.0));
        }
    }

    public static void main(String[] args) {
        GradientChecker checker = GradientChecker.withGraph(CheckOptions.defaults());
        for (boolean squareForgotten : new boolean[] {true, false}) {
            Activation softsign = new Softsign(squareForgotten);
            // Softsign in the hidden layers, sigmoid at the output, quadratic cost.
            CheckCase batch = CheckCase.random(new int[] {20, 12, 10}, 8, 1L, softsign,
                    nabla.core.Activations.SIGMOID, Costs.QUADRATIC);

            System.out.println(squareForgotten
                    ? "1. softsign with σ'(z) = 1 / (1 + |z|), the square forgotten:"
                    : "2. softsign with σ'(z) = 1 / (1 + |z|)²:");
            GradientReport report = checker.check(new MiniBatchBackprop(), batch.network(), batch.x(), batch.y());
            System.out.println(report.table());
        }
    }
}
