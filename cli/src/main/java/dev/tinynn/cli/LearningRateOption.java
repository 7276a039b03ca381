package dev.tinynn.cli;

import picocli.CommandLine.Option;

/** {@code --learning-rate X}, for the commands that train at one rate ({@code lab} takes several). */
final class LearningRateOption {

    @Option(names = "--learning-rate", paramLabel = "X", defaultValue = "0.1",
            description = "Step size lr, a number > 0 and at most 1e6 (default: ${DEFAULT-VALUE}).")
    double value;
}
