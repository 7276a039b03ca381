package dev.tinynn.text;

import static dev.tinynn.text.Numbers.full;
import static dev.tinynn.text.Numbers.num;
import static dev.tinynn.text.Numbers.signed;

import dev.tinynn.core.Decision;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.Sigmoid;
import dev.tinynn.core.Standardization;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.Updates;
import dev.tinynn.core.spi.Backend;
import java.io.PrintWriter;
import java.util.List;

/** The explanation {@code tinynn train} prints: settings, the loss as it falls, the learned neuron, what it decides. */
public final class NeuronExplanation extends Explanation {
    private final Formulas formulas;

    public NeuronExplanation(PrintWriter out, TrainingData trainingData, TrainingConfig config, Backend backend,
            double threshold) {
        super(out, trainingData, config, backend, threshold);
        this.formulas = new Formulas(data);
    }

    /** What is about to be trained, and how. */
    public void settings() {
        double[] w0 = config.initialWeightsFor(data);
        out.println("tinynn train: one neuron, trained by hand");
        out.println();
        dataLine();
        standardization();
        out.printf("  neuron    %s,  p = σ(z) = 1 / (1 + e^(−z)),  Pass when p ≥ %s%n", formulas.z(), num(threshold));
        out.printf("  training  %d epochs of %s updates, learning rate %s, %s loss%n",
                config.epochs(), config.updates(), num(config.learningRate()), config.loss());
        out.printf("            %s%n", formulas.updateRule(config.updates(), config.loss()));
        out.printf("  start     %s, b = %s%n", formulas.weights(w0, Numbers::full), num(config.initialBias()));
        backendLine();
    }

    /** With --standardize: each input's mean and standard deviation, the formula, and that what follows is in z-scores. */
    private void standardization() {
        Standardization scaling = trainingData.scaling();
        if (scaling == null) {
            return;
        }
        double[] mean = scaling.means();
        double[] sd = scaling.standardDeviations();
        out.println("  scaled    to z-scores, with the training rows' mean and population standard deviation:");
        for (int j = 0; j < mean.length; j++) {
            String feature = data.featureNames().get(j);
            out.printf("            %s → (%s − %s) / %s%n", feature, feature, num(mean[j]), num(sd[j]));
        }
        out.println("            the neuron sees only z-scores: the inputs below are z-scores, each weight is per sd");
    }

    /** What training produced. */
    public void result(TrainingResult result, double[] tutorialLoss) {
        lossTable(result, tutorialLoss);
        out.printf("  learned   %s, b = %s%n%n", formulas.weights(result.weights(), Numbers::full), full(result.bias()));
        predictions(result);
        boundary(result.model());
        notes(result);
        out.flush();
    }

    /**
     * The loss every tenth of the run and at the last epoch, then the final model's; beside it the
     * number the tutorial's loop prints, the squared error summed over the epoch's rows.
     */
    private void lossTable(TrainingResult result, double[] tutorialLoss) {
        double[] history = result.lossHistory();
        out.printf("  %7s   %-22s  %s%n", "epoch", "mean " + config.loss(), "Σ(y − p)², as the tutorial prints it");
        for (int e = 0; e < history.length; e++) {
            if (shown(e, history.length)) {
                out.printf("  %7d   %-22s  %s%n", e, num(history[e]), num(tutorialLoss[e]));
            }
        }
        out.printf("  %7s   %-22s  the trained model's, after the last update: each epoch's loss above was taken%n",
                "final", num(result.finalLoss()));
        out.printf("  %7s   %-22s  %s%n%n", "", "", config.updates() == Updates.BATCH
                ? "before that epoch's update, so this one is lower" : "as its rows went, each before its own update");
    }

    private void predictions(TrainingResult result) {
        Model model = result.model();
        int width = 8;
        for (int i = 0; i < data.rows(); i++) {
            for (double x : data.row(i)) {
                width = Math.max(width, num(x).length());
            }
        }
        StringBuilder header = new StringBuilder("  ");
        for (String feature : data.featureNames()) {
            header.append(String.format("%" + Math.max(width, feature.length()) + "s ", feature));
        }
        out.println(header.append(String.format("%6s %14s %14s  %s", "label", "z", "p = σ(z)", "decision")));
        for (int i = 0; i < data.rows(); i++) {
            StringBuilder line = new StringBuilder("  ");
            double[] row = data.row(i);
            for (int j = 0; j < row.length; j++) {
                line.append(String.format("%" + Math.max(width, data.featureNames().get(j).length()) + "s ", num(row[j])));
            }
            double p = result.probabilities()[i];
            Decision decision = Decision.of(p, threshold);
            out.println(line.append(String.format("%6s %14s %14s  %-4s  %s", num(data.y(i)), num(model.z(row)),
                    num(p), decision, decision.isRightFor(data.y(i)) ? "right" : "wrong")));
        }
        accuracy(result.rowsRight(threshold));
    }

