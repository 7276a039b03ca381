package dev.tinynn.web.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The code runners of the browser tutorial: one JShell per browser session, each executing in a
 * runner JVM of its own (see {@link Runner}), like the kernels of a notebook. State (variables,
 * methods) persists between the Runs of a session.
 *
 * <p>At most {@code maxRunners} runner JVMs are alive at any instant: a JVM holds its place from
 * before it starts until the operating system says it has exited. A session without a JVM that finds
 * no free place takes the place of the least recently used <em>idle</em> session (its JVM ends, its
 * state is lost, and its next Run says so); a session with a Run in progress or waiting is never
 * taken. When every place is busy, the newcomer waits (its {@link Listener} is told), and after
 * {@link #queueLimit()} gets {@link BusyException}. The Runs of one session (several tabs of one
 * browser) run one after the other, in the order they came; a Run that waits for another is told so
 * and its answer says how long it waited.
 *
 * <p>A session's runner that ended (its code called {@code System.exit}, or it was killed after a
 * timeout) or was reset is replaced at once, in the background when a place is free, so that the next
 * Run finds it ready. The compiler for its snippets runs in this JVM, so a runner JVM is small (its
 * memory, measured: benchmarks/results/serve.md).
 *
 * <p>Thread-safe.
 */
public final class Runners implements AutoCloseable {
    /** What a Run is doing before its code runs, for a page that shows it. */
    public interface Listener {
        /** The Run waits: for the session's other Run, or for a free runner; {@code why} says which, in a sentence. */
        void waiting(String why);

        /** The Run has its runner and is running. */
        void running();

        Listener NONE = new Listener() {
            @Override
            public void waiting(String why) {
            }

            @Override
            public void running() {
            }
        };
    }

    /** Every runner is busy with another session's Run, and stayed so for {@link #queueLimit()}. */
    public static final class BusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        BusyException(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        /** How long to wait before trying again, for HTTP's Retry-After. */
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    static final String WAITING_FOR_OTHER_RUN = "waiting for the other run…";
    static final String STARTING_FRESH_RUNNER = "starting a fresh runner…";
    static final String EVICTED = "(This session's runner had been closed to make room for another session, so "
            + "earlier variables and methods are gone: this Run started afresh.)\n";

    private final int maxRunners;
    private final Duration timeout;
    private final String classPath;
    private final Duration queueLimit;
    private final Semaphore places;
    /** In access order: the first entry is the least recently used. Guarded by itself. */
    private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true);
    private volatile boolean closed;

    /** At most maxRunners JVMs at once; classPath = tinynn's class path for JShell; see {@link #queueLimit()}. */
    public Runners(int maxRunners, Duration timeout, String classPath) {
        this(maxRunners, timeout, classPath, timeout.plus(Runner.STOP_GRACE).plus(Duration.ofSeconds(10)));
    }

    /** As above, with how long a Run may wait for a free runner before it is refused. */
    public Runners(int maxRunners, Duration timeout, String classPath, Duration queueLimit) {
        if (maxRunners < 1) {
            throw new IllegalArgumentException("maxRunners must be at least 1, not " + maxRunners);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
        }
        this.maxRunners = maxRunners;
        this.timeout = timeout;
        this.classPath = Objects.requireNonNull(classPath, "classPath");
        this.places = new Semaphore(maxRunners, true);
        this.queueLimit = queueLimit;
    }

    /** How long a Run waits for a free runner before it is refused. */
    public Duration queueLimit() {
        return queueLimit;
    }

    /** Runs code with no one listening to its waits; see {@link #run(String, String, Listener)}. */
    public RunResult run(String sessionId, String code) {
        return run(sessionId, code, Listener.NONE);
    }

