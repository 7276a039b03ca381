package dev.tinynn.core;

/**
 * The squashing function: {@code p = σ(z) = 1 / (1 + e^(−z))}, which turns any raw score into a
 * number between 0 and 1 that we read as "the probability of Pass".
 *
 * <p>This is the tutorial's formula, written exactly as it writes it, and it is already safe in
 * IEEE-754 doubles for every finite z:
 * <ul>
 *   <li>z ≥ −709: e^(−z) is finite and the division is ordinary;</li>
 *   <li>z &lt; −709: e^(−z) overflows to +∞, and 1 / (1 + ∞) is exactly 0, the correct limit;</li>
 *   <li>z large and positive: e^(−z) underflows to 0 and the result is exactly 1.</li>
 * </ul>
 * No NaN can come out (only a NaN going in), so there is no need for the two-branch "stable"
 * variant here. What does lose precision is {@code 1 − p} near p = 1; that is why
 * {@link Loss#CROSS_ENTROPY} is computed from z, never from p.
 */
public final class Sigmoid {
    private Sigmoid() {
    }

    /** σ(z) = 1 / (1 + e^(−z)). */
    public static double of(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /**
     * The inverse of σ: the raw score z at which σ(z) = p, that is ln(p / (1 − p)). The decision
     * "Pass when p ≥ t" is the same as "Pass when z ≥ logit(t)"; logit(0.5) is exactly 0.
     */
    public static double logit(double p) {
        return Math.log(p / (1.0 - p));
    }
}
