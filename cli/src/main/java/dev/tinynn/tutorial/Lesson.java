package dev.tinynn.tutorial;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.spi.Backend;
import java.io.PrintWriter;

/** What every page prints with, trains with and asks with. */
final class Lesson {
    /** The widest line the tutorial prints. */
    static final int WIDTH = 100;

    /** The tutorial's start: w = 0.1 (one per input), b = 0, lr 0.1, 1000 epochs, online, its update rule. */
    static TrainingConfig tutorialRun(int inputs) {
        double[] w = new double[inputs];
        java.util.Arrays.fill(w, 0.1);
        return TrainingConfig.tutorial().withInitialWeights(w);
    }

    final PrintWriter out;
    final Backend backend;
    final Exercises exercises;

    Lesson(PrintWriter out, Backend backend, Exercises exercises) {
        this.out = out;
        this.backend = backend;
        this.exercises = exercises;
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

    /** Trains a neuron with this lesson's backend. */
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