    /**
     * Runs code in the session's JShell (state persists per session). Never throws for the code's
     * faults: a compile error, an exception, a timeout or a runner JVM that ended are all answers.
     *
     * @throws BusyException if it waited {@link #queueLimit()} for a free runner (or, far longer than any
     *     Run takes, for the session's other Run)
     * @throws IllegalStateException if these runners were closed
     */
    public RunResult run(String sessionId, String code, Listener listener) {
        String refused = Cell.refused(code);
        if (refused != null) {
            return new RunResult(RunResult.ERROR, refused, 0, 0);
        }
        long queued = System.nanoTime();
        Session session = session(sessionId);
        boolean told = false;
        try {
            if (!session.lock.tryLock(0, TimeUnit.NANOSECONDS)) {
                // After a reset or an exit the lock may be held by the background start, not by another Run.
                listener.waiting(session.starting ? STARTING_FRESH_RUNNER : WAITING_FOR_OTHER_RUN);
                told = true;
                // The other Run ends within its time limit and grace; this bound is only a backstop.
                if (!session.lock.tryLock(timeout.multipliedBy(2).plusSeconds(60).toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new BusyException("This session's other Run (in another tab) is still running; "
                            + "run again when it has finished.", retryAfter());
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the server is stopping");
        }
        try {
            if (closed) {
                throw new IllegalStateException("the runners are closed");
            }
            String note = "";
            long begun = System.nanoTime();
            Runner current = session.runner;
            if (current != null && current.ended()) {
                current.close();
                session.runner = current = null;
            }
            if (current == null) {
                if (!places.tryAcquire()) {
                    if (!told) {
                        listener.waiting("waiting for a free runner (all " + maxRunners + " are busy with other sessions)…");
                    }
                    takePlace(session, System.nanoTime() + queueLimit.toNanos());
                }
                begun = System.nanoTime();
                try {
                    current = Runner.start(classPath, places::release);
                } catch (RuntimeException failed) {
                    return new RunResult(RunResult.ERROR, "The Java runner could not be started: " + failed.getMessage(),
                            millis(System.nanoTime() - begun), millis(begun - queued));
                }
                session.runner = current;
                if (session.evicted) {
                    session.evicted = false;
                    note = EVICTED;
                }
            }
            listener.running();
            RunResult result = current.run(code, timeout, begun);
            if (current.ended()) {
                current.close();
                session.runner = null;
                startInBackground(session); // the replacement, ready for the next Run
            }
            return new RunResult(result.status(), note + result.output(), result.elapsedMillis(), millis(begun - queued));
        } finally {
            session.lock.unlock();
        }
    }

    /**
     * Starts that session's runner afresh: its JVM ends now (a Run in progress ends with a message),
     * and a new one starts in the background so that the session's next Run finds it ready.
     */
    public void reset(String sessionId) {
        Session session;
        synchronized (sessions) {
            session = sessions.get(sessionId);
        }
        if (session == null || closed) {
            return; // never ran: nothing to reset
        }
        Runner old = session.runner;
        if (old != null) {
            old.close();
        }
        session.lock.lock();
        try {
            if (session.runner == old) {
                session.runner = null;
            }
        } finally {
            session.lock.unlock();
        }
        startInBackground(session);
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

    /** The session's entry, made the most recently used. */
    private Session session(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        synchronized (sessions) {
            if (closed) {
                throw new IllegalStateException("the runners are closed");
            }
            return sessions.computeIfAbsent(sessionId, id -> new Session());
        }
    }

    /** Waits for a free place, ending the least recently used idle session's runner to make one if it can. */
    private void takePlace(Session newcomer, long deadline) {
        try {
            while (true) {
                if (closeAnIdleRunner(newcomer) && places.tryAcquire(Runner.STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
                long left = Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(250));
                if (left <= 0) {
                    throw new BusyException("All " + maxRunners + " code runners are busy with other sessions' Runs; "
                            + "run again in " + retryAfter() + " seconds.", retryAfter());
                }
                if (places.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the server is stopping");
        }
    }

    /** Ends the runner of the least recently used session that is neither running nor waiting; false if there is none. */
    private boolean closeAnIdleRunner(Session except) {
        List<Session> candidates;
        synchronized (sessions) {
            candidates = sessions.values().stream().filter(s -> s != except && s.runner != null).toList();
        }
        for (Session candidate : candidates) {
            try {
                // A timed tryLock honours the fair lock's queue: a session with a Run waiting is busy.
                if (!candidate.lock.tryLock(0, TimeUnit.NANOSECONDS)) {
                    continue;
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Runner runner = candidate.runner;
                if (runner != null) {
                    runner.close();
                    candidate.runner = null;
                    candidate.evicted = true;
                    return true;
                }
            } finally {
                candidate.lock.unlock();
            }
        }
        return false;
    }

    /** Starts the session's runner on another thread if a place is free; otherwise its next Run starts one. */
    private void startInBackground(Session session) {
        Thread starter = new Thread(() -> {
            session.lock.lock();
            session.starting = true;
            try {
                if (closed || session.closed || session.runner != null || !places.tryAcquire()) {
                    return;
                }
                try {
                    Runner started = Runner.start(classPath, places::release);
                    session.runner = started;
                    if (closed) {
                        started.close();
                        session.runner = null;
                    }
                } catch (RuntimeException failed) {
                    // the next Run tries again and reports why it fails
                }
            } finally {
                session.starting = false;
                session.lock.unlock();
            }
        }, "tinynn-runner-start");
        starter.setDaemon(true);
        starter.start();
    }

    private long retryAfter() {
        return Math.max(1, timeout.toSeconds());
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /**
     * One session: its runner (started at its first Run, or in the background after a reset or after
     * its JVM ended) and the fair lock that serialises its Runs and starts in the order they came.
     */
    private static final class Session {
        final ReentrantLock lock = new ReentrantLock(true);
        volatile Runner runner;
        volatile boolean closed;
        /** The background start holds the lock: a Run that waits now waits for it, not for another Run. */
        volatile boolean starting;
        /** Guarded by lock: its runner was closed to make room for another session. */
        boolean evicted;

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
            lock.lock();
            try {
                current = runner;
                if (current != null) {
                    current.close();
                    runner = null;
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
