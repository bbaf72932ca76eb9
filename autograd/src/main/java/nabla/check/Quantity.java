package nabla.check;

import nabla.core.Equation;

/** A per-layer quantity that backprop computes and the check compares. */
public enum Quantity {
    /** δˡ = ∂Cₓ/∂zˡ for each example: computed by BP1 at the output layer and BP2 below it. */
    DELTA("δ"),
    /** ∂C/∂bˡ, computed by BP3. */
    BIAS_GRADIENT("∂C/∂b"),
    /** ∂C/∂wˡ, computed by BP4. */
    WEIGHT_GRADIENT("∂C/∂w");

    private final String symbol;

    Quantity(String symbol) {
        this.symbol = symbol;
    }

    /** The quantity's symbol, such as ∂C/∂w. */
    public String symbol() {
        return symbol;
    }

    /** Returns the equation that computes this quantity at layer l of a network with L layers. */
    public Equation equation(int l, int layers) {
        return switch (this) {
            case DELTA -> l == layers ? Equation.BP1 : Equation.BP2;
            case BIAS_GRADIENT -> Equation.BP3;
            case WEIGHT_GRADIENT -> Equation.BP4;
        };
    }
}
