package dev.tinynn.web.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The code runners of the browser tutorial: one JShell per browser session, each executing in a
 * runner JVM of its own (see {@link Runner}), like the kernels of a notebook. State (variables,
 * methods) persists between the Runs of a session.
 *
 * <p>At most {@code maxRunners} sessions are kept; when another session runs code, the least
 * recently used one is closed (its JVM ends, its state is lost; its next Run starts afresh). A
 * session's runner that ended (its code called {@code System.exit}, or it was killed after a
 * timeout) or was reset is replaced at once, in the background, so that the next Run finds it
 * ready. A runner JVM costs about 45 MB resident; the compiler for its snippets runs in this JVM.
 *
 * <p>Thread-safe: Runs of different sessions proceed in parallel; the Runs of one session are
 * serialised.
 */
public final class Runners implements AutoCloseable {
    private final int maxRunners;
    private final Duration timeout;
    private final String classPath;
    /** In access order: the first entry is the least recently used. Guarded by itself. */
    private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    /** At most maxRunners JVMs, least recently used closed first; classPath = tinynn's class path for JShell. */
    public Runners(int maxRunners, Duration timeout, String classPath) {
        if (maxRunners < 1) {
            throw new IllegalArgumentException("maxRunners must be at least 1, not " + maxRunners);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
        }
        this.maxRunners = maxRunners;
        this.timeout = timeout;
        this.classPath = Objects.requireNonNull(classPath, "classPath");
    }

    /**
     * Runs code in the session's JShell (state persists per session). Never throws for the code's
     * faults: a compile error, an exception, a timeout or a runner JVM that ended are all answers.
     *
     * @throws IllegalStateException if these runners were closed
     */
    public RunResult run(String sessionId, String code) {
        while (true) {
            RunResult result = session(sessionId).run(code);
            if (result != null) {
                return result;
            }
            // The session was closed (reset, or evicted by another session) before this Run began.
        }
    }

    /**
     * Starts that session's runner afresh: its JVM ends now, and a new one starts in the background
     * so that the session's next Run finds it ready.
     */
    public void reset(String sessionId) {
        Session old;
        Session fresh = new Session();
        synchronized (sessions) {
            if (closed) {
                return;
            }
            old = sessions.get(sessionId);
            if (old == null) {
                return; // never ran: nothing to reset
            }
            sessions.put(sessionId, fresh);
        }
        old.close();
        fresh.startInBackground();
    }

    /** Closes every runner JVM and waits until they have exited. */
    @Override
    public void close() {
        List<Session> all;
        synchronized (sessions) {
            closed = true;
            all = new ArrayList<>(sessions.values());
            sessions.clear();
        }
        all.forEach(Session::close);
    }

    /** The session's entry, made the most recently used; a new one closes the least recently used if all are taken. */
    private Session session(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        List<Session> evicted = new ArrayList<>();
        Session session;
        synchronized (sessions) {
            if (closed) {
                throw new IllegalStateException("the runners are closed");
            }
            session = sessions.get(sessionId);
            if (session == null) {
                Iterator<Map.Entry<String, Session>> eldest = sessions.entrySet().iterator();
                while (sessions.size() >= maxRunners && eldest.hasNext()) {
                    evicted.add(eldest.next().getValue());
                    eldest.remove();
                }
                session = new Session();
                sessions.put(sessionId, session);
            }
        }
        // Closed before this session starts its JVM, so that at most maxRunners run at once.
        evicted.forEach(Session::close);
        return session;
    }

    /**
     * One session: its runner (started at its first Run, or in the background after a reset or after
     * its JVM ended) and the lock that serialises its Runs and starts.
     */
    private final class Session {
        private final Object lock = new Object();
        private volatile Runner runner;
        private volatile boolean closed;

        /** Runs code, starting a runner first if there is none; null if the session was closed before it began. */
        RunResult run(String code) {
            synchronized (lock) {
                if (closed) {
                    return null;
                }
                long start = System.nanoTime();
                Runner current = runner;
                if (current == null || current.ended()) {
                    if (current != null) {
                        current.close();
                    }
                    try {
                        current = Runner.start(classPath);
                    } catch (RuntimeException failed) {
                        runner = null;
                        return new RunResult(RunResult.ERROR, "The Java runner could not be started: "
                                + failed.getMessage(), (System.nanoTime() - start) / 1_000_000);
                    }
                    runner = current;
                    if (closed) { // closed while starting: close() may have missed the new runner
                        current.close();
                        return null;
                    }
                }
                RunResult result = current.run(code, timeout, start);
                if (current.ended()) {
                    current.close();
                    runner = null;
                    startInBackground(); // the replacement, ready for the next Run
                }
                return result;
            }
        }

        /** Starts the session's runner on another thread, unless it has one; a Run meanwhile waits for it. */
        void startInBackground() {
            Thread starter = new Thread(() -> {
                synchronized (lock) {
                    if (closed || runner != null) {
                        return;
                    }
                    try {
                        Runner started = Runner.start(classPath);
                        runner = started;
                        if (closed) {
                            started.close();
                        }
                    } catch (RuntimeException failed) {
                        // the next Run tries again and reports why it fails
                    }
                }
            }, "tinynn-runner-start");
            starter.setDaemon(true);
            starter.start();
        }

        /**
         * Ends the session's runner JVM (a Run in progress ends with an error) and waits until no Run
         * or start of this session is in progress, so that no runner JVM of it is left.
         */
        void close() {
            closed = true;
            Runner current = runner;
            if (current != null) {
                current.close();
            }
            synchronized (lock) {
                current = runner;
                if (current != null) {
                    current.close();
                    runner = null;
                }
            }
        }
    }
}
