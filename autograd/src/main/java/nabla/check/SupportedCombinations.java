package nabla.check;

import java.util.List;

/**
 * The pairings of built-in activations and costs that the network supports and that the
 * gradient check is tested on: any element-wise activation in the hidden layers, combined with
 * one of the output and cost pairs below.
 */
public final class SupportedCombinations {

    /** Activations allowed in hidden layers: every element-wise built-in. */
    public static final List<String> HIDDEN = List.of("sigmoid", "tanh", "relu", "leaky-relu", "softplus", "silu",
            "identity");

    /**
     * Output activation and cost pairs. Cross-entropy needs outputs in (0, 1), hence sigmoid;
     * log-likelihood follows softmax, with δᴸ = a − y; the quadratic cost follows any
     * element-wise output.
     */
    public static final List<String[]> OUTPUT_AND_COST = List.of(
            new String[] {"sigmoid", "quadratic"},
            new String[] {"tanh", "quadratic"},
            new String[] {"identity", "quadratic"},
            new String[] {"softplus", "quadratic"},
            new String[] {"sigmoid", "cross-entropy"},
            new String[] {"softmax", "log-likelihood"});

    private SupportedCombinations() {
    }
}
