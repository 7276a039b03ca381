package dev.tinynn.web.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
    /** The most characters a cell may hold; a longer one is refused before anything is compiled. */
    static final int MAX_LENGTH = 256 * 1024;

    /** One snippet's source, without leading blank lines, and the 1-based line of the cell it starts on. */
    record Snippet(String source, int line) {
    }

    private static final Pattern PACKAGE = Pattern.compile("\\s*package\\s+[\\w.]+\\s*;\\s*");

    private Cell() {
    }

    /** Why the cell is refused without running it (it is too long), or null. */
    static String refused(String code) {
        if (code.length() <= MAX_LENGTH) {
            return null;
        }
        return "This cell holds " + code.length() + " characters, more than the " + MAX_LENGTH + " a cell may hold; "
                + "run the code in parts of at most " + MAX_LENGTH + " characters.";
    }

    /**
     * The cell's snippets in order; an unfinished last one (a missing brace, say) is kept for the
     * compiler to report. {@code analyze} is JShell's {@link SourceCodeAnalysis#analyzeCompletion}.
     *
     * <p>Linear in the cell's length: the gathered lines are only handed to the analysis when they
     * could be complete, that is when no bracket, block comment or text block is left open (a class of
     * 3000 lines is analysed once, not once per line, which took quadratic time).
     */
    static List<Snippet> split(String code, Function<String, CompletionInfo> analyze) {
        String[] lines = code.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (PACKAGE.matcher(lines[i]).matches()) {
                lines[i] = "";
            }
        }
        List<Snippet> snippets = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        Nesting nesting = new Nesting();
        boolean blank = true;
        int pendingLine = 1;
        for (int i = 0; i < lines.length; i++) {
            if (blank) {
                pending.setLength(0);
                nesting = new Nesting();
                pendingLine = i + 1;
            }
            pending.append(lines[i]).append('\n');
            nesting.scan(lines[i] + "\n");
            blank = blank && lines[i].isBlank();
            while (!blank && !nesting.open()) {
                CompletionInfo info = analyze.apply(pending.toString());
                if (info.completeness() == Completeness.EMPTY) {
                    pending.setLength(0); // only comments
                    blank = true;
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
                nesting = new Nesting();
                nesting.scan(info.remaining());
                blank = info.remaining().isBlank();
            }
        }
        if (!blank) {
            snippets.add(snippet(pending.toString(), pendingLine));
        }
        return snippets;
    }

    /**
     * What is left open at the end of the text read so far: brackets, a block comment, a text block.
     * Strings, characters and line comments are skipped, so a brace inside them does not count. While
     * anything is open the text cannot be a complete snippet, and the analysis is not asked.
     */
    private static final class Nesting {
        private int depth;
        private boolean blockComment;
        private boolean textBlock;

        boolean open() {
            return depth > 0 || blockComment || textBlock;
        }

        void scan(String text) {
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (blockComment) {
                    if (c == '*' && i + 1 < n && text.charAt(i + 1) == '/') {
                        blockComment = false;
                        i++;
                    }
                } else if (textBlock) {
                    if (c == '\\') {
                        i++;
                    } else if (text.startsWith("\"\"\"", i)) {
                        textBlock = false;
                        i += 2;
                    }
                } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                    i = lineEnd(text, i);
                } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                    blockComment = true;
                    i++;
                } else if (text.startsWith("\"\"\"", i)) {
                    textBlock = true;
                    i += 2;
                } else if (c == '"' || c == '\'') {
                    i = quoteEnd(text, i, c);
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                }
            }
        }

        private static int lineEnd(String text, int from) {
            int end = text.indexOf('\n', from);
            return end < 0 ? text.length() : end;
        }

        /** The index of the closing quote, or of the line's end for a literal left open (the compiler reports it). */
        private static int quoteEnd(String text, int from, char quote) {
            for (int i = from + 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == quote || c == '\n') {
                    return i;
                }
            }
            return text.length();
        }
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
