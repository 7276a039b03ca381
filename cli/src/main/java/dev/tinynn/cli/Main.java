package dev.tinynn.cli;

import dev.tinynn.core.Activation;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Named;
import dev.tinynn.core.TrainingDivergedException;
import dev.tinynn.core.TrainingStoppedException;
import dev.tinynn.core.Updates;
import dev.tinynn.io.TextFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Starts {@code tinynn}. Errors reach the user as one line that names the problem and the fix, with
 * a non-zero exit code: 2 for a bad option or value (picocli's usage code), 1 when training or a
 * file operation fails. The stack trace is printed only with {@code --verbose}. Every message is
 * printed on one line with its control characters escaped, so a file or column name holding a
 * line break or a terminal escape sequence can neither split it nor rewrite the terminal.
 *
 * <p>Before anything else, AWT is told it is headless ({@code java.awt.headless=true}): tinynn
 * opens no window, and a {@code DISPLAY} naming a display that does not exist would otherwise make
 * drawing a plot fail. Output is UTF-8 whatever the locale ({@link StandardStreams}), and a write
 * to stdout that fails (a full disk, a closed pipe) makes the run fail with exit code 1.
 */
public final class Main {
    private Main() {
    }

    /** What to do when memory runs out, for both ways of starting the program. */
    static final String MORE_MEMORY = "tinynn: out of memory; give Java more: TINYNN_JAVA_OPTS=-Xmx4g ./tinynn …"
            + " with the launcher, or java -Xmx4g -jar tinynn.jar … with the jar (or use less data)";

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // before any AWT class loads; see the class comment
        StandardStreams.install();
        boolean verbose = Arrays.asList(args).contains("--verbose");
        int exitCode;
        try {
            CommandLine cmd = commandLine(verbose, Tinynn.subcommandsFor(args));
            cmd.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
            cmd.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
            exitCode = cmd.execute(args);
            cmd.getOut().flush();
            IOException failed = StandardStreams.stdoutFailure();
            if (failed != null) {
                System.err.println("tinynn: cannot write the output: " + StandardStreams.reason(failed));
                exitCode = 1;
            }
        } catch (OutOfMemoryError e) {
            System.err.println(MORE_MEMORY);
            exitCode = 1;
        } catch (Error e) { // picocli hands on errors, such as a library missing from the class path
            if (verbose) {
                e.printStackTrace();
            }
            System.err.println("tinynn: internal error: " + TextFiles.oneLine(String.valueOf(e))
                    + " (run again with --verbose for details)");
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /** The configured command line with every subcommand, for tests. */
    static CommandLine commandLine(boolean verbose) {
        return commandLine(verbose, Tinynn.SUBCOMMANDS.values());
    }

    /** The configured command line with these subcommands (added first: converters and handlers reach only those already there). */
    static CommandLine commandLine(boolean verbose, Collection<Class<?>> subcommands) {
        CommandLine cmd = new CommandLine(new Tinynn());
        for (Class<?> subcommand : subcommands) {
            cmd.addSubcommand(subcommand);
        }
        // Java's own number parsing drops control characters at either end ("2\n" reads as 2): refuse them.
        CommandLine.ITypeConverter<Double> number = value -> {
            if (value.chars().anyMatch(Character::isISOControl)) {
                throw new CommandLine.TypeConversionException("'" + TextFiles.oneLine(value) + "' holds a control"
                        + " character; write the number alone, such as 0.5");
            }
            try {
                return Double.valueOf(value);
            } catch (NumberFormatException e) { // picocli's own words, which PlainWords turns into plain ones
                throw new CommandLine.TypeConversionException("'" + value + "' is not a double");
            }
        };
        cmd.registerConverter(Double.class, number);
        cmd.registerConverter(double.class, number);
        cmd.registerConverter(Loss.class, byId(Loss::byId));
        cmd.registerConverter(Updates.class, byId(Updates::byId));
        cmd.registerConverter(Activation.class, byId(Activation::byId));
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            if (verbose) {
                ex.printStackTrace(failed.getErr());
            }
            String name = failed.getCommandSpec().qualifiedName();
            String message = PlainWords.conversion(ex).orElse(ex.getMessage());
            failed.getErr().println(name + ": " + TextFiles.oneLine(message) + " (see '" + name + " --help')");
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        cmd.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            if (ex instanceof TrainingStoppedException stopped) {
                failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + stopped(stopped));
                return Interrupt.EXIT_CODE;
            }
            if (verbose) {
                ex.printStackTrace(failed.getErr());
            }
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + TextFiles.oneLine(oneLine(ex)));
            return ex instanceof IllegalArgumentException
                    ? failed.getCommandSpec().exitCodeOnInvalidInput()
                    : failed.getCommandSpec().exitCodeOnExecutionException();
        });
        return cmd;
    }

    /**
     * One converter for every choice made by its id (core's {@link Named}: --loss, --updates,
     * --activation): an unknown id is a usage error whose message lists the valid ones.
     */
    private static <T extends Named> CommandLine.ITypeConverter<T> byId(Function<String, T> byId) {
        return value -> {
            try {
                return byId.apply(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        };
    }

    /** The one line after Ctrl-C: how far training got, and that nothing was saved. */
    static String stopped(TrainingStoppedException stopped) {
        return "stopped by Ctrl-C " + (stopped.epochsDone() == 0 ? "in the first epoch"
                : "after epoch " + stopped.epochsDone() + " of " + stopped.epochs()
                        + (Double.isNaN(stopped.loss()) ? ""
                                : " (loss then " + dev.tinynn.text.Numbers.num(stopped.loss()) + ")"))
                + "; nothing was saved";
    }

    private static String oneLine(Exception ex) {
        if (ex instanceof TrainingDivergedException || ex instanceof AdvisedTraining.Failed
                || ex instanceof IllegalArgumentException
                || ex instanceof IOException && ex.getMessage() != null && ex.getMessage().startsWith("cannot save")) {
            return ex.getMessage();
        }
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return message.lines().findFirst().orElse(message) + " (run again with --verbose for details)";
    }
}
