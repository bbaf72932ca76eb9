package nabla.core;

/**
 * Thrown when one step of the hand-coded backprop fails, such as a matrix product with
 * mismatched shapes. It names the equation and the layer, and carries the original failure as
 * its cause.
 */
public class BackpropStepException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Equation equation;
    private final int layer;

    public BackpropStepException(Equation equation, int layer, RuntimeException cause) {
        super(equation + " at layer " + layer + " (" + equation.formula() + ") failed: " + cause.getMessage(), cause);
        this.equation = equation;
        this.layer = layer;
    }

    public Equation equation() {
        return equation;
    }

    public int layer() {
        return layer;
    }
}
