package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.terminal.Prompt;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A learner at the terminal, scripted: types the given lines in order and remembers what it was asked; the end of input after them. */
final class Learner implements Prompt {
    final Deque<String> lines;
    final List<String> asked = new ArrayList<>();

    Learner(String... lines) {
        this.lines = new ArrayDeque<>(List.of(lines));
    }

    @Override
    public String ask(String question) {
        asked.add(question);
        return lines.poll();
    }

    /** What {@code tinynn tutorial ARGS} printed with this learner at the keyboard; it must exit 0. */
    static String interactive(Learner learner, String... args) {
        StringWriter out = new StringWriter();
        picocli.CommandLine cmd = new picocli.CommandLine(new TutorialCommand(learner));
        cmd.setOut(new PrintWriter(out, true));
        assertThat(cmd.execute(args)).isZero();
        return out.toString();
    }
}
