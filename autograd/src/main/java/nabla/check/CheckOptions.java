package nabla.check;

/**
 * Settings of a gradient check.
 *
 * @param step h, the finite-difference step added to each parameter
 * @param differences central or forward differences
 * @param samplesPerLayer how many weights and how many biases of each layer to check by finite
 *     differences, chosen at random; 0 checks every parameter
 * @param seed seeds the choice of sampled parameters
 */
public record CheckOptions(double step, Differences differences, int samplesPerLayer, long seed) {

    /**
     * Default step for central differences. Their error is about h²·|C'''|/6 from truncation plus
     * ε·|C|/h from rounding (ε ≈ 1.1e-16); h = 1e-5 keeps both near 1e-11 for costs of order 1.
     */
    public static final double DEFAULT_CENTRAL_STEP = 1e-5;

    /**
     * Default step for forward differences, whose truncation error is h·|C''|/2: h = 1e-7 balances
     * it against the rounding error ε·|C|/h at about 1e-8.
     */
    public static final double DEFAULT_FORWARD_STEP = 1e-7;

    public CheckOptions {
        if (!(step > 0.0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("finite-difference step h = " + step
                    + ": it must be a finite number greater than 0, such as 1e-5");
        }
        if (samplesPerLayer < 0) {
            throw new IllegalArgumentException("samples per layer " + samplesPerLayer
                    + ": use a positive count, or 0 to check every parameter");
        }
    }

    /** Central differences with h = 1e-5 over every parameter. */
    public static CheckOptions defaults() {
        return new CheckOptions(DEFAULT_CENTRAL_STEP, Differences.CENTRAL, 0, 1L);
    }

    public CheckOptions withStep(double newStep) {
        return new CheckOptions(newStep, differences, samplesPerLayer, seed);
    }

    /** Switches the method, taking its default step. */
    public CheckOptions withDifferences(Differences newDifferences) {
        double newStep = newDifferences == Differences.CENTRAL ? DEFAULT_CENTRAL_STEP : DEFAULT_FORWARD_STEP;
        return new CheckOptions(newStep, newDifferences, samplesPerLayer, seed);
    }

    public CheckOptions withSamplesPerLayer(int count) {
        return new CheckOptions(step, differences, count, seed);
    }

    public CheckOptions withSeed(long newSeed) {
        return new CheckOptions(step, differences, samplesPerLayer, newSeed);
    }

    /** True when every parameter is checked by finite differences. */
    public boolean checksAllParameters() {
        return samplesPerLayer == 0;
    }
}
