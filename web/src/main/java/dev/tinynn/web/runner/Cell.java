package dev.tinynn.web.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * A code cell split into JShell snippets, each with the line of the cell it starts on, read the
 * way the jshell tool reads typed lines: lines are gathered until they make a complete snippet,
 * so {@code 1 + 1} alone on a line is an expression whose value is shown, and a statement spread
 * over several lines is one snippet. Two differences: a line that starts with {@code .} continues
 * the previous line's expression (a chained call written one call per line), where the jshell tool
 * would already have run the previous line; and a {@code package} declaration is skipped (JShell
 * has no packages), so that a sample's whole source file, pasted in, declares its class.
 */
final class Cell {
    /** One snippet's source, without leading blank lines, and the 1-based line of the cell it starts on. */
    record Snippet(String source, int line) {
    }

    private static final Pattern PACKAGE = Pattern.compile("\\s*package\\s+[\\w.]+\\s*;\\s*");

    private Cell() {
    }

    /** The cell's snippets in order; an unfinished last one (a missing brace, say) is kept for the compiler to report. */
    static List<Snippet> split(String code, SourceCodeAnalysis analysis) {
        String[] lines = code.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (PACKAGE.matcher(lines[i]).matches()) {
                lines[i] = "";
            }
        }
        List<Snippet> snippets = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int pendingLine = 1;
        for (int i = 0; i < lines.length; i++) {
            if (pending.toString().isBlank()) {
                pending.setLength(0);
                pendingLine = i + 1;
            }
            pending.append(lines[i]).append('\n');
            while (!pending.toString().isBlank()) {
                CompletionInfo info = analysis.analyzeCompletion(pending.toString());
                if (info.completeness() == Completeness.EMPTY) {
                    pending.setLength(0); // only comments
                    break;
                }
                boolean continued = info.remaining().isBlank() && nextLineContinues(lines, i + 1);
                if (!info.completeness().isComplete() || continued) {
                    break; // wait for more lines
                }
                snippets.add(snippet(info.source(), pendingLine));
                String consumed = pending.substring(0, pending.length() - info.remaining().length());
                pendingLine += newlines(consumed);
                pending = new StringBuilder(info.remaining());
            }
        }
        if (!pending.toString().isBlank()) {
            snippets.add(snippet(pending.toString(), pendingLine));
        }
        return snippets;
    }

    /** The snippet with its leading blank lines moved into its line number, so that JShell's line 1 is its first line. */
    private static Snippet snippet(String source, int line) {
        int start = 0;
        int skipped = 0;
        for (int i = 0; i < source.length() && Character.isWhitespace(source.charAt(i)); i++) {
            if (source.charAt(i) == '\n') {
                start = i + 1;
                skipped++;
            }
        }
        return new Snippet(source.substring(start), line + skipped);
    }

    /** True if the next non-blank line starts with a dot: it continues a chained call. */
    private static boolean nextLineContinues(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                return line.startsWith(".");
            }
        }
        return false;
    }

    private static int newlines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }
}
