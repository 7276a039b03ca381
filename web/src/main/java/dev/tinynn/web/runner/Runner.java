package dev.tinynn.web.runner;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * One session's runner: a JShell whose snippets execute in a JVM of their own (spoken to over its
 * standard input and output, {@link RunnerChannel}), so that whatever a learner's code does (loop forever, exhaust its 256 MB heap,
 * recurse without end, call {@code System.exit}) happens in that JVM and never in the server.
 *
 * <p>A Run splits the cell into snippets the way the jshell tool does ({@link Cell}), evaluates them in order and stops at the first that does
 * not compile or throws, reporting it by the line of the cell it is on. A Run past the time limit is
 * stopped with {@link JShell#stop()}; if the code has not stopped 2 seconds later (it catches the
 * stop, say, or the JVM is stuck collecting garbage) the JVM is killed and this runner {@link
 * #ended()}: its owner starts a new one for the session's next Run. When a Run is over, the threads its
 * code started are stopped ({@link RunnerChannel#endRun()}); one that will not stop ends the JVM too.
 *
 * <p>Not thread-safe: {@link Runners} serialises the runs of a session. {@link #close()} and
 * {@link #kill()} may be called from any thread.
 */
final class Runner implements AutoCloseable {
    /** At most this much printed output is kept per Run; the rest is counted and dropped. */
    static final int OUTPUT_LIMIT = 64 * 1024;
    /** At most this much of a Run's closing message (compiler errors, an exception) is kept. */
    static final int MESSAGE_LIMIT = 16 * 1024;
    /** A source line shown under a compiler error is cut to this many characters around the error. */
    private static final int SHOWN_LINE = 100;
    /** How long a stopped snippet may take to stop before its JVM is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);
    /** A system property set on every runner JVM's command line, so that {@code ps} shows which JVMs are runners. */
    static final String MARKER_PROPERTY = "tinynn.runner";

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Pattern WRAPPER_CLASS = Pattern.compile("REPL\\.\\$JShell\\$\\d+[$.]");
    private static final Pattern WRAPPER_LOCATION = Pattern.compile("\\n\\s*location: class\\s*(?=\\n|$)");
    private static final String CLOSED_DURING_RUN = "The session's runner was closed during the Run (the session was "
            + "reset, another session needed its place, or the server is stopping). Run again to start afresh.";

    private final JShell shell;
    private final RunnerChannel channel;
    private final ProcessHandle jvm;
    private final CappedOutput output;
    private final ExecutorService evaluator;
    private volatile boolean ended;
    /** Set when this side ended the JVM (close or kill), so that a Run in progress does not blame the code. */
    private volatile boolean endedHere;
    /** Set when a Run passed its time limit, so that the cell's remaining snippets are not evaluated. */
    private volatile boolean stopping;

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
        stopping = false;
        Future<Outcome> evaluation = evaluator.submit(() -> evaluate(code));
        Outcome outcome;
        try {
            outcome = evaluation.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            outcome = stop(evaluation, timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            kill();
            outcome = Outcome.error("The run was interrupted because the server is stopping.");
        } catch (ExecutionException failed) {
            outcome = Outcome.error("The runner failed: " + failed.getCause());
        }
        if (!ended && !channel.endRun()) {
            kill();
            outcome = Outcome.error("A thread this code started was still running after the Run and did not stop when "
                    + "asked, so its Java machine was ended. The session was reset: earlier variables and methods are "
                    + "gone, and the next Run starts afresh.");
        }
        String text = output.text();
        if (outcome.message() != null) {
            text = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + cut(outcome.message());
        }
        return new RunResult(outcome.status(), text, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), 0);
    }

    /** The Run passed its time limit: ask JShell to stop it, and kill the JVM if that does not work. */
    private Outcome stop(Future<Outcome> evaluation, Duration timeout) {
        String limit = seconds(timeout);
        stopping = true;
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
            evaluation.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                return Outcome.timeout("Stopped: the code was still running after " + limit
                        + " (the time limit), so it was stopped. The session's variables and methods are kept.");
            }
        } catch (TimeoutException | ExecutionException stuck) {
            // not stopped within the grace period: kill the JVM below
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        kill();
        return Outcome.timeout("Stopped: the code was still running after " + limit + " (the time limit) and did not "
                + "stop when asked, so its Java machine was ended. The session was reset: earlier variables and "
                + "methods are gone, and the next Run starts afresh.");
    }

    /** Evaluates the cell's snippets in order, up to the first one that fails. Runs on the evaluator thread. */
    private Outcome evaluate(String code) {
        Map<String, Integer> firstLines = new HashMap<>();
        try {
            for (Cell.Snippet snippet : Cell.split(code, shell.sourceCodeAnalysis()::analyzeCompletion)) {
                if (stopping) {
                    break; // the Run is over: its answer says so
                }
                String problem = evaluate(snippet.source(), snippet.line(), firstLines);
                if (ended && endedHere) {
                    return Outcome.error(CLOSED_DURING_RUN);
                }
                if (ended) {
                    return Outcome.error("The code ended the Java machine it ran in (System.exit, or the machine "
                            + "crashed). The session was reset: earlier variables and methods are gone, and the next "
                            + "Run starts afresh.");
                }
                if (problem != null) {
                    return Outcome.error(problem);
                }
            }
            return Outcome.OK;
        } catch (IllegalStateException closed) {
            return Outcome.error(CLOSED_DURING_RUN);
        }
    }

    /**
     * Evaluates one snippet that starts on {@code line} of the cell, writes its value lines, and
     * returns what went wrong in a learner's words, or null.
     */
    private String evaluate(String source, int line, Map<String, Integer> firstLines) {
        List<SnippetEvent> events = shell.eval(source);
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a knock-on effect on an earlier snippet, not this one's result
            }
            Snippet snippet = event.snippet();
            firstLines.put(snippet.id(), line);
            if (event.status() == Snippet.Status.REJECTED) {
                return compileErrors(snippet, line);
            }
            if (event.exception() != null) {
                return describe(event.exception(), firstLines);
            }
            String shown = shown(event);
            if (shown != null) {
                output.line(shown);
            }
        }
        return null;
    }

    /** What the jshell tool would show for a snippet that worked: {@code x ==> 5}, {@code created method f(int)}. */
    private String shown(SnippetEvent event) {
        Snippet snippet = event.snippet();
        if (snippet instanceof VarSnippet variable && event.value() != null) {
            return variable.name() + " ==> " + event.value();
        }
        if (snippet instanceof ExpressionSnippet expression && event.value() != null) {
            return expression.name() + " ==> " + event.value();
        }
        String created = switch (event.status()) {
            case VALID, RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> {
                if (snippet instanceof MethodSnippet method) {
                    yield "created method " + method.name() + "(" + method.parameterTypes() + ")";
                }
                if (snippet instanceof TypeDeclSnippet type) {
                    yield "created " + type.subKind().toString().replace("_SUBKIND", "").toLowerCase(Locale.ROOT)
                            + " " + type.name();
                }
                yield null;
            }
            default -> null;
        };
        if (created != null && event.status() != Snippet.Status.VALID) {
            // Like the jshell tool: declared, but waiting for something it uses to be declared.
            created += ", which cannot be " + (snippet instanceof MethodSnippet ? "called" : "used") + " until "
                    + String.join(", ", shell.unresolvedDependencies((DeclarationSnippet) snippet).toList())
                    + " is declared";
        }
        return created;
    }

    /**
     * The compiler's errors for a rejected snippet, each with the cell's line and a caret under the
     * spot; the line is cut around the spot, and the errors stop once they fill {@link #MESSAGE_LIMIT}.
     */
    private String compileErrors(Snippet snippet, int firstLine) {
        String source = snippet.source();
        StringBuilder text = new StringBuilder();
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).toList();
        int shown = 0;
        for (Diag diag : errors) {
            int at = (int) Math.max(0, Math.min(source.length(), diag.getPosition()));
            int lineStart = source.lastIndexOf('\n', at - 1) + 1;
            int lineEnd = source.indexOf('\n', at);
            int from = Math.max(lineStart, at - SHOWN_LINE / 2);
            int to = Math.min(lineEnd < 0 ? source.length() : lineEnd, from + SHOWN_LINE);
            String error = "Error on line " + (firstLine + newlines(source, lineStart)) + ": "
                    + plain(diag.getMessage(Locale.ENGLISH)) + "\n    " + source.substring(from, to).stripTrailing()
                    + "\n    " + " ".repeat(at - from) + "^";
            if (shown > 0 && text.length() + error.length() > MESSAGE_LIMIT - 100) {
                text.append("\n(and ").append(errors.size() - shown).append(" more errors)");
                break;
            }
            text.append(shown == 0 ? "" : "\n").append(error);
            shown++;
        }
        if (shown == 0) {
            text.append("Error on line ").append(firstLine).append(": this code could not be compiled.");
        }
        return text.toString();
    }

    private static int newlines(String text, int end) {
        int count = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        return count;
    }

    /** A message cut to {@link #MESSAGE_LIMIT} characters, saying so. */
    private static String cut(String message) {
        if (message.length() <= MESSAGE_LIMIT) {
            return message;
        }
        return message.substring(0, MESSAGE_LIMIT) + "\n[message cut: only the first " + MESSAGE_LIMIT / 1024
                + " KB are shown]";
    }

    /**
     * An exception as a learner reads it: its simple class name and message, then where in their code
     * it happened (cell lines only; the runner's own frames are never shown), then its cause.
     */
    private String describe(JShellException exception, Map<String, Integer> firstLines) {
        StringBuilder text = new StringBuilder();
        if (exception instanceof UnresolvedReferenceException unresolved) {
            text.append(unresolved.getSnippet().name()).append(" cannot run yet: it uses ")
                    .append(String.join(", ", shell.unresolvedDependencies(unresolved.getSnippet()).toList()))
                    .append(", which is not declared.");
            return text.toString();
        }
        EvalException thrown = (EvalException) exception;
        String name = plain(thrown.getExceptionClassName());
        text.append(name.substring(name.lastIndexOf('.') + 1).replace('$', '.'));
        if (thrown.getMessage() != null) {
            text.append(": ").append(plain(thrown.getMessage()));
        }
        switch (name) {
            case "java.lang.StackOverflowError" -> text.append(" (a method called itself too many times without stopping)");
            case "java.lang.OutOfMemoryError" -> text.append(" (the code needed more than the 256 MB its Java machine has)");
            default -> { }
        }
        String previous = null;
        int repeats = 0;
        int shownFrames = 0;
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String where = where(frame, firstLines);
            if (where == null) {
                continue;
            }
            if (where.equals(previous)) {
                repeats++;
                continue;
            }
            if (repeats > 0) {
                text.append(" (and ").append(repeats).append(" more times)");
                repeats = 0;
            }
            if (shownFrames++ == 8) {
                text.append("\n    …");
                break;
            }
            text.append("\n    ").append(where);
            previous = where;
        }
        if (repeats > 0) {
            text.append(" (and ").append(repeats).append(" more times)");
        }
        if (thrown.getCause() != null) {
            text.append("\nCaused by: ").append(describe(thrown.getCause(), firstLines));
        }
        return text.toString();
    }

    /**
     * A compiler or exception message without JShell's wrapping: the class every snippet is compiled
     * into ({@code REPL.$JShell$12$Point} is the learner's {@code Point}; {@code REPL.$JShell$18.o} is
     * their variable {@code o}) and javac's "location: class" line that names it.
     */
    static String plain(String message) {
        return WRAPPER_LOCATION.matcher(WRAPPER_CLASS.matcher(message).replaceAll("")).replaceAll("");
    }

    /** Where a stack frame is in the learner's code ("at line 3, in f"), or null for a frame outside it. */
    private static String where(StackTraceElement frame, Map<String, Integer> firstLines) {
        String file = frame.getFileName();
        if (file == null || !file.startsWith("#")) {
            return null;
        }
        Integer first = firstLines.get(file.substring(1));
        String method = frame.getMethodName().isEmpty() ? "" : ", in " + frame.getMethodName();
        return first == null
                ? "in " + (method.isEmpty() ? "code" : frame.getMethodName()) + " from an earlier Run"
                : "at line " + (first + frame.getLineNumber() - 1) + method;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
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

    /** How a Run ended, and the message to add after its output. */
    private record Outcome(String status, String message) {
        static final Outcome OK = new Outcome(RunResult.OK, null);

        static Outcome error(String message) {
            return new Outcome(RunResult.ERROR, message);
        }

        static Outcome timeout(String message) {
            return new Outcome(RunResult.TIMEOUT, message);
        }
    }
}
