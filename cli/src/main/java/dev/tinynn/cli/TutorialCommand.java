package dev.tinynn.cli;

import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.NumberExercise;
import dev.tinynn.terminal.Prompt;
import dev.tinynn.terminal.Tutorial;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tinynn tutorial}: the eight pages of "Build a Tiny Neural Network by Hand", each idea in a
 * few sentences and shown with numbers computed live by the core API and a backend.
 */
@Command(name = "tutorial", mixinStandardHelpOptions = true,
        description = {
            "Walks the eight pages of \"Build a Tiny Neural Network by Hand\": each idea in a few sentences, "
                    + "shown with numbers computed live, every one checkable on paper.",
            "When stdin is a terminal it asks the exercises (page 2: a raw score; page 3: a decision; page 4: "
                    + "order the training steps; page 5: two numbers and a quiz; page 7: a quiz) and waits between pages. Without a terminal it skips them with a note, unless --answers gives "
                    + "the answers."},
        footer = {
            "",
            "--answers: one per exercise, KEY=LIST, commas or spaces between the items:",
            "  raw2=0.5        page 2: the raw score at 2 hours with w = 1, b = -1 (a number)",
            "  p3=b            page 3: Pass (a) or Fail (b) at 2.5 hours with w = 0.5, b = -1",
            "  order=2,4,1,3   page 4: the card numbers (1 to 4) in the order the steps happen",
            "  p25=0.5         page 5: p at 2.5 hours with w = 1.2, b = -2.1 (a number)",
            "  w5=4.4          page 5: w after retraining with the row (5, 1) (a number)",
            "  q5=a,c,b        page 5's quiz: one letter (a to c) per question, 3 questions",
            "  q7=b,a,c        page 7's final quiz: the same",
            "(These examples are not the right answers.) Each answer is explained, right or wrong; a number",
            "within " + NumberExercise.TOLERANCE + " of the answer counts as right. In a terminal a wrong answer gets a hint and one more try.",
            "",
            "Examples:",
            "  tinynn tutorial                   all eight pages",
            "  tinynn tutorial --page 4          one page",
            "  tinynn tutorial --no-quiz | less  read it without the exercises",
            "  tinynn tutorial --answers order=2,4,1,3 --answers q5=a,c,b --answers q7=b,a,c"})
public final class TutorialCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--page", paramLabel = "N", description = "Show only page N, 1 to 8 (default: all, in order).")
    Integer page;

    @Mixin
    BackendOption backendOption;

    @Option(names = "--answers", paramLabel = "KEY=LIST",
            description = "Answers for an exercise, so it runs without a terminal: raw2=…, p3=…, order=…, p25=…, "
                    + "w5=…, q5=…, q7=… "
                    + "(format below). Repeat for each exercise.")
    Map<String, String> answers = new LinkedHashMap<>();

    @Option(names = "--no-quiz", description = "Skip the exercises and the quizzes.")
    boolean noQuiz;

    /** Stands in for the terminal in tests; {@code null} means: ask System.console(), if there is one. */
    private final Prompt prompt;

    public TutorialCommand() {
        this(null);
    }

    TutorialCommand(Prompt prompt) {
        this.prompt = prompt;
    }

    @Override
    public Integer call() {
        if (page != null && (page < 1 || page > Tutorial.pages())) {
            throw new ParameterException(spec.commandLine(),
                    "--page must be 1 to " + Tutorial.pages() + ", got " + page);
        }
        if (noQuiz && !answers.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "--no-quiz and --answers cannot be combined: --no-quiz skips the exercises --answers answers");
        }
        PrintWriter out = spec.commandLine().getOut();
        Backend chosen = backendOption.backend(spec);
        Tutorial tutorial = UsageErrors.checked(spec, () -> new Tutorial(out, chosen, answers, terminal(out), noQuiz));
        tutorial.show(page == null ? 1 : page, page == null ? Tutorial.pages() : page);
        return 0;
    }

    private Prompt terminal(PrintWriter out) {
        if (prompt != null) {
            return prompt;
        }
        Console console = System.console();
        if (console != null) {
            return question -> {
                out.flush();
                return console.readLine("%s", question);
            };
        }
        // Java 17 has no console whenever stdout is not a terminal, as in 'tinynn tutorial | tee log';
        // what matters is whether the learner can type, that is whether stdin is a terminal.
        if (!stdinIsTerminal()) {
            return null;
        }
        BufferedReader keyboard = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return question -> {
            out.print(question);
            out.flush();
            try {
                return keyboard.readLine();
            } catch (IOException e) {
                return null;
            }
        };
    }

    /**
     * Whether standard input is a terminal: POSIX's {@code test -t 0} run on the same stdin (Java
     * itself can ask only about stdin and stdout together, through {@link System#console()}). False
     * where there is no {@code sh}, as on Windows, where the console decides alone.
     */
    static boolean stdinIsTerminal() {
        try {
            Process test = new ProcessBuilder("sh", "-c", "test -t 0")
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return test.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
