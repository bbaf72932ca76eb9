package nabla.core;

/** The steps of backprop, each with the expression it evaluates. */
public enum Equation {
    FORWARD("z = wa + b, a = σ(z)"),
    BP1("δᴸ = ∇ₐC ⊙ σ'(zᴸ)"),
    BP2("δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ'(zˡ)"),
    BP3("∂C/∂bˡ = δˡ"),
    BP4("∂C/∂wˡ = δˡ (aˡ⁻¹)ᵀ");

    private final String formula;

    Equation(String formula) {
        this.formula = formula;
    }

    /** The expression this step evaluates, in the notation of Nielsen's Neural Networks and Deep Learning. */
    public String formula() {
        return formula;
    }
}
