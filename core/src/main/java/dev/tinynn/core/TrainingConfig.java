package dev.tinynn.core;

import java.util.Arrays;

/**
 * Everything that decides how a neuron is trained, checked when it is made.
 *
 * <p>{@link #tutorial()} is the tutorial's page-4 loop except for the starting weights (the
 * tutorial starts at w = 0.1; here the default start is all zeros, so say
 * {@code .withInitialWeights(0.1)} to reproduce it).
 *
 * @param loss the loss whose gradient drives the updates, and whose mean is recorded per epoch
 * @param updates batch (one step per epoch, mean gradient) or online (one step per row)
 * @param learningRate lr, the size of each step: finite and &gt; 0
 * @param epochs how many passes over the data: ≥ 0
 * @param initialWeights where w starts, one value per feature; {@code null} means all zeros
 * @param initialBias where b starts
 */
public record TrainingConfig(
        Loss loss, Updates updates, double learningRate, int epochs, double[] initialWeights, double initialBias) {

    public TrainingConfig {
        if (loss == null || updates == null) {
            throw new IllegalArgumentException("choose a loss and an update schedule");
        }
        if (!Double.isFinite(learningRate) || learningRate <= 0) {
            throw new IllegalArgumentException("learning rate must be a finite number greater than 0, got " + learningRate);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be 0 or more, got " + epochs);
        }
        if (initialWeights != null) {
            initialWeights = initialWeights.clone();
            for (double w : initialWeights) {
                if (!Double.isFinite(w)) {
                    throw new IllegalArgumentException("initial weights must be finite numbers, got "
                            + Arrays.toString(initialWeights));
                }
            }
        }
        if (!Double.isFinite(initialBias)) {
            throw new IllegalArgumentException("initial bias must be a finite number, got " + initialBias);
        }
    }

    /** Cross-entropy (the tutorial's update rule), online, lr 0.1, 1000 epochs, w = 0, b = 0. */
    public static TrainingConfig tutorial() {
        return new TrainingConfig(Loss.CROSS_ENTROPY, Updates.ONLINE, 0.1, 1000, null, 0.0);
    }

    /**
     * The defaults for a network with hidden layers: cross-entropy, batch, lr 1, 2000 epochs.
     * Batch, because each row pulls the hidden units its own way and one step from the mean of
     * all rows is steadier; lr 1 and 2000 epochs, because from {@link Network#random}'s start
     * that takes XOR with 4 sigmoid hidden units to 4 of 4 from every seed 0 to 11 (online at lr
     * 0.5 missed one, and missed half on circles), and 2000 epochs of a few rows take no time a learner notices.
     */
    public static TrainingConfig network() {
        return new TrainingConfig(Loss.CROSS_ENTROPY, Updates.BATCH, 1.0, 2000, null, 0.0);
    }

    public TrainingConfig withLoss(Loss newLoss) {
        return new TrainingConfig(newLoss, updates, learningRate, epochs, initialWeights, initialBias);
    }

    public TrainingConfig withUpdates(Updates newUpdates) {
        return new TrainingConfig(loss, newUpdates, learningRate, epochs, initialWeights, initialBias);
    }

    public TrainingConfig withLearningRate(double newLearningRate) {
        return new TrainingConfig(loss, updates, newLearningRate, epochs, initialWeights, initialBias);
    }

    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(loss, updates, learningRate, newEpochs, initialWeights, initialBias);
    }

    public TrainingConfig withInitialWeights(double... newInitialWeights) {
        return new TrainingConfig(loss, updates, learningRate, epochs, newInitialWeights, initialBias);
    }

    public TrainingConfig withInitialBias(double newInitialBias) {
        return new TrainingConfig(loss, updates, learningRate, epochs, initialWeights, newInitialBias);
    }

    /** A copy of the starting weights, or {@code null} for all zeros. */
    @Override
    public double[] initialWeights() {
        return initialWeights == null ? null : initialWeights.clone();
    }

    /**
     * The starting weights for data with {@code features} inputs: the given ones, or zeros.
     *
     * @throws IllegalArgumentException if the given weights do not have one value per feature
     */
    public double[] initialWeightsFor(Dataset data) {
        if (initialWeights == null) {
            return new double[data.features()];
        }
        if (initialWeights.length != data.features()) {
            throw new IllegalArgumentException("initial weights " + Arrays.toString(initialWeights) + " have "
                    + initialWeights.length + " values but '" + data.name() + "' has " + data.features()
                    + " features " + data.featureNames() + ": give one weight per feature");
        }
        return initialWeights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingConfig c && loss == c.loss && updates == c.updates
                && Double.compare(learningRate, c.learningRate) == 0 && epochs == c.epochs
                && Arrays.equals(initialWeights, c.initialWeights) && Double.compare(initialBias, c.initialBias) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(initialWeights)
                + java.util.Objects.hash(loss, updates, learningRate, epochs, initialBias);
    }

    @Override
    public String toString() {
        return "TrainingConfig[loss=" + loss + ", updates=" + updates + ", learningRate=" + learningRate
                + ", epochs=" + epochs + ", initialWeights="
                + (initialWeights == null ? "zeros" : Arrays.toString(initialWeights))
                + ", initialBias=" + initialBias + "]";
    }
}
