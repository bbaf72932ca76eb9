package nabla.check;

/** The formula by which a finite difference estimates ∂C/∂θ from the cost at perturbed parameters. */
public enum Differences {
    /** (C(θ + h) − C(θ − h)) / 2h: error O(h²), two cost evaluations per parameter. */
    CENTRAL,
    /** (C(θ + h) − C(θ)) / h: error O(h), one cost evaluation per parameter. */
    FORWARD
}
