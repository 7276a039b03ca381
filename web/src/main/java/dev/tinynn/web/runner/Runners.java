package dev.tinynn.web.runner;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * STAND-IN until branch {@code runner} is merged (the integrator keeps that branch's version of this
 * file): the runner's API with a minimal body, so that the server compiles and its tests run. Each
 * session gets a JShell whose code runs in a separate JVM (JShell's default JDI engine), at most
 * {@code maxRunners} of them, least recently used closed first. No output cap, no kill-and-replace.
 */
public final class Runners implements AutoCloseable {
    private final int maxRunners;
    private final Duration timeout;
    private final String classPath;
    private final Map<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true);
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tinynn-runner");
        t.setDaemon(true);
        return t;
    });

    /** At most maxRunners JVMs, least recently used closed first; classPath = tinynn's class path for JShell. */
    public Runners(int maxRunners, Duration timeout, String classPath) {
        this.maxRunners = maxRunners;
        this.timeout = timeout;
        this.classPath = classPath;
    }

    /** Runs code in the session's JShell (state persists per session). Never throws for the code's faults. */
    public RunResult run(String sessionId, String code) {
        long start = System.nanoTime();
        Session session = session(sessionId);
        Future<String> result = pool.submit(() -> session.eval(code));
        try {
            String out = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new RunResult(session.failed ? "error" : "ok", out, millis(start));
        } catch (TimeoutException e) {
            session.shell.stop();
            reset(sessionId);
            return new RunResult("timeout", "The code ran longer than " + timeout.toSeconds()
                    + " s and was stopped; the session was reset.", millis(start));
        } catch (Exception e) {
            reset(sessionId);
            return new RunResult("error", String.valueOf(e.getMessage()), millis(start));
        }
    }

    /** Starts that session's runner afresh. */
    public synchronized void reset(String sessionId) {
        Session old = sessions.remove(sessionId);
        if (old != null) {
            old.shell.close();
        }
    }

    @Override
    public synchronized void close() {
        sessions.values().forEach(s -> s.shell.close());
        sessions.clear();
        pool.shutdownNow();
    }

    private synchronized Session session(String id) {
        Session s = sessions.get(id);
        if (s == null) {
            if (sessions.size() >= maxRunners) {
                String eldest = sessions.keySet().iterator().next();
                sessions.remove(eldest).shell.close();
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
            s = new Session(JShell.builder().out(print).err(print)
                    .remoteVMOptions("--class-path", classPath, "-Xmx256m").build(), out);
            s.shell.addToClasspath(classPath);
            sessions.put(id, s);
        }
        return s;
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static final class Session {
        final JShell shell;
        final java.io.ByteArrayOutputStream out;
        boolean failed;

        Session(JShell shell, java.io.ByteArrayOutputStream out) {
            this.shell = shell;
            this.out = out;
        }

        String eval(String code) {
            failed = false;
            StringBuilder text = new StringBuilder();
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String rest = code;
            while (!rest.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                String source = info.source() == null ? rest : info.source();
                for (SnippetEvent event : List.copyOf(shell.eval(source))) {
                    if (event.exception() != null) {
                        failed = true;
                        text.append(event.exception().getClass().getSimpleName()).append(": ")
                                .append(event.exception().getMessage()).append('\n');
                    } else if (event.status() == Snippet.Status.REJECTED) {
                        failed = true;
                        shell.diagnostics(event.snippet()).forEach(d ->
                                text.append("error: ").append(d.getMessage(null)).append('\n'));
                    } else if (event.value() != null && event.snippet() instanceof jdk.jshell.VarSnippet v) {
                        text.append(v.name()).append(" ==> ").append(event.value()).append('\n');
                    }
                }
                if (failed || info.remaining() == null) {
                    break;
                }
                rest = info.remaining();
            }
            String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            out.reset();
            return printed + text;
        }
    }
}
