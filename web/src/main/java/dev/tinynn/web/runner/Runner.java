package dev.tinynn.web.runner;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.JShell;

/**
 * One session's runner: a JShell whose snippets execute in a JVM of their own (spoken to over its
 * standard input and output, {@link RunnerChannel}), so that whatever a learner's code does (loop
 * forever, exhaust its 256 MB heap, recurse without end, call {@code System.exit}) happens in that
 * JVM and never in the server. This class is that JVM's life and a Run's time limit; the cell's
 * evaluation is {@link CellEvaluation}'s, and the sentences the learner reads {@link LearnerMessages}'.
 *
 * <p>A Run past the time limit is stopped with {@link JShell#stop()}; if the code has not stopped 2
 * seconds later (it catches the stop, say, or the JVM is stuck collecting garbage) the JVM is killed
 * and this runner {@link #ended()}: its owner starts a new one for the session's next Run. When a Run
 * is over, the threads its code started are stopped ({@link RunnerChannel#endRun()}); one that will
 * not stop ends the JVM too.
 *
 * <p>Not thread-safe: {@link Runners} serialises the runs of a session. {@link #close()} and
 * {@link #kill()} may be called from any thread.
 */
final class Runner implements AutoCloseable {
    /** At most this much printed output is kept per Run; the rest is counted and dropped. */
    static final int OUTPUT_LIMIT = 64 * 1024;
    /** How long a stopped snippet may take to stop before its JVM is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);
    /** A system property set on every runner JVM's command line, so that {@code ps} shows which JVMs are runners. */
    static final String MARKER_PROPERTY = "tinynn.runner";

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final JShell shell;
    private final RunnerChannel channel;
    private final ProcessHandle jvm;
    private final CappedOutput output;
    private final ExecutorService evaluator;
    private volatile boolean ended;
    /** Set when this side ended the JVM (close or kill), so that a Run in progress does not blame the code. */
    private volatile boolean endedHere;

    private Runner(JShell shell, RunnerChannel channel, ProcessHandle jvm, CappedOutput output, ExecutorService evaluator) {
        this.shell = shell;
        this.channel = channel;
        this.jvm = jvm;
        this.output = output;
        this.evaluator = evaluator;
        shell.onShutdown(closed -> ended = true);
    }

