package dev.tinynn.io;

import dev.tinynn.core.Standardization;
import java.util.List;

/** What {@code tinynn predict} needs of a saved model, a neuron ({@link SavedModel}) or a network ({@link SavedNetwork}). */
public sealed interface Saved permits SavedModel, SavedNetwork {

    /** The input columns, in order. */
    List<String> features();

    /** The label column's name. */
    String label();

    /** Pass when p ≥ threshold. */
    double threshold();

    /** The standardisation to apply to an input first, or {@code null}. */
    Standardization scaling();

    /** The data it was trained on, as given to --data. */
    String trainedOn();

    /** The output neuron's raw score z for an input as the model sees it (standardised, if it was): p = σ(z). */
    double z(double[] seen);
}
