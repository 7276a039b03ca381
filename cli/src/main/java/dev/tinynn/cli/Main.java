package dev.tinynn.cli;

import dev.tinynn.core.TrainingDivergedException;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Starts {@code tinynn}. Errors reach the user as one line that names the problem and the fix, with
 * a non-zero exit code: 2 for a bad option or value (picocli's usage code), 1 when training or a
 * file operation fails. The stack trace is printed only with {@code --verbose}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        int exitCode;
        try {
            exitCode = commandLine(verbose).execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("tinynn: out of memory; give Java more with TINYNN_JAVA_OPTS=-Xmx4g (or use less data)");
            exitCode = 1;
        } catch (Error e) { // picocli hands on errors, such as a library missing from the class path
            if (verbose) {
                e.printStackTrace();
            }
            System.err.println("tinynn: internal error: " + e + " (run again with --verbose for details)");
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /** The configured command line, for the program and for tests. */
    static CommandLine commandLine(boolean verbose) {
        CommandLine cmd = new CommandLine(new Tinynn());
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            if (verbose) {
                ex.printStackTrace(failed.getErr());
            }
            String name = failed.getCommandSpec().qualifiedName();
            String message = PlainWords.conversion(ex).orElse(ex.getMessage());
            failed.getErr().println(name + ": " + message + " (see '" + name + " --help')");
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        cmd.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            if (verbose) {
                ex.printStackTrace(failed.getErr());
            }
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + oneLine(ex));
            return ex instanceof IllegalArgumentException
                    ? failed.getCommandSpec().exitCodeOnInvalidInput()
                    : failed.getCommandSpec().exitCodeOnExecutionException();
        });
        return cmd;
    }

    private static String oneLine(Exception ex) {
        if (ex instanceof TrainingDivergedException || ex instanceof Divergence.Failed
                || ex instanceof IllegalArgumentException) {
            return ex.getMessage();
        }
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return message.lines().findFirst().orElse(message) + " (run again with --verbose for details)";
    }
}
