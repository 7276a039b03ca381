package dev.tinynn.io;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tinynn.core.Activation;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkResult;
import dev.tinynn.core.Standardization;
import dev.tinynn.core.TrainingConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained network as {@code tinynn train --hidden … --save} writes it: format version
 * {@value #VERSION}, which added the layers. A neuron is still saved as version 1
 * ({@link SavedModel}), byte for byte as before, so older tinynn programs keep reading it.
 *
 * @param format always {@value SavedModel#FORMAT}
 * @param formatVersion {@value #VERSION}
 * @param features the input columns, in the order of the first layer's weights
 * @param label the column (or, for a built-in dataset, the name) of the 0/1 label
 * @param activation the hidden units' activation: sigmoid, tanh or relu
 * @param hidden the units of each hidden layer
 * @param layers from the first hidden layer to the output neuron
 * @param threshold Pass when p ≥ threshold
 * @param standardization as in {@link SavedModel}: applied to every input first, or {@code null}
 * @param training how it was made; not needed to predict
 */
@JsonPropertyOrder({"format", "formatVersion", "features", "label", "activation", "hidden", "layers", "threshold",
    "standardization", "training"})
public record SavedNetwork(String format, int formatVersion, List<String> features, String label, String activation,
        int[] hidden, List<Layer> layers, double threshold, SavedModel.Scaling standardization, Training training)
        implements Saved {

    /** The version that holds a network. */
    public static final int VERSION = 2;

    /**
     * One layer, as in {@code train --json}.
     *
     * @param weights one row per unit, one value per input
     * @param biases one per unit
     */
    @JsonPropertyOrder({"weights", "biases"})
    public record Layer(double[][] weights, double[] biases) {
        /** Every layer of {@code network}, first to last. */
        public static List<Layer> of(Network network) {
            return network.layers().stream().map(l -> new Layer(l.weights(), l.biases())).toList();
        }
    }

    /**
     * How the network was trained.
     *
     * @param seed the seed of the random start, or {@code null} for a start from zeros
     * @param initialLayers where every weight and bias started
     */
    @JsonPropertyOrder({"data", "rows", "backend", "loss", "updates", "learningRate", "epochs", "seed", "initialLayers",
        "finalLoss"})
    public record Training(String data, int rows, String backend, String loss, String updates, double learningRate,
            int epochs, Long seed, List<Layer> initialLayers, double finalLoss) {
    }

    /** The network training produced. */
    public static SavedNetwork of(NetworkResult result, double threshold, Standardization standardization, String label,
            Long seed) {
        TrainingConfig config = result.config();
        SavedModel.Scaling scaling = standardization == null ? null
                : new SavedModel.Scaling(standardization.means(), standardization.standardDeviations());
        Training training = new Training(result.data().name(), result.data().rows(), result.backend(),
                config.loss().id(), config.updates().id(), config.learningRate(), config.epochs(), seed,
                Layer.of(result.initial()), result.finalLoss());
        return new SavedNetwork(SavedModel.FORMAT, VERSION, result.data().featureNames(), label,
                result.network().activation().id(), result.network().hidden(), Layer.of(result.network()), threshold,
                scaling, training);
    }

    /** The network itself. */
    public Network network() {
        List<Network.Layer> built = new ArrayList<>();
        for (Layer layer : layers) {
            built.add(new Network.Layer(layer.weights(), layer.biases()));
        }
        return new Network(Activation.byId(activation), built);
    }

    @Override
    public Standardization scaling() {
        return SavedModel.scaling(standardization);
    }

    @Override
    public String trainedOn() {
        return training.data();
    }

    @Override
    public double z(double[] seen) {
        return network().z(seen);
    }

    /** Checks what the JSON could not: the layers fit the features and each other, the numbers are finite. */
    void check() {
        if (features == null || features.isEmpty() || layers == null || label == null || activation == null
                || hidden == null) {
            throw new IllegalArgumentException("it has no " + (label == null ? "label" : "features, activation or layers"));
        }
        if (training == null) {
            throw new IllegalArgumentException("it has no training record (\"training\": null)");
        }
        SavedModel.checkNames(features, label);
        Network network;
        try {
            network = network();
        } catch (NullPointerException e) {
            throw new IllegalArgumentException("a layer lacks its weights or biases");
        }
        if (network.features() != features.size()) {
            throw new IllegalArgumentException("its first layer reads " + network.features() + " inputs but it has the "
                    + features.size() + " features " + features);
        }
        if (!java.util.Arrays.equals(network.hidden(), hidden)) {
            throw new IllegalArgumentException("its layers have " + java.util.Arrays.toString(network.hidden())
                    + " units but \"hidden\" says " + java.util.Arrays.toString(hidden));
        }
        SavedModel.checkThresholdAndScaling(threshold, standardization, features);
    }
}
