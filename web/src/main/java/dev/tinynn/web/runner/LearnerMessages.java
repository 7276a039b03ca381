package dev.tinynn.web.runner;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Everything a learner reads about their code besides what it printed, in their words and by the
 * lines of their cell: the value lines the jshell tool would show, compiler errors with a caret,
 * exceptions with the cell lines they went through, and the sentences for a Run that ran out of time,
 * ended its Java machine or left a thread running. JShell's wrapping (its classes, its own stack
 * frames) is never shown: the learner wrote none of it.
 */
final class LearnerMessages {
    /** At most this much of a Run's closing message (compiler errors, an exception) is kept. */
    static final int MESSAGE_LIMIT = 16 * 1024;
    /** A source line shown under a compiler error is cut to this many characters around the error. */
    private static final int SHOWN_LINE = 100;
    /** The stack frames of the learner's code shown under an exception; more are shown as "…". */
    private static final int SHOWN_FRAMES = 8;

    private static final Pattern WRAPPER_CLASS = Pattern.compile("REPL\\.\\$JShell\\$\\d+[$.]");
    private static final Pattern WRAPPER_LOCATION = Pattern.compile("\\n\\s*location: class\\s*(?=\\n|$)");
    private static final String SESSION_RESET = "The session was reset: earlier variables and methods are gone, and the "
            + "next Run starts afresh.";

    static final String CLOSED_DURING_RUN = "The session's runner was closed during the Run (the session was "
            + "reset, another session needed its place, or the server is stopping). Run again to start afresh.";
    static final String CODE_ENDED_JVM = "The code ended the Java machine it ran in (System.exit, or the machine "
            + "crashed). " + SESSION_RESET;
    static final String THREAD_LEFT_RUNNING = "A thread this code started was still running after the Run and did not "
            + "stop when asked, so its Java machine was ended. " + SESSION_RESET;
    static final String SERVER_STOPPING = "The run was interrupted because the server is stopping.";

    private LearnerMessages() {
    }

    /** The Run passed its time limit and stopped when asked. */
    static String stopped(Duration limit) {
        return "Stopped: the code was still running after " + seconds(limit)
                + " (the time limit), so it was stopped. The session's variables and methods are kept.";
    }

    /** The Run passed its time limit and did not stop when asked, so its JVM was killed. */
    static String killed(Duration limit) {
        return "Stopped: the code was still running after " + seconds(limit) + " (the time limit) and did not "
                + "stop when asked, so its Java machine was ended. " + SESSION_RESET;
    }

    /** The evaluation itself failed (not the code): the runner's own fault, said as it is. */
    static String runnerFailed(Throwable cause) {
        return "The runner failed: " + cause;
    }

    /** What the jshell tool would show for a snippet that worked: {@code x ==> 5}, {@code created method f(int)}; or null. */
    static String shown(JShell shell, SnippetEvent event) {
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
     * The compiler's errors for a rejected snippet that starts on the cell's {@code firstLine}, each
     * with its line and a caret under the spot; the line is cut around the spot, and the errors stop
     * once they fill {@link #MESSAGE_LIMIT}.
     */
    static String compileErrors(JShell shell, Snippet snippet, int firstLine) {
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

    /**
     * An exception as a learner reads it: its simple class name and message, then where in their code
     * it happened (cell lines only; the runner's own frames are never shown), then its cause.
     *
     * @param firstLines the cell line each snippet of this Run starts on, by snippet id
     */
    static String exception(JShell shell, JShellException exception, Map<String, Integer> firstLines) {
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
            if (shownFrames++ == SHOWN_FRAMES) {
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
            text.append("\nCaused by: ").append(exception(shell, thrown.getCause(), firstLines));
        }
        return text.toString();
    }

    /** A message cut to {@link #MESSAGE_LIMIT} characters, saying so. */
    static String cut(String message) {
        if (message.length() <= MESSAGE_LIMIT) {
            return message;
        }
        return message.substring(0, MESSAGE_LIMIT) + "\n[message cut: only the first " + MESSAGE_LIMIT / 1024
                + " KB are shown]";
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

    private static int newlines(String text, int end) {
        int count = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        return count;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
