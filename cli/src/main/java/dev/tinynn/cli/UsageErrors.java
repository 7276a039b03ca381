package dev.tinynn.cli;

import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Core checks its arguments and throws {@link IllegalArgumentException} with a message that names
 * the problem and the fix; on the command line that is a usage error: one line, exit code 2.
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
}
