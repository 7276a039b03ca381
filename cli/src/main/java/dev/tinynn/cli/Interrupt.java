package dev.tinynn.cli;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during training: the first asks training to stop at the end of the current epoch (or
 * row), so the command can say how far it got and exit 130 having written nothing; a second one
 * ends the program at once. Outside {@link #during} Ctrl-C does what it always does.
 *
 * <p>The handler only sets a flag that the training listener reads ({@link #requested()}); core
 * knows nothing of signals. It uses {@code sun.misc.Signal}, the JDK's one way to handle SIGINT
 * without ending the JVM (a shutdown hook runs only once the JVM is already exiting).
 */
final class Interrupt implements AutoCloseable {
    /** The exit code of a run ended by Ctrl-C: 128 + SIGINT's number, 2, as shells report it. */
    static final int EXIT_CODE = 130;

    private final AtomicInteger presses = new AtomicInteger();
    private final SignalHandler previous;

    private Interrupt() {
        SignalHandler old;
        try {
            old = Signal.handle(new Signal("INT"), signal -> {
                if (presses.incrementAndGet() > 1) {
                    System.err.println();
                    System.err.println("tinynn: stopped at once (second Ctrl-C); nothing was saved");
                    Runtime.getRuntime().halt(EXIT_CODE);
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException noSignals) {
            old = null; // a platform without SIGINT: Ctrl-C keeps its default
        }
        previous = old;
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
        if (previous != null) {
            Signal.handle(new Signal("INT"), previous);
        }
    }
}
