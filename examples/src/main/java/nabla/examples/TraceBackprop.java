package nabla.examples;

import nabla.check.CheckCase;
import nabla.trace.BackpropTrace;
import nabla.trace.TraceStep;

/**
 * Prints the schematic of backprop on Network([784, 30, 10]) for a batch of 10 examples, first
 * in the mini-batch form, then one example at a time, and reads one step's shapes through the
 * API. Run it with {@code java -cp examples/target/nabla.jar nabla.examples.TraceBackprop}.
 */
public final class TraceBackprop {

    private TraceBackprop() {
    }

    public static void main(String[] args) {
        // A random network, 10 inputs in [0, 1) and one-hot targets, all from seed 1.
        CheckCase batch = CheckCase.random(new int[] {784, 30, 10}, 10, 1L);

        BackpropTrace miniBatch = BackpropTrace.run(BackpropTrace.Form.MINI_BATCH, batch.network(), batch.x(), batch.y());
        System.out.println(miniBatch.table());

        BackpropTrace perExample = BackpropTrace.run(BackpropTrace.Form.PER_EXAMPLE, batch.network(), batch.x(), batch.y());
        System.out.println(perExample.table());

        // The last step of the mini-batch run is BP4 at the output layer.
        TraceStep last = miniBatch.steps().get(miniBatch.steps().size() - 1);
        System.out.printf("The last step, %s, reads %s and returns %s, the shape of ∂C/∂w² in the gradient: %s%n",
                last.expression(), last.operands(), last.result(), miniBatch.gradient().nablaW(2).shape());
    }
}
