package dev.tinynn.text;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.spi.Backend;
import java.io.PrintWriter;
import java.util.List;

/**
 * What {@code tinynn lab} prints of its learning-rate lab: the same neuron trained at several
 * learning rates, their losses side by side, what each learned, and core's warnings for each.
 */
public final class LearningRateLab {
    private LearningRateLab() {
    }

    /**
     * @param first the settings of the first run (the runs differ only in their learning rate)
     * @param every print the loss every this many epochs; {@code null} for a tenth of the run
     */
    public static void print(PrintWriter out, TrainingData trainingData, List<LearningRateRun> runs,
            TrainingConfig first, Backend backend, Integer every) {
        Dataset data = trainingData.data();
        Formulas formulas = new Formulas(data);
        out.printf("tinynn lab: the same neuron trained with %d learning rates, side by side%n%n", runs.size());
        out.printf("  data      %s: %d rows; input %s%s%n", data.name(), data.rows(),
                String.join(", ", data.featureNames()), trainingData.scaling() == null ? "" : " (as z-scores)");
        out.printf("  training  %d epochs of %s updates, %s loss, from %s, b = %s; backend %s%n%n", first.epochs(),
                first.updates(), first.loss(), formulas.weights(first.initialWeightsFor(data), Numbers::num),
                num(first.initialBias()), backend.name());
        lossTable(out, runs, first, every);
        learned(out, runs, formulas);
        warnings(out, runs, trainingData);
    }

    private static void lossTable(PrintWriter out, List<LearningRateRun> runs, TrainingConfig config, Integer every) {
        int epochs = config.epochs();
        int step = every != null ? every : Math.max(1, epochs / 10);
        out.printf("  mean %s loss, every %d %s%n", config.loss(), step, step == 1 ? "epoch" : "epochs");
        StringBuilder header = new StringBuilder(String.format("  %7s", "epoch"));
        for (LearningRateRun run : runs) {
            header.append(String.format("  %14s", "lr " + num(run.learningRate())));
        }
        out.println(header);
        for (int e = 0; e < epochs; e++) {
            if (e % step == 0 || e == epochs - 1) {
                StringBuilder line = new StringBuilder(String.format("  %7d", e));
                for (LearningRateRun run : runs) {
                    line.append(String.format("  %14s", e < run.losses().size() ? num(run.losses().get(e))
                            : e == run.losses().size() ? "diverged" : ""));
                }
                out.println(line);
            }
        }
        StringBuilder last = new StringBuilder(String.format("  %7s", "final"));
        for (LearningRateRun run : runs) {
            last.append(String.format("  %14s", run.result() == null ? "—" : num(run.result().finalLoss())));
        }
        out.println(last.append('\n'));
    }

    private static void learned(PrintWriter out, List<LearningRateRun> runs, Formulas formulas) {
        for (int r = 0; r < runs.size(); r++) {
            LearningRateRun run = runs.get(r);
            String name = String.format("%-9s %-8s", r == 0 ? "learned" : "", "lr " + num(run.learningRate()));
            out.printf("  %s  %s%n", name, run.result() == null
                    ? "diverged at epoch " + run.divergedAt() + ": the steps overshoot further each time"
                    : formulas.weights(run.result().weights(), Numbers::num) + ", b = " + num(run.result().bias()));
        }
        out.println("            a larger rate takes larger steps: the loss falls faster, until the steps overshoot");
        out.println();
    }

    /** Core's diagnoses of each run that finished, each line naming its learning rate. */
    private static void warnings(PrintWriter out, List<LearningRateRun> runs, TrainingData data) {
        boolean any = false;
        for (LearningRateRun run : runs) {
            if (run.result() == null) {
                continue;
            }
            for (String line : Warnings.of(run.result(), data::rowName, "--learning-rates")) {
                out.println(Warnings.PREFIX + "lr " + num(run.learningRate()) + ": "
                        + line.substring(Warnings.PREFIX.length()));
                any = true;
            }
        }
        if (any) {
            out.println();
        }
    }
}
