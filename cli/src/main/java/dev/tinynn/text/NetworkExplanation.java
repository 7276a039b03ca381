package dev.tinynn.text;

import static dev.tinynn.text.Numbers.full;
import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Activation;
import dev.tinynn.core.Decision;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkResult;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.Updates;
import dev.tinynn.core.spi.Backend;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code tinynn train --hidden …} prints: the network, its settings, the loss as it falls,
 * each layer's weights (in full for a small network), every row's probability and the accuracy.
 */
public final class NetworkExplanation extends Explanation {
    /** Layers with at most this many units and inputs print every weight; larger ones their first rows. */
    static final int FULL = 16;

    public NetworkExplanation(PrintWriter out, TrainingData trainingData, TrainingConfig config, Backend backend,
            double threshold) {
        super(out, trainingData, config, backend, threshold);
    }

    /** "2 inputs → 4 sigmoid units → 1 output neuron (σ)". */
    public static String layout(Network network) {
        StringBuilder text = new StringBuilder().append(network.features())
                .append(network.features() == 1 ? " input" : " inputs");
        for (int units : network.hidden()) {
            text.append(" → ").append(units).append(' ').append(network.activation()).append(units == 1 ? " unit" : " units");
        }
        return text.append(" → 1 output neuron (sigmoid)").toString();
    }

    /** What is about to be trained, and how; {@code seed} is the one the start was drawn from, null for zeros. */
    public void settings(Network start, Long seed) {
        int layers = start.hidden().length;
        out.printf("tinynn train: a network with %d hidden layer%s, trained by hand%n%n", layers, layers == 1 ? "" : "s");
        dataLine();
        if (trainingData.scaling() != null) {
            out.println("  scaled    to z-scores with the training rows' mean and population standard deviation");
        }
        out.printf("  network   %s%n", layout(start));
        out.printf("            each unit: z = w·a + b over the layer before's values a, then a = %s%n",
                formula(start.activation()));
        out.printf("            the output neuron: p = σ(z), Pass when p ≥ %s%n", num(threshold));
        out.printf("  training  %d epochs of %s updates, learning rate %s, %s loss, backpropagation%n",
                config.epochs(), config.updates(), num(config.learningRate()), config.loss());
        out.printf("  start     %s%n", seed == null ? "every weight and bias 0 (--init zeros)"
                : "random weights from seed " + seed + ", uniform in ±" + (start.activation() == Activation.RELU
                        ? "√(6 / inputs) (He, for relu)" : "√(6 / (inputs + units)) (Glorot)") + ", biases 0");
        backendLine();
    }

    private static String formula(Activation activation) {
        return switch (activation) {
            case SIGMOID -> "σ(z) = 1 / (1 + e^(−z))";
            case TANH -> "tanh(z)";
            case RELU -> "max(0, z)";
        };
    }

    /** What training produced. */
    public void result(NetworkResult result) {
        double[] history = result.lossHistory();
        out.printf("  %7s   mean %s%n", "epoch", config.loss());
        for (int e = 0; e < history.length; e++) {
            if (shown(e, history.length)) {
                out.printf("  %7d   %s%n", e, num(history[e]));
            }
        }
        out.printf("  %7s   %s  (the trained network's%s)%n%n", "final", num(result.finalLoss()),
                config.updates() == Updates.BATCH ? "; each epoch's loss above was taken before its update" : "");
        layers(result.network());
        predictions(result);
        notes(result);
        out.flush();
    }

    /** Each layer's weights, one row per unit, and its biases. */
    private void layers(Network network) {
        List<String> inputs = new ArrayList<>(data.featureNames());
        for (int l = 0; l < network.layers().size(); l++) {
            Network.Layer layer = network.layers().get(l);
            boolean output = l == network.layers().size() - 1;
            String unitName = output ? "p" : l == network.layers().size() - 2 ? "h" : "h" + (l + 1) + ".";
            out.printf("  layer %d   %s%n", l + 1, output ? "the output neuron, reading the last hidden layer"
                    : "hidden, " + layer.units() + " " + network.activation() + " unit" + (layer.units() == 1 ? "" : "s")
                            + ", reading " + (l == 0 ? "the inputs" : "layer " + l));
            boolean full = layer.units() <= FULL && layer.inputs() <= FULL;
            int shownInputs = full ? layer.inputs() : Math.min(layer.inputs(), 4);
            int shownUnits = full ? layer.units() : Math.min(layer.units(), 4);
            StringBuilder header = new StringBuilder(String.format("  %9s", "unit"));
            for (int k = 0; k < shownInputs; k++) {
                header.append(String.format(" %14s", "w·" + inputs.get(k)));
            }
            out.println(header.append(shownInputs < layer.inputs() ? "  …" : "").append(String.format(" %14s", "b")));
            for (int j = 0; j < shownUnits; j++) {
                StringBuilder line = new StringBuilder(String.format("  %9s", output ? "p" : unitName + (j + 1)));
                for (int k = 0; k < shownInputs; k++) {
                    line.append(String.format(" %14s", num(layer.weight(j, k))));
                }
                out.println(line.append(shownInputs < layer.inputs() ? "  …" : "")
                        .append(String.format(" %14s", num(layer.biases()[j]))));
            }
            if (!full) {
                out.printf("            (%d units × %d inputs: the first shown; --json has every weight)%n",
                        layer.units(), layer.inputs());
            }
            inputs.clear();
            for (int j = 0; j < layer.units(); j++) {
                inputs.add(unitName + (j + 1));
            }
        }
        out.println();
    }

    /** Every row (the first 20 of a larger set): inputs, label, p and the decision; then the accuracy. */
    private void predictions(NetworkResult result) {
        int shown = data.rows() <= 20 ? data.rows() : 10;
        StringBuilder header = new StringBuilder("  ");
        for (String feature : data.featureNames()) {
            header.append(String.format("%10s ", feature));
        }
        out.println(header.append(String.format("%6s %14s  %s", "label", "p", "decision")));
        for (int i = 0; i < shown; i++) {
            StringBuilder line = new StringBuilder("  ");
            for (double x : data.row(i)) {
                line.append(String.format("%10s ", num(x)));
            }
            double p = result.probabilities()[i];
            Decision decision = Decision.of(p, threshold);
            out.println(line.append(String.format("%6s %14s  %-4s  %s", num(data.y(i)), num(p), decision,
                    decision.isRightFor(data.y(i)) ? "right" : "wrong")));
        }
        if (shown < data.rows()) {
            out.printf("  … and %d more rows (--json has every weight; predict --input FILE.csv lists every row)%n",
                    data.rows() - shown);
        }
        accuracy(result.rowsRight(threshold));
    }

    private void notes(NetworkResult result) {
        for (String symmetry : result.symmetry()) {
            out.println("  warning   " + symmetry + ";");
            out.println("            start from random weights instead: leave out --init zeros");
        }
        if (!result.symmetry().isEmpty()) {
            out.println();
        }
        out.printf("  note      backpropagation: δ = %s at the output, then back through each layer:%n",
                config.loss() == dev.tinynn.core.Loss.CROSS_ENTROPY ? "p − y (cross-entropy's gradient)"
                        : "2·(p − y)·p·(1 − p) (squared error's)");
        out.println("            a hidden unit's δ = (Σ δ·w over the units it feeds) · f′(z), and each weight moves");
        out.println("            by −lr · δ · its input, averaged over the rows of the step");
    }
}
