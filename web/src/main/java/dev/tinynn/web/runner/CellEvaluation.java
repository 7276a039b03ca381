package dev.tinynn.web.runner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * One Run's evaluation of a cell in the session's JShell: its snippets ({@link Cell#split}) one
 * after the other, each value line written to the Run's output, up to the first snippet that does
 * not compile or throws, the runner JVM's end, or {@link #stop()}; what went wrong is said by the
 * cell's lines ({@link LearnerMessages}). It runs on the runner's evaluator thread while the
 * {@link Runner} keeps the time limit and the JVM, so a Run that never ends cannot hold the server.
 */
final class CellEvaluation {
    private final JShell shell;
    private final CappedOutput output;
    private final BooleanSupplier ended;
    private final BooleanSupplier endedHere;
    /** The cell line each snippet of this Run starts on, by snippet id, for the lines of an exception. */
    private final Map<String, Integer> firstLines = new HashMap<>();
    /** Set when the Run passed its time limit, so that the cell's remaining snippets are not evaluated. */
    private volatile boolean stopping;

    /**
     * @param ended whether the runner JVM has ended
     * @param endedHere whether the server ended it (closed or killed), so that the code is not blamed
     */
    CellEvaluation(JShell shell, CappedOutput output, BooleanSupplier ended, BooleanSupplier endedHere) {
        this.shell = shell;
        this.output = output;
        this.ended = ended;
        this.endedHere = endedHere;
    }

    /** The Run is over: no snippet after the one running now is evaluated. */
    void stop() {
        stopping = true;
    }

    /** Evaluates the cell's snippets in order, up to the first one that fails. */
    Outcome evaluate(String code) {
        try {
            for (Cell.Snippet snippet : Cell.split(code, shell.sourceCodeAnalysis()::analyzeCompletion)) {
                if (stopping) {
                    break; // the Run is over: its answer says so
                }
                String problem = evaluate(snippet.source(), snippet.line());
                if (ended.getAsBoolean() && endedHere.getAsBoolean()) {
                    return Outcome.error(LearnerMessages.CLOSED_DURING_RUN);
                }
                if (ended.getAsBoolean()) {
                    return Outcome.error(LearnerMessages.CODE_ENDED_JVM);
                }
                if (problem != null) {
                    return Outcome.error(problem);
                }
            }
            return Outcome.OK;
        } catch (IllegalStateException closed) {
            return Outcome.error(LearnerMessages.CLOSED_DURING_RUN);
        }
    }

    /**
     * Evaluates one snippet that starts on {@code line} of the cell, writes its value lines, and
     * returns what went wrong in a learner's words, or null.
     */
    private String evaluate(String source, int line) {
        List<SnippetEvent> events = shell.eval(source);
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a knock-on effect on an earlier snippet, not this one's result
            }
            Snippet snippet = event.snippet();
            firstLines.put(snippet.id(), line);
            if (event.status() == Snippet.Status.REJECTED) {
                return LearnerMessages.compileErrors(shell, snippet, line);
            }
            if (event.exception() != null) {
                return LearnerMessages.exception(shell, event.exception(), firstLines);
            }
            String shown = LearnerMessages.shown(shell, event);
            if (shown != null) {
                output.line(shown);
            }
        }
        return null;
    }
}
