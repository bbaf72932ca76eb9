package nabla.check;

import nabla.core.Activation;
import nabla.core.Activations;
import nabla.core.Cost;
import nabla.core.Costs;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * QuickTheories sources of random {@link CheckCase}s, so that a property test of a hand-derived
 * backprop takes a few lines:
 *
 * <pre>{@code
 * qt().withExamples(50)
 *     .forAll(CheckCases.small())
 *     .checkAssert(c -> GradientAssertions.assertBackpropCorrect(myBackprop, c));
 * }</pre>
 *
 * <p>A failing case shrinks towards fewer layers, fewer neurons and smaller batches. QuickTheories
 * must be on the test class path; nabla declares it as an optional dependency.
 */
public final class CheckCases {

    private CheckCases() {
    }

    /** Sigmoid networks with the quadratic cost: 2 to 4 layer sizes of 1 to 8 neurons, batches of 1 to 6. */
    public static Gen<CheckCase> small() {
        return of(Activations.SIGMOID, Activations.SIGMOID, Costs.QUADRATIC, 8, 6);
    }

    /**
     * Networks with the given functions, 2 to 4 layer sizes (input included) of 1 to
     * {@code maxNeurons} neurons, and
     * batches of 1 to {@code maxBatch} examples; the output layer has at least 2 neurons where the
     * output activation is not element-wise (softmax).
     */
    public static Gen<CheckCase> of(Activation hidden, Activation output, Cost cost, int maxNeurons, int maxBatch) {
        Gen<int[]> usable = SourceDSL.arrays().ofIntegers(SourceDSL.integers().between(1, maxNeurons))
                .withLengthBetween(2, 4)
                .map(boxed -> {
                    int[] s = new int[boxed.length];
                    for (int k = 0; k < s.length; k++) {
                        s[k] = boxed[k];
                    }
                    if (!output.isElementwise() && s[s.length - 1] < 2) {
                        s[s.length - 1] = 2;
                    }
                    return s;
                });
        return usable.zip(SourceDSL.integers().between(1, maxBatch), SourceDSL.longs().all(),
                (s, batch, seed) -> CheckCase.random(s, batch, seed, hidden, output, cost));
    }
}
