package dev.tinynn.cli;

import dev.tinynn.core.Loss;
import picocli.CommandLine.Option;

/** {@code --loss NAME}, for the commands that train and for gradcheck, which checks the same gradient. */
final class LossOption {

    @Option(names = "--loss", paramLabel = "NAME", defaultValue = "cross-entropy",
            description = "squared-error or cross-entropy: the loss whose gradient is taken, to move the weights or, in "
                    + "gradcheck, to be checked (default: ${DEFAULT-VALUE}, whose gradient is the tutorial's update rule).")
    Loss value;
}
