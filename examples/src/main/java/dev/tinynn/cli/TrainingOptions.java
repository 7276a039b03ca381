package dev.tinynn.cli;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Loss;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.Updates;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The options that choose what to train and how, shared by every command that trains. Defaults
 * are the tutorial's page-4 loop: online updates with its (cross-entropy) rule, lr 0.1, 1000 epochs.
 */
final class TrainingOptions {

    @Option(names = "--data", paramLabel = "NAME", defaultValue = "study-hours",
            description = "Built-in dataset: study-hours, study-sleep or study-hours-plus (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--loss", paramLabel = "NAME", defaultValue = "cross-entropy", converter = LossConverter.class,
            description = "squared-error or cross-entropy: the loss whose gradient moves the weights "
                    + "(default: ${DEFAULT-VALUE}, whose gradient is the tutorial's update rule).")
    Loss loss;

    @Option(names = "--updates", paramLabel = "WHEN", defaultValue = "online", converter = UpdatesConverter.class,
            description = "online (a step after every row, like the tutorial's pages) or batch (one step per "
                    + "epoch from the mean gradient, like its NumPy tab) (default: ${DEFAULT-VALUE}).")
    Updates updates;

    @Option(names = "--learning-rate", paramLabel = "X", defaultValue = "0.1",
            description = "Step size lr, a number > 0 (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1000",
            description = "Passes over the data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--initial-weights", paramLabel = "W", split = ",",
            description = "Starting weights, one per feature, comma-separated (default: all 0; the tutorial starts at 0.1).")
    double[] initialWeights;

    @Option(names = "--initial-bias", paramLabel = "B", defaultValue = "0",
            description = "Starting bias (default: ${DEFAULT-VALUE}).")
    double initialBias;

    /** The dataset named by --data. */
    Dataset dataset(CommandSpec spec) {
        return checked(spec, () -> Datasets.named(data));
    }

    /** The training settings, checked against the data (one initial weight per feature). */
    TrainingConfig config(CommandSpec spec, Dataset dataset) {
        return checked(spec, () -> {
            TrainingConfig config = new TrainingConfig(loss, updates, learningRate, epochs, initialWeights, initialBias);
            config.initialWeightsFor(dataset);
            return config;
        });
    }

    /** Runs a check from core and turns its IllegalArgumentException into a usage error. */
    static <T> T checked(CommandSpec spec, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    static final class LossConverter implements picocli.CommandLine.ITypeConverter<Loss> {
        @Override
        public Loss convert(String value) {
            try {
                return Loss.byId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class UpdatesConverter implements picocli.CommandLine.ITypeConverter<Updates> {
        @Override
        public Updates convert(String value) {
            try {
                return Updates.byId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
