package dev.tinynn.tutorial;

import dev.tinynn.core.spi.Backend;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The terminal tutorial: the seven pages of "Build a Tiny Neural Network by Hand", in order, with
 * their exercises. The {@code tinynn tutorial} command parses the options and hands them here.
 */
public final class Tutorial {
    /** The pages, in the tutorial's order. */
    private static final List<Page> PAGES = List.of(new ProblemPage(), new NeuronPage(), new SigmoidPage(),
            new TrainingPage(), new CheckPage(), new TwoInputsPage(), new BackpropPage());

    /** How wide the text is, in characters. */
    public static final int WIDTH = Lesson.WIDTH;

    private final PrintWriter out;
    private final Backend backend;
    private final Exercises exercises;

    /**
     * A tutorial that prints to {@code out} with numbers from {@code backend}.
     *
     * @param answers  answers given on the command line (order=…, q5=…, q7=…), or none
     * @param terminal where the exercises are asked, or {@code null} when there is no terminal
     * @param noQuiz   skip the exercises altogether
     * @throws IllegalArgumentException when an answer cannot be read, with a one-line message
     */
    public Tutorial(PrintWriter out, Backend backend, Map<String, String> answers, Prompt terminal, boolean noQuiz) {
        this.out = out;
        this.backend = backend;
        this.exercises = Exercises.of(answers, terminal, noQuiz);
    }

    /** The number of pages, 7. */
    public static int pages() {
        return PAGES.size();
    }

    /** Shows pages {@code first} to {@code last} (1-based), pausing between them in a terminal. */
    public void show(int first, int last) {
        Lesson lesson = new Lesson(out, backend, exercises);
        if (first == 1) {
            out.println("The same tutorial runs in your browser, with animations, sliders and code you can edit and run:");
            out.println("'tinynn serve'. This is the terminal version.");
            out.println();
        }
        boolean quit = false;
        for (int number = first; number <= last && !quit; number++) {
            if (number > first && exercises.canPause()) {
                out.flush();
                if (!exercises.next("page " + number + " of " + pages())) {
                    quit = true;
                    break;
                }
            }
            heading(number, PAGES.get(number - 1).title());
            PAGES.get(number - 1).show(lesson);
            out.flush();
        }
        if (first == 1 && last == pages() && !quit) {
            lesson.say("""
                    That is the whole tutorial. Next: 'tinynn train --help' to train your own runs,
                    'tinynn jshell' to play with the neuron, and the samples dev.tinynn.samples.Page1TheProblem
                    … Page7Backprop to read, run and break.""");
        }
        out.flush();
    }

    private void heading(int number, String title) {
        String text = "━━ Page " + number + " of " + pages() + ": " + title + " ";
        out.println(text + "━".repeat(Math.max(3, WIDTH - text.length())));
        out.println();
    }
}
