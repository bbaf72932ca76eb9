package nabla.check;

import java.util.Set;
import nabla.core.Backprop;
import nabla.core.Equation;

/**
 * A hand-coded backprop with one classic mistake, and the equations a correct check must blame.
 *
 * @param name a short identifier, such as {@code weight-gradient-over-rows}
 * @param description the mistake in words
 * @param blamed the equations where the mistake sits
 * @param backprop the mistaken implementation
 */
public record Mutant(String name, String description, Set<Equation> blamed, Backprop backprop) {

    public Mutant {
        blamed = Set.copyOf(blamed);
    }
}
