package nabla.check;

import nabla.core.Backprop;

/**
 * Assertions for a user's own test suite. A failure throws {@link AssertionError}, which JUnit 5
 * and every other Java test framework report as a failed test, with the whole report as message.
 */
public final class GradientAssertions {

    private GradientAssertions() {
    }

    /**
     * Checks {@code backprop} against the autodiff graph and central differences on the case,
     * with the default options, and fails with the report unless everything agrees.
     */
    public static GradientReport assertBackpropCorrect(Backprop backprop, CheckCase checkCase) {
        return assertBackpropCorrect(backprop, checkCase, CheckOptions.defaults());
    }

    /** As {@link #assertBackpropCorrect(Backprop, CheckCase)}, with the given options. */
    public static GradientReport assertBackpropCorrect(Backprop backprop, CheckCase checkCase, CheckOptions options) {
        GradientReport report = GradientChecker.withGraph(options)
                .check(backprop, checkCase.network(), checkCase.x(), checkCase.y());
        if (!report.passed()) {
            throw new AssertionError(report.summary() + System.lineSeparator() + report.table());
        }
        return report;
    }
}
