package dev.tinynn.core;

/**
 * What a hidden unit does with its raw score: a = f(z). Without one, two layers of weights would
 * multiply into a single matrix and the network would draw the same straight line as one neuron;
 * the bend in f is what lets a hidden layer separate XOR.
 *
 * <p>Backpropagation needs f′, the slope of f. For each activation it is cheapest to compute from
 * a = f(z) where that works (sigmoid, tanh) and from z where it does not (relu), so
 * {@link #slope} takes both.
 */
public enum Activation implements Named {

    /** a = σ(z) = 1 / (1 + e^(−z)), between 0 and 1; f′ = a·(1 − a). The default. */
    SIGMOID("sigmoid") {
        @Override
        public double of(double z) {
            return Sigmoid.of(z);
        }

        @Override
        public double slope(double z, double a) {
            return a * (1 - a);
        }
    },

    /** a = tanh(z), between −1 and 1; f′ = 1 − a². */
    TANH("tanh") {
        @Override
        public double of(double z) {
            return Math.tanh(z);
        }

        @Override
        public double slope(double z, double a) {
            return 1 - a * a;
        }
    },

    /** a = max(0, z); f′ = 1 where z &gt; 0, else 0 (the usual choice at exactly 0). */
    RELU("relu") {
        @Override
        public double of(double z) {
            return z > 0 ? z : 0;
        }

        @Override
        public double slope(double z, double a) {
            return z > 0 ? 1 : 0;
        }
    };

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** a = f(z). */
    public abstract double of(double z);

    /** f′(z), given z and a = f(z). */
    public abstract double slope(double z, double a);

    /** The name used on the command line and in JSON: {@code sigmoid}, {@code tanh} or {@code relu}. */
    @Override
    public String id() {
        return id;
    }

    /** The activation with this {@link #id()}; the error message lists the valid names. */
    public static Activation byId(String id) {
        return Named.byId("activation", id, values());
    }

    @Override
    public String toString() {
        return id;
    }
}
