package nabla.check;

import java.util.Locale;

/**
 * The entry-by-entry comparison of one quantity as computed two ways, such as the hand-coded
 * ∂C/∂w¹ against finite differences.
 *
 * @param entries how many entries were compared
 * @param skipped entries left out because their weighted input lies within the finite-difference
 *     step of a kink, where a finite difference measures no derivative
 * @param maxAbsoluteError the largest |a − b| over the compared entries
 * @param maxRelativeError the largest |a − b| / max(|a|, |b|, tiny) over the compared entries
 * @param worstRow row of the entry with the largest excess over the tolerance, or −1 if none
 * @param worstColumn its column, or −1
 * @param worstActual the value under test at that entry
 * @param worstExpected the reference value at that entry
 * @param failures how many entries lie outside the tolerance
 * @param tolerance the tolerance applied
 */
public record Comparison(int entries, int skipped, double maxAbsoluteError, double maxRelativeError,
        int worstRow, int worstColumn, double worstActual, double worstExpected, int failures,
        Tolerance tolerance) {

    /** True when every compared entry lies within the tolerance. */
    public boolean passed() {
        return failures == 0;
    }

    /** Returns a short summary such as {@code max abs 1.2e-17, max rel 3.4e-16}. */
    public String summary() {
        String text = String.format(Locale.ROOT, "max abs %.1e, rel %.1e", maxAbsoluteError, maxRelativeError);
        if (skipped > 0) {
            text += ", " + skipped + " at kinks skipped";
        }
        return text;
    }

    /** Describes the worst entry, such as {@code (3, 7): 0.25 vs 0.0025}. */
    public String worstEntry() {
        if (worstRow < 0) {
            return "none";
        }
        return String.format(Locale.ROOT, "(%d, %d): %.6g vs %.6g", worstRow, worstColumn, worstActual, worstExpected);
    }
}
