package dev.tinynn.cli;

import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Core checks its arguments and throws {@link IllegalArgumentException} with a message that names
 * the problem and the fix; on the command line that is a usage error: one line, exit code 2. A
 * problem that does not stop the command is a warning: one line on stderr, named the same way.
 */
final class UsageErrors {
    private UsageErrors() {
    }

    /** Runs a check from core and turns its IllegalArgumentException into a usage error. */
    static <T> T checked(CommandSpec spec, Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * A decision threshold T (Pass when p ≥ T) must lie strictly between 0 and 1: at 0 every row is
     * Pass, at 1 only a p that rounds to exactly 1 is. {@code option} names it in the message.
     */
    static void checkThreshold(CommandSpec spec, String option, double t) {
        if (!(t > 0 && t < 1)) {
            throw new ParameterException(spec.commandLine(), option + " must be between 0 and 1 (exclusive), got " + t);
        }
    }

    /** One line on stderr that does not stop the command: {@code tinynn train: warning: …}. */
    static void warn(CommandSpec spec, String warning) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + warning);
        spec.commandLine().getErr().flush();
    }
}
