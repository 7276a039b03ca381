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
     * Standard deviations below this fraction of a feature's largest magnitude are refused: the
     * feature barely varies, and its z-scores would be rounding noise (a double holds about 16
     * significant digits; the mean alone is rounded at the 16th).
     */
    static final double SMALLEST_RELATIVE_SD = 1e-9;

    /**
     * The mean and population standard deviation of each feature of {@code data}.
     *
     * <p>Computed on the feature's values scaled by a power of two that brings the largest to
     * between 1 and 2. That scaling is exact, so for ordinary inputs the statistics are the same
     * bits as the textbook formula, but squares of inputs near 1e300 no longer overflow to
     * infinity and those of inputs near 1e-300 no longer underflow to 0.
     *
     * @throws IllegalArgumentException if a feature has the same value in every row: its standard
     *     deviation is 0, so there is nothing to divide by (and the feature cannot tell rows apart);
     *     also if its values differ only in their last digits (standard deviation below a billionth
     *     of the largest value) or its standard deviation is below the smallest normal double
     */
    public static Standardization of(Dataset data) {
        int n = data.rows();
        int d = data.features();
        double[] means = new double[d];
        double[] deviations = new double[d];
        for (int j = 0; j < d; j++) {
            double largest = 0;
            boolean constant = true;
            for (int i = 0; i < n; i++) {
                largest = Math.max(largest, Math.abs(data.x(i, j)));
                constant &= data.x(i, j) == data.x(0, j);
            }
            String feature = "feature '" + data.featureNames().get(j) + "' of '" + data.name() + "'";
            if (constant) {
                throw new IllegalArgumentException(feature + " has the same value (" + data.x(0, j) + ") in every row,"
                        + " so its standard deviation is 0 and it cannot be standardised; leave it out, it cannot tell"
                        + " one row from another");
            }
            int exponent = Math.getExponent(largest); // scalb by −exponent puts every value in (−2, 2), exactly
            double sum = 0;
            double compensation = 0; // Neumaier's summation: the mean to the last bit, even when values cancel
            for (int i = 0; i < n; i++) {
                double v = Math.scalb(data.x(i, j), -exponent);
                double t = sum + v;
                compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
                sum = t;
            }
            double mean = (sum + compensation) / n;
            double squares = 0; // a second pass: Σ(x − mean)² is exact where Σx² − n·mean² can cancel
            for (int i = 0; i < n; i++) {
                double diff = Math.scalb(data.x(i, j), -exponent) - mean;
                squares += diff * diff;
            }
            means[j] = Math.scalb(mean, exponent);
            deviations[j] = Math.scalb(Math.sqrt(squares / n), exponent);
            if (!(deviations[j] >= SMALLEST_RELATIVE_SD * largest) || deviations[j] < Double.MIN_NORMAL) {
                throw new IllegalArgumentException(feature + " barely varies: its standard deviation, "
                        + deviations[j] + ", is " + (deviations[j] < Double.MIN_NORMAL ? "below the smallest normal"
                                + " double (2.2e-308)" : "less than a billionth of its largest value, " + largest)
                        + ", so its z-scores would be rounding noise; leave it out, or rescale it in the file"
                        + " (subtract a constant, or change its unit)");
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

    /**
     * One row's z-scores: {@code (x[j] − mean[j]) / sd[j]}. Where x − mean overflows (inputs near
     * ±1e308 of opposite signs), it is computed as {@code x/sd − mean/sd} instead; a z-score can
     * still be infinite for a new input far outside the training rows.
     */
    public double[] apply(double[] row) {
        if (row.length != means.length) {
            throw new IllegalArgumentException("the standardisation has " + means.length + " features but the row has "
                    + row.length + " values " + Arrays.toString(row) + ": give one value per feature");
        }
        double[] scaled = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            scaled[j] = (row[j] - means[j]) / deviations[j];
            if (Double.isInfinite(row[j] - means[j])) {
                scaled[j] = row[j] / deviations[j] - means[j] / deviations[j];
            }
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
