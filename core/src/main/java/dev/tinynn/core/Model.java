package dev.tinynn.core;

import java.util.Arrays;

/**
 * A trained neuron: its weights w and bias b. Inference is the forward pass alone:
 * {@code z = x·w + b}, {@code p = σ(z)}, Pass when {@code p ≥ threshold}.
 *
 * <p>This is the one-row forward pass written out in plain Java, for predicting new inputs; the
 * backends do the same for all rows at once while training.
 */
public record Model(double[] weights, double bias) {

    public Model {
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** z = x·w + b, the raw score. */
    public double z(double... x) {
        if (x.length != weights.length) {
            throw new IllegalArgumentException("the model has " + weights.length + " weights but the input has "
                    + x.length + " values " + Arrays.toString(x) + ": give one value per feature");
        }
        double sum = 0;
        for (int j = 0; j < x.length; j++) {
            sum += x[j] * weights[j];
        }
        return sum + bias;
    }

    /** p = σ(x·w + b), the probability of Pass. */
    public double probability(double... x) {
        return Sigmoid.of(z(x));
    }

    /** Pass when σ(x·w + b) ≥ threshold. */
    public Decision decide(double threshold, double... x) {
        return Decision.of(probability(x), threshold);
    }

    /**
     * For a one-input neuron, the input at which p equals the threshold: the decision boundary.
     * Solving σ(w·x + b) = t for x gives x = (logit(t) − b) / w; at t = 0.5 that is −b / w.
     * Infinite or NaN when w = 0 (then there is no boundary: every input gets the same p).
     */
    public double boundary(double threshold) {
        if (weights.length != 1) {
            throw new IllegalStateException("a single boundary point exists only for one input; this model has "
                    + weights.length + " (its boundary is the line x·w + b = logit(threshold))");
        }
        return (Sigmoid.logit(threshold) - bias) / weights[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Model m && Arrays.equals(weights, m.weights) && Double.compare(bias, m.bias) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + Double.hashCode(bias);
    }

    @Override
    public String toString() {
        return "Model[w=" + Arrays.toString(weights) + ", b=" + bias + "]";
    }
}
