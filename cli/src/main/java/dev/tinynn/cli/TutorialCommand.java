package dev.tinynn.cli;

import dev.tinynn.core.spi.Backend;
import dev.tinynn.tutorial.Prompt;
import dev.tinynn.tutorial.Tutorial;
import java.io.Console;
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
 * {@code tinynn tutorial}: the seven pages of "Build a Tiny Neural Network by Hand", each idea in a
 * few sentences and shown with numbers computed live by the core API and a backend.
 */
@Command(name = "tutorial", mixinStandardHelpOptions = true,
        description = {
            "Walks the seven pages of \"Build a Tiny Neural Network by Hand\": each idea in a few sentences, "
                    + "shown with numbers computed live, every one checkable on paper.",
            "In a terminal it asks the exercises (page 4: order the training steps; pages 5 and 7: a quiz) and "
                    + "waits between pages. Without a terminal it skips them with a note, unless --answers gives "
                    + "the answers."},
        footer = {
            "",
            "--answers: one per exercise, KEY=LIST, commas or spaces between the items:",
            "  order=2,4,1,3   page 4: the card numbers (1 to 4) in the order the steps happen",
            "  q5=a,c,b        page 5's quiz: one letter (a to c) per question, 3 questions",
            "  q7=b,a,c        page 7's final quiz: the same",
            "(These examples are not the right answers.) Each answer is explained, right or wrong.",
            "",
            "Examples:",
            "  tinynn tutorial                   all seven pages",
            "  tinynn tutorial --page 4          one page",
            "  tinynn tutorial --no-quiz | less  read it without the exercises",
            "  tinynn tutorial --answers order=2,4,1,3 --answers q5=a,c,b --answers q7=b,a,c"})
public final class TutorialCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--page", paramLabel = "N", description = "Show only page N, 1 to 7 (default: all, in order).")
    Integer page;

    @Mixin
    BackendOption backendOption;

    @Option(names = "--answers", paramLabel = "KEY=LIST",
            description = "Answers for an exercise, so it runs without a terminal: order=…, q5=…, q7=… "
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
        if (console == null) {
            return null;
        }
        return question -> {
            out.flush();
            return console.readLine("%s", question);
        };
    }
}
