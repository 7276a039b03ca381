package dev.tinynn.core;

/**
 * How wrong one prediction is, ℓ(z, p, y), and how that changes with the raw score, ∂ℓ/∂z.
 *
 * <p>The loss of a dataset is the MEAN of ℓ over its rows. The chain rule then gives every
 * gradient the training loop needs from one number per row, δ = ∂ℓ/∂z:
 * {@code ∂ℓ/∂w = δ·x} and {@code ∂ℓ/∂b = δ}, because z = x·w + b.
 *
 * <p>Why two losses? The tutorial SHOWS squared error but UPDATES with {@code δ = p − y}. That δ
 * is the gradient of cross-entropy, not of squared error (whose δ has the extra factor
 * {@code 2·p·(1 − p)}). The conformance suite proves it with the tutorial's own numbers.
 */
public enum Loss implements Named {

    /** ℓ = (p − y)²; δ = 2·(p − y)·p·(1 − p). The loss the tutorial prints. */
    SQUARED_ERROR("squared-error") {
        @Override
        public double of(double z, double p, double y) {
            double e = p - y;
            return e * e;
        }

        @Override
        public double dz(double p, double y) {
            return 2 * (p - y) * p * (1 - p);
        }
    },

    /**
     * ℓ = −[y·ln p + (1 − y)·ln(1 − p)]; δ = p − y. The loss whose gradient the tutorial's update
     * rule is (binary cross-entropy, also called log loss; this makes the neuron logistic
     * regression).
     *
     * <p>Computed from z, never from p: ℓ = max(z, 0) − y·z + ln(1 + e^(−|z|)). That is the same
     * number (put p = σ(z) and simplify), but it never takes ln(0), even when p rounds to exactly
     * 0 or 1, and it is finite for every finite z.
     */
    CROSS_ENTROPY("cross-entropy") {
        @Override
        public double of(double z, double p, double y) {
            return Math.max(z, 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
        }

        @Override
        public double dz(double p, double y) {
            return p - y;
        }
    };

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    /** The loss of one row, from its raw score z, its probability p = σ(z) and its label y. */
    public abstract double of(double z, double p, double y);

    /** δ = ∂ℓ/∂z for one row, from its probability p and label y. */
    public abstract double dz(double p, double y);

    /** The name used on the command line and in JSON: {@code squared-error} or {@code cross-entropy}. */
    @Override
    public String id() {
        return id;
    }

    /** The loss with this {@link #id()}; the error message lists the valid names. */
    public static Loss byId(String id) {
        return Named.byId("loss", id, values());
    }

    @Override
    public String toString() {
        return id;
    }
}
