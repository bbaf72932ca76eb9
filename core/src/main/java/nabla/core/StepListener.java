package nabla.core;

/**
 * Receives each step of a hand-coded backprop right after it is evaluated, in the order the
 * backprop runs them; {@code nabla.trace.BackpropTrace} turns them into a schematic of the
 * forward and backward pass. A backprop made without a listener skips the call and builds no
 * {@link BackpropStep}.
 */
@FunctionalInterface
public interface StepListener {

    /** Called once per step; must not modify the step's matrices. */
    void stepEvaluated(BackpropStep step);
}
