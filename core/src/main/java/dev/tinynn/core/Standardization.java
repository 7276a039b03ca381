package dev.tinynn.core;

import java.util.Arrays;

/**
 * Puts every input on the same scale: each feature x becomes its z-score {@code (x − mean) / sd},
 * with the mean and the POPULATION standard deviation ({@code sd = √(Σ(x − mean)² / n)}, dividing
 * by n, not n − 1) of the training rows. After this every feature has mean 0 and standard
 * deviation 1 over the training rows.
 *
 * <p>Why bother: a step of gradient descent moves each weight by lr·δ·x, so an input in the tens
 * (a quiz score out of 100) moves its weight a hundred times further than an input around 1, and
 * a learning rate that suits one is far too large for the other. On z-scores one learning rate
 * suits every weight, and each weight reads as "the change in z for one standard deviation more
 * of this input".
 *
 * <p>The statistics belong to the model: a new row must be standardised with the TRAINING rows'
 * mean and sd, never its own, before the model sees it. That is why they are saved with it.
 */
public final class Standardization {
    private final double[] means;
    private final double[] deviations;

    private Standardization(double[] means, double[] deviations) {
        this.means = means;
        this.deviations = deviations;
    }

    /**
     * The mean and population standard deviation of each feature of {@code data}.
     *
     * @throws IllegalArgumentException if a feature has the same value in every row: its standard
     *     deviation is 0, so there is nothing to divide by (and the feature cannot tell rows apart)
     */
    public static Standardization of(Dataset data) {
        int n = data.rows();
        int d = data.features();
        double[] means = new double[d];
        double[] deviations = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += data.x(i, j);
            }
            double mean = sum / n;
            double squares = 0; // a second pass: Σ(x − mean)² is exact where Σx² − n·mean² can cancel
            for (int i = 0; i < n; i++) {
                double diff = data.x(i, j) - mean;
                squares += diff * diff;
            }
            means[j] = mean;
            deviations[j] = Math.sqrt(squares / n);
            if (!(deviations[j] > 0)) {
                throw new IllegalArgumentException("feature '" + data.featureNames().get(j) + "' of '" + data.name()
                        + "' has the same value (" + data.x(0, j) + ") in every row, so its standard deviation is 0 and"
                        + " it cannot be standardised; leave it out, it cannot tell one row from another");
            }
        }
        return new Standardization(means, deviations);
    }

    /**
     * Statistics saved earlier, checked: one mean and one standard deviation per feature, every
     * mean finite, every standard deviation finite and greater than 0.
     */
    public static Standardization of(double[] means, double[] standardDeviations) {
        if (means.length != standardDeviations.length || means.length == 0) {
            throw new IllegalArgumentException("standardisation needs one mean and one standard deviation per feature, got "
                    + means.length + " means and " + standardDeviations.length + " standard deviations");
        }
        for (int j = 0; j < means.length; j++) {
            if (!Double.isFinite(means[j]) || !Double.isFinite(standardDeviations[j]) || standardDeviations[j] <= 0) {
                throw new IllegalArgumentException("standardisation of feature " + (j + 1) + " has mean " + means[j]
                        + " and standard deviation " + standardDeviations[j]
                        + ": the mean must be finite and the standard deviation finite and greater than 0");
            }
        }
        return new Standardization(means.clone(), standardDeviations.clone());
    }

    /** d, the number of features. */
    public int features() {
        return means.length;
    }

    /** A copy of the means, one per feature. */
    public double[] means() {
        return means.clone();
    }

    /** A copy of the population standard deviations, one per feature. */
    public double[] standardDeviations() {
        return deviations.clone();
    }

    /** One row's z-scores: {@code (x[j] − mean[j]) / sd[j]}. */
    public double[] apply(double[] row) {
        if (row.length != means.length) {
            throw new IllegalArgumentException("the standardisation has " + means.length + " features but the row has "
                    + row.length + " values " + Arrays.toString(row) + ": give one value per feature");
        }
        double[] scaled = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            scaled[j] = (row[j] - means[j]) / deviations[j];
        }
        return scaled;
    }

    /** The same rows and labels, every input replaced by its z-score. The name stays the same. */
    public Dataset apply(Dataset data) {
        double[][] rows = new double[data.rows()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = apply(data.row(i));
        }
        return Dataset.of(data.name(), data.featureNames(), rows, data.labels());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardization s && Arrays.equals(means, s.means) && Arrays.equals(deviations, s.deviations);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(means) + Arrays.hashCode(deviations);
    }

    @Override
    public String toString() {
        return "Standardization[means=" + Arrays.toString(means) + ", standardDeviations=" + Arrays.toString(deviations)
                + "]";
    }
}