    /**
     * Starts a runner JVM with {@code classPath} (tinynn and its backends) and connects a JShell to
     * it over the JVM's own standard input and output ({@link RunnerChannel}).
     *
     * @param exited called once the runner JVM has exited (or could not be started)
     * @throws IllegalStateException if the JVM could not be started
     */
    static Runner start(String classPath, Runnable exited) {
        CappedOutput output = new CappedOutput(OUTPUT_LIMIT);
        PrintStream printed = new PrintStream(output, true, StandardCharsets.UTF_8);
        RunnerChannel channel = new RunnerChannel(classPath, List.of("-D" + MARKER_PROPERTY + "=true", "-Xmx256m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto",
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8"));
        JShell shell;
        try {
            shell = JShell.builder()
                    .executionEngine(channel, Map.of())
                    .in(new ByteArrayInputStream(new byte[0]))
                    .out(printed)
                    .err(printed)
                    .build();
        } catch (RuntimeException failed) {
            Process process = channel.process();
            if (process == null) {
                exited.run();
            } else {
                process.destroyForcibly();
                process.onExit().thenRun(exited);
            }
            throw new IllegalStateException("the runner JVM did not start (" + failed.getMessage() + ")", failed);
        }
        ProcessHandle jvm = channel.process().toHandle();
        jvm.onExit().thenRun(exited);
        try {
            // The compiler (in this JVM) starts with this JVM's class path; another one must be added
            // (in the runner JVM the classes already come from its own class path, so there this only
            // adds a path its loader never searches).
            if (!classPath.equals(System.getProperty("java.class.path"))) {
                shell.addToClasspath(classPath);
            }
            // A first statement warms up the compiler, so that a learner's first Run does not spend its
            // time limit on that; a statement, so that the learner's first value is still $1.
            shell.eval("System.out.print(\"\");");
            output.clear();
            ExecutorService evaluator = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "tinynn-runner-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            return new Runner(shell, channel, jvm, output, evaluator);
        } catch (RuntimeException failed) {
            shell.close();
            jvm.destroyForcibly();
            throw new IllegalStateException("the runner JVM did not start properly (" + failed.getMessage() + ")", failed);
        }
    }

    /** True once the runner JVM has ended (the code called System.exit, it crashed, or it was killed). */
    boolean ended() {
        return ended;
    }

    /** Runs one cell, stopping it after {@code timeout}. Never throws for what the code does. */
    RunResult run(String code, Duration timeout, long startNanos) {
        output.clear();
        CellEvaluation evaluation = new CellEvaluation(shell, output, () -> ended, () -> endedHere);
        Future<Outcome> running = evaluator.submit(() -> evaluation.evaluate(code));
        Outcome outcome;
        try {
            outcome = running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            outcome = stop(running, evaluation, timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            kill();
            outcome = Outcome.error(LearnerMessages.SERVER_STOPPING);
        } catch (ExecutionException failed) {
            outcome = Outcome.error(LearnerMessages.runnerFailed(failed.getCause()));
        }
        if (!ended && !channel.endRun()) {
            kill();
            outcome = Outcome.error(LearnerMessages.THREAD_LEFT_RUNNING);
        }
        String text = output.text();
        if (outcome.message() != null) {
            text = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + LearnerMessages.cut(outcome.message());
        }
        return new RunResult(outcome.status(), text, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), 0);
    }

    /** The Run passed its time limit: ask JShell to stop it, and kill the JVM if that does not work. */
    private Outcome stop(Future<Outcome> running, CellEvaluation evaluation, Duration timeout) {
        evaluation.stop();
        // stop() asks the runner JVM, which a JVM deep in garbage collection may not act on:
        // it gets its own thread, and the grace period counts regardless.
        CompletableFuture.runAsync(() -> {
            try {
                shell.stop();
            } catch (RuntimeException closed) {
                // the runner ended meanwhile: the grace period below finds out
            }
        }, Runner::daemon);
        try {
            running.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                return Outcome.timeout(LearnerMessages.stopped(timeout));
            }
        } catch (TimeoutException | ExecutionException stuck) {
            // not stopped within the grace period: kill the JVM below
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        kill();
        return Outcome.timeout(LearnerMessages.killed(timeout));
    }

    /** Ends the runner JVM at once. The JShell is closed in the background; it can no longer reach the JVM. */
    void kill() {
        endedHere = true;
        ended = true;
        jvm.descendants().forEach(ProcessHandle::destroyForcibly);
        jvm.destroyForcibly();
        daemon(() -> {
            closeShell();
            jvm.onExit().thenRun(() -> RunnerChannel.killGroup(jvm.pid()));
        });
    }

    /** Closes the JShell and waits (a few seconds at most) until the runner JVM has exited, killing it if it must. */
    @Override
    public void close() {
        endedHere = true;
        ended = true;
        // The processes the code started go first, while they are still the runner's descendants.
        jvm.descendants().forEach(ProcessHandle::destroyForcibly);
        closeShell();
        try {
            jvm.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException notYet) {
            jvm.destroyForcibly();
            try {
                jvm.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException | InterruptedException ignored) {
                // the operating system has been asked to kill it; nothing more to do
            }
        } catch (InterruptedException interrupted) {
            jvm.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // Then those it started before it went by itself (System.exit), which are no longer its descendants
        RunnerChannel.killGroup(jvm.pid());
    }

    private void closeShell() {
        try {
            shell.close();
        } catch (RuntimeException alreadyClosed) {
            // closing a JShell whose JVM is gone may fail; it is closed either way
        }
        evaluator.shutdownNow();
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "tinynn-runner-stop-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }
}
