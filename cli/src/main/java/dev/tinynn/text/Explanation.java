package dev.tinynn.text;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.spi.Backend;
import java.io.PrintWriter;

/**
 * What {@code tinynn train} prints alike for one neuron ({@link NeuronExplanation}) and a network
 * ({@link NetworkExplanation}): the data line, the backend line, which epochs the loss table shows
 * and the accuracy line, written once so the two explanations cannot drift apart.
 */
abstract class Explanation {
    protected final PrintWriter out;
    protected final TrainingData trainingData;
    protected final Dataset data;
    protected final TrainingConfig config;
    protected final Backend backend;
    protected final double threshold;

    Explanation(PrintWriter out, TrainingData trainingData, TrainingConfig config, Backend backend, double threshold) {
        this.out = out;
        this.trainingData = trainingData;
        this.data = trainingData.data();
        this.config = config;
        this.backend = backend;
        this.threshold = threshold;
    }

    /** "  data      xor: 4 rows; input x1, x2; label 1 = pass, 0 = fail", naming the label column of a file. */
    final void dataLine() {
        out.printf("  data      %s: %d rows; input %s; label %s1 = pass, 0 = fail%n",
                data.name(), data.rows(), String.join(", ", data.featureNames()),
                trainingData.fromFile() ? "column '" + trainingData.label() + "': " : "");
    }

    /** "  backend   plain (…, …)", then a blank line. */
    final void backendLine() {
        out.printf("  backend   %s (%s, %s)%n%n", backend.name(), backend.library(), backend.version());
    }

    /** Whether the loss table shows epoch e of a run of {@code epochs}: every tenth of the run, and the last. */
    static boolean shown(int epoch, int epochs) {
        int every = Math.max(1, epochs / 10);
        return epoch % every == 0 || epoch == epochs - 1;
    }

    /** "  accuracy  3 of 4 rows right at threshold 0.5", then a blank line. */
    final void accuracy(int rowsRight) {
        out.printf("  accuracy  %d of %d rows right at threshold %s%n%n", rowsRight, data.rows(), num(threshold));
    }
}
