package dev.tinynn.terminal;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.Book;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** What every page prints with, trains with and asks with. */
final class Screen {
    /** The widest line the tutorial prints. */
    static final int WIDTH = 100;

    final PrintWriter out;
    final Backend backend;
    final Asking exercises;
    /** The page being shown: its words come from the tutorial's content. */
    Book.PageText page;

    Screen(PrintWriter out, Backend backend, Asking exercises) {
        this.out = out;
        this.backend = backend;
        this.exercises = exercises;
    }

    /** The current page's passage {@code name}, which has no live numbers, as wrapped paragraphs. */
    void text(String name) {
        text(name, Map.of());
    }

    /**
     * The current page's passage {@code name}, its live numbers filled in from {@code live}: each
     * paragraph wrapped to {@link #WIDTH} columns, each list item on its own, then an empty line.
     */
    void text(String name, Map<String, String> live) {
        for (String paragraph : Book.fill(page.text(name), live).split("\n\\s*\n")) {
            List<String> lines = paragraph.lines().toList();
            if (lines.stream().allMatch(line -> line.startsWith("- "))) {
                lines.forEach(line -> wrap("  - ", plain(line.substring(2))));
            } else {
                wrap("", plain(String.join(" ", lines)));
            }
            out.println();
        }
    }

    /** A heading inside a page: its words, underlined. */
    void heading(String words) {
        out.println("  " + words);
        out.println("  " + "─".repeat(words.length()));
        out.println();
    }

    /**
     * Where the optional part of a page begins (a browser hides it behind "Optional: the calculus";
     * a terminal cannot, so it says the rest of the page is optional).
     */
    void optional() {
        heading("Optional: the calculus (the page reads without it)");
    }

    /** Inline code has no mark-up in a terminal. */
    private static String plain(String text) {
        return text.replace("`", "");
    }

    /** A paragraph: a text block, each line indented by two spaces, then an empty line. */
    void say(String text) {
        text.lines().forEach(line -> out.println(line.isBlank() ? "" : "  " + line));
        out.println();
    }

    /** One formatted line, indented by two spaces. */
    void line(String format, Object... args) {
        out.println(("  " + String.format(format, args)).stripTrailing());
    }

    /**
     * Text that is made at run time (it holds live numbers), wrapped to {@link #WIDTH} columns: the
     * first line starts with {@code first}, the rest are indented to line up under its text.
     */
    void wrap(String first, String text) {
        String indent = " ".repeat(2 + first.length());
        StringBuilder line = new StringBuilder("  ").append(first);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(indent);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        out.println(line);
    }

    void blank() {
        out.println();
    }

    /** Trains a neuron with this screen's backend. */
    TrainingResult train(Dataset data, TrainingConfig config, TrainingListener listener) {
        return Trainer.train(backend, data, config, listener);
    }

    /**
     * The run's diagnoses ({@link dev.tinynn.text.Warnings}), each line starting with "  warning",
     * then an empty line; nothing for a healthy run such as the tutorial's own.
     */
    void warnings(TrainingResult result) {
        java.util.List<String> lines = dev.tinynn.text.Warnings.of(result, i -> "row " + (i + 1), "--learning-rate");
        String prefix = dev.tinynn.text.Warnings.PREFIX;
        lines.forEach(line -> wrap(prefix.substring(2), line.substring(prefix.length())));
        if (!lines.isEmpty()) {
            out.println();
        }
    }

    TrainingResult train(Dataset data, TrainingConfig config) {
        return train(data, config, TrainingListener.NONE);
    }
}
