package dev.tinynn.cli;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.Updates;
import dev.tinynn.text.Numbers;
import dev.tinynn.text.TrainingData;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that choose what to train and how, shared by every command that trains. Defaults
 * are the tutorial's page-4 loop: online updates with its (cross-entropy) rule, 1000 epochs. The
 * learning rate is each command's own: {@code train} takes one, {@code lab} several.
 */
final class TrainingOptions {

    /**
     * The largest learning rate accepted. Each step moves a weight by lr·δ·x, and |δ| is at most 1
     * for cross-entropy and 8/27 for squared error, so lr is the step's size in units of the input.
     * On inputs of any ordinary scale, a rate above a million throws every p to 0 or 1 in the first
     * step; it is a slip (1e6 for 1e-6) rather than an experiment. Rates up to it still overshoot
     * and diverge in instructive ways.
     */
    static final double MAX_LEARNING_RATE = 1e6;

    /**
     * The most epochs accepted. Training keeps one loss per epoch (and train another for the
     * tutorial's column), 16 bytes an epoch: ten million is 160 MB, about a default heap, and
     * minutes of training even on a small file. More is almost surely a typo (an extra zero); the
     * tutorial needs 1000.
     */
    static final int MAX_EPOCHS = 10_000_000;

    @Mixin
    DataOptions data;

    @Mixin
    LossOption loss;

    @Option(names = "--updates", paramLabel = "WHEN", defaultValue = "online",
            description = "online (a step after every row, like the tutorial's pages) or batch (one step per "
                    + "epoch from the mean gradient, like its NumPy tab) (default: ${DEFAULT-VALUE}).")
    Updates updates;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1000",
            description = "Passes over the data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--initial-weights", paramLabel = "W", split = ",",
            description = "Starting weights, one per feature, comma-separated (default: all 0; the tutorial starts at 0.1).")
    double[] initialWeights;

    @Option(names = "--initial-bias", paramLabel = "B", defaultValue = "0",
            description = "Starting bias (default: ${DEFAULT-VALUE}).")
    double initialBias;

    /**
     * The data chosen by --data (and, for a file, --label, --features), standardised with
     * --standardize, with a progress bar while a large file is read.
     */
    TrainingData data(CommandSpec spec, ProgressOption progress, boolean json) {
        return data.load(spec, progress.drawing(json));
    }

    /**
     * The training settings with this learning rate, checked against the data (one initial weight
     * per feature) and against the bounds above.
     */
    TrainingConfig config(CommandSpec spec, Dataset dataset, double learningRate) {
        if (learningRate > MAX_LEARNING_RATE) {
            throw new ParameterException(spec.commandLine(), "learning rate " + Numbers.num(learningRate)
                    + " is absurdly large: above a million (1e6) the first step throws every"
                    + " prediction to 0 or 1; use a value such as 0.1");
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new ParameterException(spec.commandLine(), "--epochs must be between 1 and " + MAX_EPOCHS
                    + ", got " + epochs);
        }
        return UsageErrors.checked(spec, () -> {
            TrainingConfig config = new TrainingConfig(loss.value, updates, learningRate, epochs, initialWeights, initialBias);
            config.initialWeightsFor(dataset);
            return config;
        });
    }
}
