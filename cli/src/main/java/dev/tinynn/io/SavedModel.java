package dev.tinynn.io;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tinynn.core.Model;
import dev.tinynn.core.Standardization;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * A trained neuron as {@code tinynn train --save} writes it and {@code tinynn predict} reads it:
 * everything needed to predict (feature names, weights, bias, threshold, the standardisation
 * statistics) and a record of how it was trained. Field names are the JSON keys.
 *
 * @param format always {@value #FORMAT}: says what the file is
 * @param formatVersion {@value #VERSION}; a reader refuses any other version
 * @param features the input columns, in the order of the weights
 * @param label the column (or, for a built-in dataset, the name) of the 0/1 label
 * @param weights w, one per feature (in z-score units when {@code standardization} is not null)
 * @param bias b
 * @param threshold Pass when p ≥ threshold
 * @param standardization the training rows' means and population standard deviations, applied
 *     to every input before the weights; {@code null} when the model was trained on raw inputs
 * @param training how the model was made; not needed to predict
 */
@JsonPropertyOrder({"format", "formatVersion", "features", "label", "weights", "bias", "threshold", "standardization",
    "training"})
public record SavedModel(
        String format,
        int formatVersion,
        List<String> features,
        String label,
        double[] weights,
        double bias,
        double threshold,
        Scaling standardization,
        Training training) implements Saved {

    /** The value of the {@code format} key. */
    public static final String FORMAT = "tinynn-model";
    /** The version this program writes and reads. */
    public static final int VERSION = 1;

    /**
     * The z-score statistics: input j is replaced by {@code (x − means[j]) / standardDeviations[j]}.
     *
     * @param means one per feature
     * @param standardDeviations one per feature, the population standard deviation
     */
    @JsonPropertyOrder({"means", "standardDeviations"})
    public record Scaling(double[] means, double[] standardDeviations) {
    }

    /**
     * How the model was trained.
     *
     * @param data the built-in dataset's name or the CSV file as given
     * @param rows how many rows it had
     * @param backend which backend did the arithmetic
     * @param loss {@code cross-entropy} or {@code squared-error}
     * @param updates {@code online} or {@code batch}
     * @param learningRate lr
     * @param epochs passes over the data
     * @param initialWeights where w started
     * @param initialBias where b started
     * @param finalLoss the mean loss of the saved model over the training rows
     */
    @JsonPropertyOrder({"data", "rows", "backend", "loss", "updates", "learningRate", "epochs", "initialWeights",
        "initialBias", "finalLoss"})
    public record Training(String data, int rows, String backend, String loss, String updates, double learningRate,
            int epochs, double[] initialWeights, double initialBias, double finalLoss) {
    }

    /** The model training produced, with the statistics its inputs were standardised with (or null). */
    public static SavedModel of(TrainingResult result, double threshold, Standardization standardization, String label) {
        TrainingConfig config = result.config();
        Scaling scaling = standardization == null ? null
                : new Scaling(standardization.means(), standardization.standardDeviations());
        Training training = new Training(result.data().name(), result.data().rows(), result.backend(),
                config.loss().id(), config.updates().id(), config.learningRate(), config.epochs(),
                config.initialWeightsFor(result.data()), config.initialBias(), result.finalLoss());
        return new SavedModel(FORMAT, VERSION, result.data().featureNames(), label, result.weights(), result.bias(),
                threshold, scaling, training);
    }

    /** The neuron: weights and bias. */
    public Model model() {
        return new Model(weights, bias);
    }

    /** The standardisation to apply to an input before the weights, or {@code null} for none. */
    @Override
    public Standardization scaling() {
        return scaling(standardization);
    }

    static Standardization scaling(Scaling standardization) {
        return standardization == null ? null
                : Standardization.of(standardization.means(), standardization.standardDeviations());
    }

    @Override
    public String trainedOn() {
        return training.data();
    }

    @Override
    public double z(double[] seen) {
        return model().z(seen);
    }

    /**
     * Checks what the JSON could not: one weight (and one mean and standard deviation) per
     * feature, distinct feature names, finite numbers, a threshold between 0 and 1.
     *
     * @throws IllegalArgumentException naming the first problem
     */
    void check() {
        if (features == null || features.isEmpty() || weights == null || label == null) {
            throw new IllegalArgumentException("it has no " + (label == null ? "label" : "features or weights"));
        }
        if (training == null) {
            throw new IllegalArgumentException("it has no training record (\"training\": null)");
        }
        checkNames(features, label);
        if (weights.length != features.size()) {
            throw new IllegalArgumentException("it has " + weights.length + " weights for the " + features.size()
                    + " features " + features + ", and needs one weight per feature");
        }
        if (!Arrays.stream(weights).allMatch(Double::isFinite) || !Double.isFinite(bias)) {
            throw new IllegalArgumentException("its weights and bias must be finite numbers, got "
                    + Arrays.toString(weights) + " and " + bias);
        }
        checkThresholdAndScaling(threshold, standardization, features);
    }

    /** The feature names and the label are names on one line; no feature is named twice. */
    static void checkNames(List<String> features, String label) {
        for (String name : features) {
            if (name == null || name.isBlank() || TextFiles.hasControlCharacters(name)) {
                throw new IllegalArgumentException("its features must be names on one line, got "
                        + (name == null ? "null" : "'" + TextFiles.shown(name) + "'"));
            }
        }
        if (label.isBlank() || TextFiles.hasControlCharacters(label)) {
            throw new IllegalArgumentException("its label must be a name on one line, got '" + TextFiles.shown(label) + "'");
        }
        if (new HashSet<>(features).size() != features.size()) {
            throw new IllegalArgumentException("it names a feature twice: " + features);
        }
    }

    /** The threshold lies between 0 and 1; the standardisation, if any, has one mean and sd per feature. */
    static void checkThresholdAndScaling(double threshold, Scaling standardization, List<String> features) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("its threshold must be between 0 and 1, got " + threshold);
        }
        if (standardization != null) {
            if (standardization.means() == null || standardization.standardDeviations() == null) {
                throw new IllegalArgumentException("its standardization lacks means or standardDeviations");
            }
            Standardization scaling = scaling(standardization);
            if (scaling.features() != features.size()) {
                throw new IllegalArgumentException("its standardization has " + scaling.features() + " means for the "
                        + features.size() + " features " + features + ", and needs one per feature");
            }
        }
    }
}
