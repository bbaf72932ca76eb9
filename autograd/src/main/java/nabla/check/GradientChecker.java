package nabla.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nabla.autograd.GraphBackprop;
import nabla.core.Backprop;
import nabla.core.BackpropStepException;
import nabla.core.Equation;
import nabla.core.Gradient;
import nabla.core.Matrix;
import nabla.core.Network;

/**
 * Compares a backprop implementation under test with two independent references: the autodiff
 * graph, which differentiates the network's expression generically, and finite differences of
 * the cost.
 *
 * <p>The errors δˡ are compared with the graph's m·∂C/∂zˡ (C is the mean over the m examples, so
 * each column of m·∂C/∂zˡ is one example's ∂Cₓ/∂zˡ); finite differences cannot reach zˡ and
 * check only ∂C/∂bˡ and ∂C/∂wˡ. Each quantity is judged in the order backprop computes it, so a
 * mistake is blamed on the first equation that goes wrong and not on the later ones that only
 * inherit its error: "BP2 at layer 1 disagrees; BP1 agrees".
 */
public final class GradientChecker {

    private final Backprop reference;
    private final CheckOptions options;

    /**
     * Creates a checker.
     *
     * @param reference the trusted gradient, normally the autodiff graph
     * @param options finite-difference settings
     */
    public GradientChecker(Backprop reference, CheckOptions options) {
        this.reference = reference;
        this.options = options;
    }

    /** Creates a checker whose reference is the autodiff graph, {@link GraphBackprop}. */
    public static GradientChecker withGraph(CheckOptions options) {
        return new GradientChecker(new GraphBackprop(), options);
    }

    /**
     * Checks {@code underTest} on one batch and returns the full report. A wrong result, a wrong
     * shape or a RuntimeException thrown by {@code underTest} is reported, not thrown.
     *
     * @param network the network; not modified
     * @param x the inputs, (n⁰×m)
     * @param y the targets, (nᴸ×m)
     * @throws IllegalArgumentException if x or y does not fit the network
     */
    public GradientReport check(Backprop underTest, Network network, Matrix x, Matrix y) {
        Gradient trusted = reference.gradient(network, x, y);

        Gradient tested = null;
        GradientReport.Failure failure = null;
        try {
            tested = underTest.gradient(network, x, y);
            if (tested == null) {
                failure = new GradientReport.Failure(Optional.empty(), 0, "returned null instead of a Gradient");
            } else if (tested.layerCount() != network.layerCount()) {
                failure = new GradientReport.Failure(Optional.empty(), 0, "returned gradients for "
                        + tested.layerCount() + " layers; the network has " + network.layerCount());
                tested = null;
            }
        } catch (BackpropStepException e) {
            String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            failure = new GradientReport.Failure(Optional.of(e.equation()), e.layer(), cause);
        } catch (RuntimeException e) {
            failure = new GradientReport.Failure(Optional.empty(), 0, "threw " + e);
        }

        List<FiniteDifferences.Coordinate> coordinates = FiniteDifferences.coordinates(network, options);
        List<FiniteDifferences.Estimate> estimates = FiniteDifferences.estimate(network, x, y, options, coordinates);

        // Rounding error in C(θ ± h) grows with |C|, so the finite-difference tolerance's absolute
        // floor does too.
        Tolerance differences = Tolerance.forDifferences(options.differences())
                .scaledBy(Math.abs(network.cost(x, y)));
        List<QuantityReport> reports = judge(network, trusted, tested, estimates, differences);
        return new GradientReport(network.toString(), x.cols(), options, reports, Optional.ofNullable(failure));
    }

    private List<QuantityReport> judge(Network network, Gradient trusted, Gradient tested,
            List<FiniteDifferences.Estimate> estimates, Tolerance differences) {
        int layers = network.layerCount();
        Map<Quantity, Verdict[]> verdicts = new EnumMap<>(Quantity.class);
        for (Quantity q : Quantity.values()) {
            verdicts.put(q, new Verdict[layers + 2]);
        }
        List<QuantityReport> reports = new ArrayList<>();

        // δ from the output layer down, as BP1 and BP2 compute it.
        for (int l = layers; l >= 1; l--) {
            Optional<Verdict> upstream = l == layers ? Optional.empty() : Optional.of(verdicts.get(Quantity.DELTA)[l + 1]);
            QuantityReport report = judgeOne(Quantity.DELTA, l, layers, trusted.delta(l),
                    tested == null ? null : tested.delta(l), List.of(), upstream, differences);
            verdicts.get(Quantity.DELTA)[l] = report.verdict();
            reports.add(report);
        }
        // Then ∂C/∂b (BP3) and ∂C/∂w (BP4) of each layer, which depend on that layer's δ.
        for (int l = 1; l <= layers; l++) {
            Optional<Verdict> upstream = Optional.of(verdicts.get(Quantity.DELTA)[l]);
            reports.add(judgeOne(Quantity.BIAS_GRADIENT, l, layers, trusted.nablaB(l),
                    tested == null ? null : tested.nablaB(l), estimates, upstream, differences));
            reports.add(judgeOne(Quantity.WEIGHT_GRADIENT, l, layers, trusted.nablaW(l),
                    tested == null ? null : tested.nablaW(l), estimates, upstream, differences));
        }
        return reports;
    }

    private QuantityReport judgeOne(Quantity quantity, int l, int layers, Matrix trusted, Matrix tested,
            List<FiniteDifferences.Estimate> allEstimates, Optional<Verdict> upstream, Tolerance differences) {
        Equation equation = quantity.equation(l, layers);
        List<FiniteDifferences.Estimate> estimates = allEstimates.stream()
                .filter(e -> e.coordinate().quantity() == quantity && e.coordinate().layer() == l)
                .toList();
        Optional<Comparison> graphVsDifferences = estimates.isEmpty() ? Optional.empty()
                : Optional.of(Comparisons.againstEstimates(trusted, estimates, differences));

        if (tested == null) {
            return new QuantityReport(quantity, l, equation, trusted.shape(), "none", Optional.empty(),
                    Optional.empty(), graphVsDifferences, Verdict.NOT_COMPUTED);
        }
        if (!tested.sameShape(trusted)) {
            return new QuantityReport(quantity, l, equation, trusted.shape(), tested.shape(), Optional.empty(),
                    Optional.empty(), graphVsDifferences, Verdict.SHAPE_MISMATCH);
        }

        Tolerance analytic = Tolerance.ANALYTIC.scaledBy(trusted.maxAbs());
        Optional<Comparison> vsGraph = Optional.of(Comparisons.againstMatrix(tested, trusted, analytic));
        Optional<Comparison> vsDifferences = estimates.isEmpty() ? Optional.empty()
                : Optional.of(Comparisons.againstEstimates(tested, estimates, differences));

        boolean disagrees = !vsGraph.get().passed() || vsDifferences.map(c -> !c.passed()).orElse(false);
        Verdict verdict;
        if (!disagrees) {
            verdict = Verdict.AGREES;
        } else if (upstream.map(Verdict::isFailure).orElse(false)) {
            verdict = Verdict.INHERITS_ERROR;
        } else {
            verdict = Verdict.DISAGREES;
        }
        return new QuantityReport(quantity, l, equation, trusted.shape(), tested.shape(), vsGraph, vsDifferences,
                graphVsDifferences, verdict);
    }
}