    private void boundary(Model model) {
        double zCut = Sigmoid.logit(threshold);
        String cut = threshold == 0.5 ? "0" : "ln(" + num(threshold) + " / " + num(1 - threshold) + ") = " + num(zCut);
        double[] w = model.weights();
        if (w.length == 1 && !Double.isFinite(model.boundary(threshold))) {
            // w = 0 (an input that is 0 in every row, or too tiny to move w) or so small that
            // (logit(t) − b) / w overflows: no input reaches the threshold, and no number to print.
            String feature = data.featureNames().get(0);
            if (w[0] == 0) {
                out.printf("  boundary  none: w = 0, so every %s gets the same p = σ(b) = %s%n%n", feature,
                        num(Sigmoid.of(model.bias())));
            } else {
                out.printf("  boundary  none that a double can hold: w = %s is so small that no %s makes z = %s%n%n",
                        full(w[0]), feature, num(zCut));
            }
        } else if (w.length == 1) {
            String feature = data.featureNames().get(0);
            out.printf("  boundary  p = %s exactly where z = %s, that is at%n", num(threshold), cut);
            whyLogit();
            out.printf("            %s = (%s − b) / w = (%s − %s) / %s = %s%n", feature, num(zCut), num(zCut),
                    signed(model.bias()), signed(w[0]), num(model.boundary(threshold)));
            out.printf("            %s %s than that → Pass%n%n", w[0] >= 0 ? "more" : "less", feature);
        } else {
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < w.length; j++) {
                line.append(j == 0 ? "" : " + ").append(num(w[j])).append('·').append(data.featureNames().get(j));
            }
            out.printf("  boundary  p = %s on the line where z = %s:%n", num(threshold), cut);
            whyLogit();
            out.printf("            %s + %s = %s%n%n", line, signed(model.bias()), num(zCut));
        }
    }

    /**
     * For the built-in sets no line separates (xor, circles, moons, spiral), when the neuron got
     * rows wrong: one line saying why, and what to try.
     */
    private java.util.Optional<String> curved(TrainingResult result) {
        if (result.rowsRight(threshold) == data.rows() || trainingData.fromFile()) {
            return java.util.Optional.empty();
        }
        return switch (data.name()) {
            case "xor" -> java.util.Optional.of("  note      no straight line separates these rows, so one neuron gets"
                    + " at most 3 of 4 right; try --hidden 2\n");
            case "circles", "moons", "spiral" -> java.util.Optional.of("  note      no straight line separates "
                    + data.name() + "' two labels, so one neuron cannot get them all right; try --hidden 8\n");
            default -> java.util.Optional.empty();
        };
    }

    /** One line: why p = T happens where z = ln(T / (1 − T)). */
    private void whyLogit() {
        out.printf("            (p = 1/(1 + e^(−z)) = T  ⇔  e^(−z) = (1 − T)/T  ⇔  z = ln(T/(1 − T)), here T = %s)%n",
                num(threshold));
    }

    private void notes(TrainingResult result) {
        curved(result).ifPresent(out::println);
        List<String> warnings = Warnings.of(result, trainingData::rowName, "--learning-rate");
        warnings.forEach(out::println);
        if (!warnings.isEmpty()) {
            out.println();
        }
        if (config.loss() == Loss.CROSS_ENTROPY) {
            out.println("  note      δ = p − y is the tutorial's update rule. It is the gradient of cross-entropy,");
            out.println("            not of the squared error the tutorial prints (that gradient has an extra");
            out.println("            factor 2·p·(1 − p)). Try --loss squared-error to train on true squared error.");
        } else {
            out.println("  note      this is true gradient descent on squared error: δ = 2·(p − y)·p·(1 − p).");
            out.println("            The tutorial's rule drops 2·p·(1 − p); that is --loss cross-entropy.");
        }
        if (config.updates() == Updates.BATCH) {
            out.println("            Batch steps use the MEAN gradient; the tutorial's NumPy tab uses the SUM,");
            out.printf("            the same step as a learning rate %d times larger here.%n", data.rows());
        }
    }
}
