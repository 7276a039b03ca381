package dev.tinynn.cli;

import dev.tinynn.text.Bar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --progress auto|always|never}: whether a long run draws a progress bar on stderr. The
 * bar never goes to stdout, so what a command prints there is the same with or without it.
 */
final class ProgressOption {

    /** When to draw the bar. */
    enum When {
        /** When stderr is a terminal and the run has lasted a second (a quick run shows nothing); never with --json. */
        AUTO,
        /** From the start, wherever stderr goes. */
        ALWAYS,
        /** Never. */
        NEVER
    }

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            converter = WhenConverter.class,
            description = "auto, always or never: draw a progress bar on stderr (epochs done, loss, rate, time left)."
                    + " auto draws it when stderr is a terminal and the run lasts more than a second, and not with"
                    + " --json (default: ${DEFAULT-VALUE}).")
    When when = When.AUTO;

    /** Whether and from when to draw a bar, for a command that prints JSON when {@code json}. */
    Bar.Drawing drawing(boolean json) {
        return when == When.ALWAYS ? Bar.Drawing.FROM_THE_START
                : when == When.AUTO && !json && stderrIsTerminal() ? Bar.Drawing.AFTER_A_SECOND : Bar.Drawing.NEVER;
    }

    /** Whether to draw the bar from the start rather than once the run has lasted a second. */
    boolean fromTheStart() {
        return when == When.ALWAYS;
    }

    /**
     * Whether stderr is a terminal. Java 17 can only say whether stdin and stdout both are
     * ({@link System#console()}); on Linux the file descriptor's target tells exactly.
     */
    static boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    /** Whether stdout is a terminal, where lines printed while the bar is drawn would break it up. */
    static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    private static boolean isTerminal(int fd) {
        Path descriptors = Path.of("/proc/self/fd");
        if (!Files.isDirectory(descriptors)) {
            return System.console() != null; // not Linux: stdin and stdout are terminals, stderr most likely too
        }
        try {
            // the link's text: /dev/pts/3 for a terminal, pipe:[1234] or a file's path otherwise
            String target = Files.readSymbolicLink(descriptors.resolve(Integer.toString(fd))).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException unknown) {
            return false;
        }
    }

    static final class WhenConverter implements picocli.CommandLine.ITypeConverter<When> {
        @Override
        public When convert(String value) {
            for (When when : When.values()) {
                if (when.name().equalsIgnoreCase(value)) {
                    return when;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + dev.tinynn.io.TextFiles.oneLine(value)
                    + "' is not one of auto, always, never");
        }
    }
}
