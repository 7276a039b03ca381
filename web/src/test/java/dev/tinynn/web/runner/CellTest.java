package dev.tinynn.web.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a cell is cut into snippets and which line each starts on. Only parses: nothing is evaluated. */
class CellTest {
    static JShell parser;

    @BeforeAll
    static void open() {
        // The local engine starts no JVM; these tests only ask it to parse.
        parser = JShell.builder().executionEngine("local").build();
    }

    @AfterAll
    static void close() {
        parser.close();
    }

    /** The snippets with their sources stripped (JShell may add a semicolon or keep a line end; that is its business). */
    static List<Cell.Snippet> split(String code) {
        return Cell.split(code, parser.sourceCodeAnalysis()::analyzeCompletion).stream()
                .map(snippet -> new Cell.Snippet(snippet.source().strip(), snippet.line()))
                .toList();
    }

    @Test
    void anExpressionAloneOnALineIsASnippetAsInTheJshellTool() {
        assertThat(split("1 + 1\nint x = 5; x * 2\n")).extracting(Cell.Snippet::source, Cell.Snippet::line)
                .containsExactly(tuple("1 + 1", 1), tuple("int x = 5;", 2), tuple("x * 2", 2));
    }

    @Test
    void aStatementOverSeveralLinesIsOneSnippetOnTheLineItStartsOn() {
        assertThat(split("// the loop\n\nfor (int i = 0; i < 3; i++) {\n    total += i;\n}\nSystem.out.println(total);"))
                .extracting(Cell.Snippet::source, Cell.Snippet::line)
                .containsExactly(tuple("for (int i = 0; i < 3; i++) {\n    total += i;\n}", 3),
                        tuple("System.out.println(total);", 6));
    }

    @Test
    void aLineStartingWithADotContinuesAChainedCall() {
        assertThat(split("List.of(1, 2)\n    .stream()\n\n    .count()\nint after = 1;"))
                .extracting(Cell.Snippet::source, Cell.Snippet::line)
                .containsExactly(tuple("List.of(1, 2)\n    .stream()\n\n    .count()", 1), tuple("int after = 1;", 5));
    }

    @Test
    void anUnfinishedLastSnippetIsKeptForTheCompilerToReport() {
        assertThat(split("int a = 1;\nif (a > 0) {\n  a++;\n")).extracting(Cell.Snippet::source, Cell.Snippet::line)
                .containsExactly(tuple("int a = 1;", 1), tuple("if (a > 0) {\n  a++;", 2));
    }

    @Test
    void aPackageDeclarationIsSkippedSoASampleFileCanBePasted() {
        assertThat(split("package dev.tinynn.samples;\n\nclass A {}\n")).extracting(Cell.Snippet::source, Cell.Snippet::line)
                .containsExactly(tuple("class A {}", 3));
    }

    /**
     * A class of 3000 methods (about 136 KB, the size that timed out) is analysed in time linear in its
     * length: the characters handed to JShell's analysis add up to a small multiple of the cell's,
     * where gathering line by line and asking after each line handed over about 1500 times as many.
     */
    @Test
    void aLongClassIsAnalysedInLinearTime() {
        StringBuilder code = new StringBuilder("int before = 1;\nclass Big {\n");
        for (int i = 0; i < 3000; i++) {
            code.append("    int m").append(i).append("() { return \"}{\".length() + ").append(i).append("; } // )\n");
        }
        code.append("    /* { */ String text = \"\"\"\n        {(\n        \"\"\";\n}\nint after = 2;\n");
        AtomicLong analysed = new AtomicLong();

        List<Cell.Snippet> snippets = Cell.split(code.toString(), source -> {
            analysed.addAndGet(source.length());
            return parser.sourceCodeAnalysis().analyzeCompletion(source);
        });

        assertThat(code.length()).isGreaterThan(130_000);
        assertThat(snippets).extracting(Cell.Snippet::line).containsExactly(1, 2, 3007);
        assertThat(snippets.get(1).source()).startsWith("class Big {").contains("int m2999()");
        assertThat(analysed.get()).isLessThan(3L * code.length());
    }

    @Test
    void aCellOverTheLimitIsRefusedInOneSentence() {
        assertThat(Cell.refused("1 + 1")).isNull();
        assertThat(Cell.refused("x".repeat(Cell.MAX_LENGTH))).isNull();
        assertThat(Cell.refused("x".repeat(Cell.MAX_LENGTH + 1))).isEqualTo("This cell holds 262145 characters, more than "
                + "the 262144 a cell may hold; run the code in parts of at most 262144 characters.");
    }
}
