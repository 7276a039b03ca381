package dev.tinynn.cli;

import dev.tinynn.core.Activation;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.TrainingConfig;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --hidden}, {@code --activation}, {@code --seed} and {@code --init}: a network with hidden
 * layers instead of the one neuron. Without {@code --hidden} nothing changes: the command trains
 * the tutorial's neuron, exactly as before.
 *
 * <p>A network gets its own defaults for what the user leaves out (see
 * {@link TrainingConfig#network()}): batch updates, learning rate 1, 2000 epochs.
 */
final class NetworkOptions {

    /**
     * The most units a hidden layer may have. The workspace keeps three numbers per unit for every
     * row (z, a and δ): 1024 units over 10,000 rows already take 250 MB, and two layers of 1024
     * hold a million weights, more than anyone reads; XOR needs 2.
     */
    static final int MAX_UNITS = 1024;

    /** The most hidden layers: each one more is a matrix product per step, and 8 is far past what these data need. */
    static final int MAX_LAYERS = 8;

    @Option(names = "--hidden", paramLabel = "UNITS", converter = HiddenConverter.class,
            description = "Train a network: the units of each hidden layer, comma-separated, such as 4 (one layer) or "
                    + "8,8 (two), each 1 to " + MAX_UNITS + ". Then the defaults are --updates batch, "
                    + "--learning-rate 1, --epochs 2000.")
    Hidden hidden;

    /** The units of each hidden layer, as --hidden gave them. */
    record Hidden(int[] units) {
    }

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "sigmoid",
            description = "What each hidden unit does with its z: sigmoid, tanh or relu (default: ${DEFAULT-VALUE}).")
    Activation activation;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + Network.DEFAULT_SEED,
            description = "The starting weights are random from this seed, the same on every computer "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--init", paramLabel = "HOW", defaultValue = "random",
            description = "random (Glorot-uniform from --seed; He for relu) or zeros, to see every hidden unit stay "
                    + "the same (default: ${DEFAULT-VALUE}).")
    String init;

    /** Whether --hidden was given: a network instead of the neuron. */
    boolean network() {
        return hidden != null;
    }

    /** Whether the start is all zeros (then the seed is not used). */
    boolean zeros() {
        return init.equals("zeros");
    }

    /** The seed the start is drawn from; null for --init zeros, which uses none. */
    Long startSeed() {
        return zeros() ? null : seed;
    }

    /**
     * Checks the network options against each other and the neuron's: --activation, --seed and
     * --init need --hidden; --initial-weights and --initial-bias are the neuron's.
     */
    void check(CommandSpec spec) {
        if (!init.equals("random") && !init.equals("zeros")) {
            throw new ParameterException(spec.commandLine(), "--init must be random or zeros, got '" + init + "'");
        }
        var parsed = spec.commandLine().getParseResult();
        if (!network()) {
            for (String option : List.of("--activation", "--seed", "--init")) {
                if (parsed.hasMatchedOption(option)) {
                    throw new ParameterException(spec.commandLine(), option + " is for a network with hidden layers;"
                            + " add --hidden 4 (say) to train one, or leave out " + option + " for the one neuron");
                }
            }
            return;
        }
        for (String option : List.of("--initial-weights", "--initial-bias")) {
            if (parsed.hasMatchedOption(option)) {
                throw new ParameterException(spec.commandLine(), option + " sets the one neuron's start; a network"
                        + " starts from --seed N (random weights) or --init zeros: leave out " + option);
            }
        }
    }

    /** The network's settings: those given, and the network defaults for --updates, --learning-rate and --epochs. */
    TrainingConfig config(CommandSpec spec, TrainingConfig given) {
        var parsed = spec.commandLine().getParseResult();
        TrainingConfig defaults = TrainingConfig.network();
        return defaults.withLoss(given.loss())
                .withUpdates(parsed.hasMatchedOption("--updates") ? given.updates() : defaults.updates())
                .withLearningRate(parsed.hasMatchedOption("--learning-rate") ? given.learningRate()
                        : defaults.learningRate())
                .withEpochs(parsed.hasMatchedOption("--epochs") ? given.epochs() : defaults.epochs());
    }

    /** Where training starts: random from the seed, or zeros. */
    Network start(Dataset data) {
        NetworkShape shape = new NetworkShape(data.features(), hidden.units(), activation);
        return zeros() ? Network.zeros(shape) : Network.random(shape, seed);
    }

    /** "4" or "8,8": each layer 1 to {@value #MAX_UNITS} units, at most {@value #MAX_LAYERS} layers. */
    static final class HiddenConverter implements picocli.CommandLine.ITypeConverter<Hidden> {
        @Override
        public Hidden convert(String value) {
            String[] parts = value.split(",", -1);
            String how = "give the units of each hidden layer as whole numbers separated by commas, such as"
                    + " --hidden 4 or --hidden 8,8";
            if (parts.length > MAX_LAYERS) {
                throw new TypeConversionException("'" + value + "' has " + parts.length + " layers; at most "
                        + MAX_LAYERS + " (each adds a matrix product per step, and these data need one or two)");
            }
            int[] units = new int[parts.length];
            for (int l = 0; l < parts.length; l++) {
                String part = parts[l].strip();
                if (!part.matches("-?[0-9]{1,9}")) {
                    throw new TypeConversionException("'" + part + "' is not a whole number; " + how);
                }
                units[l] = Integer.parseInt(part);
                if (units[l] < 1) {
                    throw new TypeConversionException("'" + value + "' has a layer of " + units[l] + " units,"
                            + " but every hidden layer needs at least 1; " + how);
                }
                if (units[l] > MAX_UNITS) {
                    throw new TypeConversionException("'" + value + "' asks for " + units[l] + " units; at most "
                            + MAX_UNITS + " per layer, since every unit keeps three numbers per row (1024 units"
                            + " over 10,000 rows take 250 MB) and XOR needs 2; use fewer, such as --hidden 8");
                }
            }
            return new Hidden(units);
        }
    }
}
