package nabla.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nabla.core.Network;
import nabla.data.Dataset;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    /** Summing chunk means in another order than one mean over all columns changes the last bits only. */
    private static final double ROUNDING = 1e-12;

    @Test
    void meanCostEqualsCostOfWholeBatch() {
        // 2,500 examples: two full chunks of 1,000 and a partial one of 500
        int examples = 2_500;
        int pixels = 6;
        byte[] images = new byte[examples * pixels];
        byte[] labels = new byte[examples];
        for (int k = 0; k < images.length; k++) {
            images[k] = (byte) ((k * 37) % 256);
        }
        for (int k = 0; k < examples; k++) {
            labels[k] = (byte) (k % 3);
        }
        Dataset data = new Dataset("generated", images, labels, pixels, 3);
        Network network = new Network(new int[] {pixels, 4, 3}, 5);
        int[] all = data.identityOrder();

        double whole = network.cost(data.inputs(all, 0, examples), data.targets(all, 0, examples, 3));

        assertEquals(whole, Evaluation.meanCost(network, data), ROUNDING * whole);
    }
}
