package dev.tinynn.terminal;

import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.Book;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The tutorial in the terminal: the pages of "Build a Tiny Neural Network by Hand", in order, with
 * their exercises, rendering the tutorial's content ({@link Book}) as text. The {@code tinynn
 * tutorial} command parses the options and hands them here.
 */
public final class Tutorial {
    /** The pages' renderings, in the content's order (one per page of {@link Book#pages()}). */
    private static final List<Page> PAGES = List.of(new ProblemPage(), new NeuronPage(), new SigmoidPage(),
            new TrainingPage(), new CheckPage(), new TwoInputsPage(), new BackpropPage(), new BeyondPage());

    /** How wide the text is, in characters. */
    public static final int WIDTH = Screen.WIDTH;

    private final PrintWriter out;
    private final Backend backend;
    private final Asking exercises;

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
        this.exercises = Asking.of(answers, terminal, noQuiz);
    }

    /** The number of pages. */
    public static int pages() {
        return Book.pages().size();
    }

    /** Shows pages {@code first} to {@code last} (1-based), pausing between them in a terminal. */
    public void show(int first, int last) {
        Screen screen = new Screen(out, backend, exercises);
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
            screen.page = Book.page(number);
            heading(number, screen.page.title());
            PAGES.get(number - 1).show(screen);
            out.flush();
        }
        if (first == 1 && last == pages() && !quit) {
            screen.say("""
                    That is the whole tutorial. Next: 'tinynn train --help' to train your own runs,
                    'tinynn jshell' to play with the neuron, and the samples dev.tinynn.samples.Page1TheProblem
                    … Page8HiddenLayer to read, run and break.""");
        }
        out.flush();
    }

    private void heading(int number, String title) {
        String text = "━━ Page " + number + " of " + pages() + ": " + title + " ";
        out.println(text + "━".repeat(Math.max(3, WIDTH - text.length())));
        out.println();
    }
}
