package dev.tinynn.core;

import java.util.Arrays;

/**
 * What training produced.
 *
 * @param backend the name of the backend that did the arithmetic
 * @param data the dataset trained on
 * @param config the settings used
 * @param weights the final w
 * @param bias the final b
 * @param lossHistory the loss of each epoch as computed during that epoch's pass: batch, the
 *     forward pass before the update; online, the mean of the rows' losses, each taken just
 *     before that row's update. Entry e is epoch e.
 * @param finalLoss the loss of the final model over all rows
 * @param probabilities each row's p = σ(x·w + b) under the final model
 */
public record TrainingResult(
        String backend,
        Dataset data,
        TrainingConfig config,
        double[] weights,
        double bias,
        double[] lossHistory,
        double finalLoss,
        double[] probabilities) {

    /** The trained neuron, for predicting new inputs. */
    public Model model() {
        return new Model(weights, bias);
    }

    /**
     * What the run shows that a learner should know: rows saturated on the wrong side, a loss that
     * overshoots, a loss still falling at the end. Empty for a healthy run. See {@link Diagnosis}.
     */
    public java.util.List<Diagnosis> diagnoses() {
        return Diagnosis.of(this);
    }

    /** How many rows the final model decides right at this threshold (see {@link Decision#isRightFor}). */
    public int rowsRight(double threshold) {
        return Decision.rowsRight(probabilities, data, threshold);
    }

    /** The share of rows whose decision at this threshold matches the label, from 0 to 1. */
    public double accuracy(double threshold) {
        return (double) rowsRight(threshold) / probabilities.length;
    }

    @Override
    public String toString() {
        return "TrainingResult[backend=" + backend + ", data=" + data.name() + ", w=" + Arrays.toString(weights)
                + ", b=" + bias + ", finalLoss=" + finalLoss + "]";
    }
}
