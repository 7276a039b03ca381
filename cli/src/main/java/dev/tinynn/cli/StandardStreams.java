package dev.tinynn.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The program's stdout and stderr: always UTF-8, and a failed write to stdout is remembered.
 *
 * <p>UTF-8 whatever the locale says: the output is full of σ, ≥, − and ′, and Java 17 otherwise
 * encodes it in the locale's charset, which with {@code LANG=C} (or no locale at all, as in many
 * containers) is ASCII and turns each of them into {@code ?}. Terminals today read UTF-8 whatever
 * {@code LANG} says; a pipe or a file gets the same bytes either way.
 *
 * <p>{@link PrintStream} swallows write errors (a full disk, a reader that closed the pipe), so
 * the first one is kept here and {@link Main} turns it into exit code 1 and one line on stderr,
 * instead of exit 0 with nothing printed.
 */
final class StandardStreams {
    private static volatile IOException stdoutFailure;

    private StandardStreams() {
    }

    /** Replaces System.out and System.err with UTF-8 streams; stdout remembers its first failed write. */
    static void install() {
        System.setOut(new PrintStream(new Remembering(new FileOutputStream(FileDescriptor.out)), true,
                StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    /** The first write to stdout that failed, after flushing it; {@code null} when all went out. */
    static IOException stdoutFailure() {
        System.out.flush();
        return stdoutFailure;
    }

    /** Why a write failed, in plain words. */
    static String reason(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Broken pipe")) {
            return "the program reading it stopped (broken pipe)";
        }
        if (message.contains("No space left")) {
            return "the disk is full (no space left on device)";
        }
        return message.lines().findFirst().orElse(message);
    }

    /** An output stream that keeps its first IOException before passing it on. */
    private static final class Remembering extends FilterOutputStream {
        Remembering(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private static void remember(IOException e) {
            if (stdoutFailure == null) {
                stdoutFailure = e;
            }
        }
    }
}
