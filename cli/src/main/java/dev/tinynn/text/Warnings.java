package dev.tinynn.text;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Diagnosis;
import dev.tinynn.core.Loss;
import dev.tinynn.core.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The diagnoses core found in a run ({@link TrainingResult#diagnoses()}), in plain words: for each,
 * one line with the numbers that show it and one with what to try, both starting with
 * {@code "  warning"} so that they stand out and a script can find them. A healthy run gets none.
 */
public final class Warnings {
    /** How each warning line starts. */
    public static final String PREFIX = "  warning   ";
    /** How many saturated rows a warning names before "and N more". */
    private static final int MAX_ROWS = 3;

    private Warnings() {
    }

    /**
     * The warning lines for {@code result}.
     *
     * @param rowName how a row (from 0) is named: "row 1", or "row 1 (line 2 of FILE)" for a CSV
     * @param learningRateOption how to change the learning rate in this command: "--learning-rate"
     */
    public static List<String> of(TrainingResult result, IntFunction<String> rowName, String learningRateOption) {
        List<String> lines = new ArrayList<>();
        double lr = result.config().learningRate();
        String smaller = learningRateOption + " " + num(lr / 10);
        for (Diagnosis diagnosis : result.diagnoses()) {
            if (diagnosis instanceof Diagnosis.Saturation saturation) {
                lines.addAll(saturation(saturation, result.config().loss(), rowName, smaller));
            } else if (diagnosis instanceof Diagnosis.Overshoot over) {
                lines.add(PREFIX + "overshoot: the loss rose from one epoch to the next in " + over.rises() + " of "
                        + over.epochs() + " epochs, first at epoch " + over.firstRise() + " (" + num(over.before(), 6)
                        + " → " + num(over.after(), 6) + "), highest " + num(over.highest(), 6) + " at epoch "
                        + over.highestEpoch() + ", " + num(over.highest() / over.start(), 3) + " times epoch 0's");
                lines.add(PREFIX + "the steps jump past the bottom of the loss and back up the other side;"
                        + " try a smaller learning rate, such as " + smaller);
            } else if (diagnosis instanceof Diagnosis.NotConverged still) {
                lines.add(PREFIX + "not converged: the loss still fell from " + num(still.from(), 6) + " at epoch "
                        + still.fromEpoch() + " to " + num(still.to(), 6) + " at epoch " + still.toEpoch() + ", "
                        + num(100 * still.share(), 2) + "% of its whole fall in the last tenth of the run");
                lines.add(PREFIX + "more epochs would help: try --epochs " + 2 * result.config().epochs()
                        + " (or a larger learning rate)");
            }
        }
        return lines;
    }

    private static List<String> saturation(Diagnosis.Saturation saturation, Loss loss, IntFunction<String> rowName,
            String smaller) {
        List<String> rows = new ArrayList<>();
        for (Diagnosis.Saturation.Row row : saturation.rows()) {
            if (rows.size() == MAX_ROWS) {
                rows.add((saturation.rows().size() - MAX_ROWS) + " more");
                break;
            }
            rows.add(rowName.apply(row.index()) + " (p = " + num(row.p(), 4) + ", label " + num(row.y()) + ")");
        }
        String why = loss == Loss.SQUARED_ERROR
                ? "σ'(z) = p(1 − p) ≈ 0 there, so δ = 2(p − y)·p(1 − p) ≈ 0 and the weights stopped moving"
                : "p is within 1e-6 of the wrong end, the model is sure and wrong";
        return List.of(PREFIX + "saturated: " + String.join(", ", rows) + ": " + why,
                PREFIX + "try a smaller learning rate (" + smaller + "), --standardize"
                        + (loss == Loss.SQUARED_ERROR ? ", or --loss cross-entropy, whose δ = p − y never vanishes"
                                : ", or more epochs"));
    }
}
