package dev.tinynn.cli;

import java.util.concurrent.atomic.AtomicInteger;
import org.jline.utils.Signals;

/**
 * Ctrl-C during training: the first asks training to stop at the end of the current epoch (or
 * row), so the command can say how far it got and exit 130 having written nothing; a second one
 * ends the program at once. Outside {@link #during} Ctrl-C does what it always does.
 *
 * <p>The handler only sets a flag that the training listener reads ({@link #requested()}); core
 * knows nothing of signals. It uses JLine's {@link Signals}, which wraps the JDK's one way to handle
 * SIGINT without ending the JVM ({@code sun.misc.Signal}; a shutdown hook runs only once the JVM is
 * already exiting) and does nothing where the platform has no such signal.
 */
final class Interrupt implements AutoCloseable {
    /** The exit code of a run ended by Ctrl-C: 128 + SIGINT's number, 2, as shells report it. */
    static final int EXIT_CODE = 130;

    private final AtomicInteger presses = new AtomicInteger();
    /** The handler Ctrl-C had before, as JLine hands it back (null where there is no SIGINT). */
    private final Object previous;

    private Interrupt() {
        previous = Signals.register("INT", () -> {
            if (presses.incrementAndGet() > 1) {
                System.err.println();
                System.err.println("tinynn: stopped at once (second Ctrl-C); nothing was saved");
                Runtime.getRuntime().halt(EXIT_CODE);
            }
        });
    }

    /** Handles Ctrl-C from now until {@link #close()}. */
    static Interrupt during() {
        return new Interrupt();
    }

    /** Whether Ctrl-C was pressed. */
    boolean requested() {
        return presses.get() > 0;
    }

    /** Gives Ctrl-C back its default: ending the program. */
    @Override
    public void close() {
        Signals.unregister("INT", previous);
    }
}
