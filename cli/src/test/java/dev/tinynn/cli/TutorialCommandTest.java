package dev.tinynn.cli;

import static dev.tinynn.cli.Learner.interactive;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.terminal.Tutorial;
import dev.tinynn.cli.Cli;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code tinynn tutorial}: every page's numbers as {@code TutorialFacts} gives them (rounded to the ten digits
 * the tutorial prints), the exercises with right and wrong answers, and the error cases.
 */
class TutorialCommandTest {
    private static final String[] RIGHT = {"--answers", "raw2=1", "--answers", "p3=a", "--answers", "order=3,4,1,2", "--answers",
        "p25=0.711", "--answers", "w5=4.3208", "--answers", "q5=b,a,c", "--answers", "q7=a,c,b"};

    /** The whole tutorial, run once with the right answers. */
    private static String all;

    @BeforeAll
    static void runAllPages() {
        Cli cli = Cli.run(args("tutorial", RIGHT));
        assertThat(cli.err()).isEmpty();
        assertThat(cli.exitCode()).isZero();
        all = cli.out();
    }

    private static String[] args(String first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(Arrays.asList(rest));
        return all.toArray(String[]::new);
    }

    /** The text of page n alone, from the full run. */
    private static String page(int n) {
        int from = all.indexOf("━━ Page " + n + " of 8");
        int to = n == 8 ? all.length() : all.indexOf("━━ Page " + (n + 1) + " of 8");
        assertThat(from).as("page %d is there", n).isNotNegative();
        return all.substring(from, to);
    }

    /** Text with its line breaks and indentation collapsed to single spaces, for wrapped prose. */
    private static String flat(String text) {
        return text.replaceAll("\\s*\n\\s*", " ");
    }

    @Test
    void walksTheEightPagesInOrder() {
        int last = -1;
        String[] titles = {"The problem and the idea", "One neuron", "Sigmoid and decisions", "Loss and training",
            "Check your model", "Two inputs", "Backprop and limits", "Beyond one neuron"};
        for (int n = 1; n <= 8; n++) {
            int at = all.indexOf("━━ Page " + n + " of 8: " + titles[n - 1] + " ━");
            assertThat(at).as("page %d", n).isGreaterThan(last);
            last = at;
        }
        assertThat(all).doesNotContain("NaN").doesNotContain("exercise skipped").doesNotContain("Exception");
        assertThat(all.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(Tutorial.WIDTH));
    }

    @Test
    void page1ShowsTheDataTheFlowAndTheUntrainedNeuron() {
        assertThat(page(1))
                .contains("Data ──▶ Neuron ──▶ Sigmoid ──▶ Loss ──▶ Update w,b")
                .containsPattern("\\s3\\s+1\n")
                .contains("1 ──×0.1──▶ z = 1·0.1 + 0 = 0.1 ──σ──▶ p = 0.5249791875")
                .contains("4 ──×0.1──▶ z = 4·0.1 + 0 = 0.4 ──σ──▶ p = 0.5986876601");
    }

    @Test
    void page2RawScores() {
        assertThat(page(2))
                .contains("2·0.5 + -1 = 0\n")
                .contains("2·1 + -1 = ?      ← the exercise below")
                .contains("Right. Raw = hours·w + b = 2·1 + (-1) = 1.")
                .contains("2·0.2 + -1 = -0.6\n")
                .contains("hours = 2 ──×w = 0.5──▶ (Σ + b, b = -1) ──▶ raw = 0")
                .contains("w = 0.5 → -1, w = 1 → -1, w = 0.2 → -1");
    }

    @Test
    void page3SigmoidTableAndDecisions() {
        assertThat(page(3))
                .containsPattern("-2\\s+0.119202922\\s+likely fail")
                .containsPattern("\\s0\\s+0.5\\s+on the fence")
                .containsPattern("1.2\\s+0.7685247835\\s+leans pass")
                .containsPattern("\\s4\\s+0.98201379\\s+likely pass")
                .contains("3 h ──×0.5──▶ (Σ + (-1)) ──z = 0.5──▶ σ ──▶ p = 0.6224593312 ──▶ Pass")
                .contains("2.5 h ──×0.5──▶ (Σ + (-1)) ──z = 0.25──▶ σ ──▶ p = 0.5621765009 ──▶ Pass, barely")
                .satisfies(page -> assertThat(flat(page)).contains("2.5 hours (p = 0.5621765009) flips to Fail"));
    }

    @Test
    void page4LossTrainingLoopAndTheGradientCheck() {
        String page = page(4);
        assertThat(page)
                .contains("(1 − 0.7)² = 0.09\n")
                .containsPattern("\\s0\\s+1.015520335\n")
                .containsPattern("\\s500\\s+0.06219886196\n")
                .containsPattern("\\s999\\s+0.02503895757\\s+\\(the last epoch\\)")
                .contains("It learned w = 4.301868546, b = -10.50801156")
                .contains("hours = −b / w = 2.44266217")
                // the same first step with three learning rates
                .containsPattern("0.01\\s+0.09475020813\\s+-0.005249791875\\s+0.2756031473\\s+0.2728601577\n")
                .containsPattern("\\s1\\s+-0.4249791875\\s+-0.5249791875\\s+0.2756031473\\s+0.07778141321\n")
                .containsPattern("update used: Σ\\(p − y\\)·x, Σ\\(p − y\\)\\s+-1.257274627\\s+0.2479433617\n")
                .containsPattern("cross-entropy gradient \\(plain\\)\\s+-1.257274627\\s+0.2479433617\\s+the same")
                .containsPattern("squared-error gradient \\(plain\\)\\s+-0.5893366314\\s+0.1331191832");
        // The loss every 100 epochs, as the loop prints it, and the last epoch.
        Matcher epochs = Pattern.compile("\n\\s+(\\d+)\\s+\\d\\.\\d+(?:\\s+\\(the last epoch\\))?\n").matcher(page);
        List<Integer> printed = new ArrayList<>();
        int from = 0;
        while (epochs.find(from)) {
            printed.add(Integer.parseInt(epochs.group(1)));
            from = epochs.end() - 1;
        }
        assertThat(printed).containsExactly(0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 999);
    }

    @Test
    void page5PredictionsAndTheRetrainExercise() {
        assertThat(page(5))
                .containsPattern("1.5\\s+-0.3\\s+0.4255574832\\s+Fail")
                .containsPattern("2.5\\s+\\?\\s+\\?\\s+← the exercise below")
                .contains("Right. z = 1.2·2.5 − 2.1 = 0.9, p = 1 / (1 + e^(−0.9)) = 0.7109495026, Pass.")
                .contains("Right. Retrained on the five rows, w = 4.320806895 (it was 4.301868546).")
                .containsPattern("3.5\\s+2.1\\s+0.8909031788\\s+Pass")
                .contains("p = 0.5613541954, Pass")
                .containsPattern("4 rows\\s+4.301868546\\s+-10.50801156\\s+2.44266217\\s+0.5613541954")
                .containsPattern("5 rows\\s+4.320806895\\s+-10.55591336\\s+2.443042149\\s+0.561217301")
                .contains("gave 5 hours p = 0.9999833208");
    }

    @Test
    void page6OnlineAndBatchSideBySideAndTheCollinearCombinations() {
        assertThat(page(6))
                .containsPattern("w1\\s+9.513711269\\s+8.951664356\n")
                .containsPattern("w2\\s+-3.13932505\\s+-2.969628227\n")
                .containsPattern("b\\s+-3.16325908\\s+-2.980323146\n")
                .containsPattern("epoch 0\\s+1.320876112\\s+1.018847114\n")
                .containsPattern("epoch 1\\s+1.754718887\\s+1.552298417\n")
                .containsPattern("epoch 2\\s+1.737184756\\s+1.97854038\n")
                .containsPattern("epoch 999\\s+0.004024006924\\s+0.00465900262\n")
                .satisfies(page -> assertThat(flat(page))
                        .contains("summed, w1 = 0.1 − 0.1·(0.2928801384) = 0.07071198616; tinynn with lr 0.4: w1 ="))
                .containsPattern("online, 0.1, 0.1, 0\\s+9.513711269\\s+-3.13932505\\s+-3.16325908\\s+6.37438622\\s+-15.72055928")
                .containsPattern("online, 1.1, -0.9, 4\\s+10.51371127\\s+-4.13932505\\s+0.8367409203\\s+6.37438622\\s+-15.72055928")
                .containsPattern("batch, 0.1, 0.1, 0\\s+8.951664356\\s+-2.969628227\\s+-2.980323146\\s+5.98203613\\s+-14.85883605");
    }

    @Test
    void page7ChainRuleWithNumbersAndTheFinalQuiz() {
        assertThat(page(7))
                .contains("z = 3·0.1 + 0 = 0.3,   p = σ(0.3) = 0.5744425168,   ℓ = (0.5744425168 − 1)² = 0.1810991715")
                .contains("∂ℓ/∂p = 2·(p − y)              = -0.8511149664")
                .contains("∂p/∂z = p·(1 − p)              = 0.2444583117")
                .contains("∂ℓ/∂w = ∂ℓ/∂p · ∂p/∂z · ∂z/∂w = -0.8511149664 · 0.2444583117 · 3 = -0.6241863832")
                .contains("gradient for this row: ∂ℓ/∂w = -0.6241863832, ∂ℓ/∂b = -0.2080621277")
                .contains("∂ℓ/∂w = ∂ℓ/∂p · ∂p/∂z · ∂z/∂w = -1.740818221 · 0.2444583117 · 3 = -1.27667245")
                .contains("∂ℓ/∂p · ∂p/∂z = -0.4255574832 is exactly p − y = -0.4255574832")
                .containsPattern("cross-entropy gradient \\(plain\\)\\s+-1.257274627\\s+0.2479433617")
                .containsPattern("squared-error gradient \\(plain\\)\\s+-0.5893366314\\s+0.1331191832")
                .satisfies(page -> assertThat(flat(page))
                        .contains("w1's share = error·3 = -0.8068242641, w2's = error·7 = -1.88258995"))
                .contains("momentum, Adam, weight decay")
                .contains("1. What is the bias for?")
                .contains("a) it shifts the raw output independently of the input")
                .contains("3 of 3 right.")
                .satisfies(page -> assertThat(flat(page)).contains("Page 8, Beyond one neuron, takes the first of these"))
                .contains("→ page 8 follows this one; alone: tinynn tutorial --page 8");
    }

    @Test
    void page8OneNeuronCannotAndAHiddenLayerCan() {
        assertThat(page(8))
                .contains("before: w1 = 0.5, w2 = -0.3, b = 0")
                .contains("after:  w1 = 2.220446049E-16, w2 = 2.220446049E-16, b = -3.053113318E-16")
                .containsPattern("\\s0\\s+1\\s+1\\s+0.4255574832\\s+Fail wrong\\s+0.5\\s+Pass right\n")
                .contains("1 of 4 right before, 2 of 4 after")
                .containsPattern("\\s0\\s+0\\s+0\\s+0.6657447683\\s+Pass wrong\\s+0.001981216213\\s+Fail right\n")
                .containsPattern("\\s1\\s+1\\s+0\\s+0.6070312621\\s+Pass wrong\\s+0.007189674583\\s+Fail right\n")
                .contains("2 of 4 right before, 4 of 4 after")
                .satisfies(page -> assertThat(flat(page))
                        .contains("it gets 2 of 4 right in the end")
                        .contains("Here a hidden layer of 4 units (activation sigmoid) starts from small random weights"
                                + " (seed 1) and trains with batch updates, learning rate 1, for 2000 epochs: it gets 4 of 4"
                                + " right.")
                        .contains("A hidden unit is a neuron whose output is not the answer"))
                .contains("Optional: the calculus");
        assertThat(page(8).indexOf("A hidden unit is")).as("terms defined before use")
                .isLessThan(page(8).indexOf("hidden layer of 4 units"));
    }

    @Test
    void rightAnswersAreExplained() {
        assertThat(page(4)).contains("your answer (from --answers order): 3, 4, 1, 2")
                .contains("Right. First the forward pass makes p");
        assertThat(page(5)).contains("Right. Inference is the forward pass alone. With w = 4.301868546, b = "
                + "-10.50801156: z =").contains("3 of 3 right.");
        assertThat(page(7)).contains("Right. z = w·hours + b: changing b").doesNotContain("Not quite");
    }

    @Test
    void wrongAnswersAreExplainedWithTheRightOne() {
        Cli cli = Cli.run("tutorial", "--answers", "order=4,3,1,2", "--answers", "q5=a c c", "--answers", "q7=bac");
        assertThat(cli.exitCode()).isZero();
        assertThat(flat(cli.out()))
                .contains("Not quite. Step 1 is “Forward pass: z = w·hours + b, p = σ(z)”, not “Loss: how wrong p"
                        + " is, (y − p)²”: nothing can be measured")
                .contains("The order is forward pass, loss, update weight and bias, repeat. First the forward pass"
                        + " makes p; the loss measures")
                .contains("Not quite. The loss needs the label y")
                .contains("The answer is “the forward pass alone: z = w·hours + b, then p = σ(z)”. Inference is the"
                        + " forward pass alone.")
                .contains("1 of 3 right.")
                .contains("Not quite. Multiplying the input is the weight's job")
                .contains("The answer is “it shifts the raw output independently of the input”. z = w·hours + b:"
                        + " changing b moves z")
                .contains("The answer is “cross-entropy, −[y·ln p + (1 − y)·ln(1 − p)]”. For cross-entropy the"
                        + " chain's first two factors multiply to exactly p − y")
                .contains("0 of 3 right.");
    }

    @Test
    void withoutATerminalTheExercisesAreSkippedWithANote() {
        Cli cli = Cli.run("tutorial");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out().lines().filter(line -> line.contains("exercise skipped")))
                .containsExactly(
                        "  (exercise skipped: no terminal to type into; answer it with --answers raw2=0.5, see --help)",
                        "  (exercise skipped: no terminal to type into; answer it with --answers p3=b, see --help)",
                        "  (exercise skipped: no terminal to type into; answer it with --answers order=2,4,1,3, see --help)",
                        "  (exercise skipped: no terminal to type into; answer it with --answers p25=0.5, see --help)",
                        "  (exercise skipped: no terminal to type into; answer it with --answers q5=a,c,b, see --help)",
                        "  (exercise skipped: no terminal to type into; answer it with --answers w5=4.4, see --help)",
                        "  (exercise skipped: no terminal to type into; answer it with --answers q7=b,a,c, see --help)");
        assertThat(cli.out()).doesNotContain("your answer").contains("1.015520335").contains("9.513711269");
    }

    @Test
    void noQuizSkipsTheExercisesQuietly() {
        Cli cli = Cli.run("tutorial", "--no-quiz", "--page", "5");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).doesNotContain("exercise skipped").doesNotContain("Quiz").contains("4.320806895");
    }

    @Test
    void onePage() {
        Cli cli = Cli.run("tutorial", "--page", "3");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("━━ Page 3 of 8: Sigmoid and decisions").doesNotContain("Page 2 of 8")
                .doesNotContain("Page 4 of 8").doesNotContain("That is the whole tutorial").contains("0.6224593312");
    }

    @Test
    void helpDocumentsTheAnswersFormat() {
        Cli cli = Cli.run("tutorial", "--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("--page=N").contains("--answers=KEY=LIST").contains("--no-quiz")
                .contains("order=2,4,1,3").contains("q5=a,c,b").contains("q7=b,a,c")
                .contains("(These examples are not the right answers.)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--page=9                   | --page must be 1 to 8, got 9",
        "--page=0                   | --page must be 1 to 8, got 0",
        "--page=two                 | --page: 'two' is not a whole number; write the page's number, 1 to 8",
        "--backend=cuda             | unknown backend 'cuda'; available: ",
        "--answers=q6=a,b,c         | --answers: unknown exercise 'q6'; use raw2 (page 2), p3 (page 3), order (page 4), p25, w5, q5 (page 5) or q7 (page 7)",
        "--answers=p25=0,71         | --answers p25=0,71: '0,71' is not a number; type a number with digits and a point, such as 0.75",
        "--answers=p3=c             | --answers p3=c: give one letter, a to b",
        "--answers=q5=a,b           | --answers q5=a,b: give 3 letters a to c, one per question",
        "--answers=q7=a,b,d         | --answers q7=a,b,d: give 3 letters a to c",
        "--answers=order=1,1,2,3    | --answers order=1,1,2,3: give the card numbers 1 to 4, each once",
        "--answers=order=1,2,3      | --answers order=1,2,3: give the card numbers 1 to 4, each once",
        "--answers=order            | Value for option option '--answers' (KEY=LIST) should be in KEY=VALUE format",
    })
    void badInputGetsOneLineAndTheUsageExitCode(String option, String message) {
        Cli.assertUsageError("tutorial", option, message);
    }

    @Test
    void noQuizAndAnswersContradict() {
        Cli cli = Cli.run("tutorial", "--no-quiz", "--answers", "q5=a,b,c");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--no-quiz and --answers cannot be combined");
        assertThat(cli.err().lines()).hasSize(1);
    }

    // ---- In a terminal: a scripted learner types the answers.

    @Test
    void inATerminalTheLearnerTypesTheOrderAndIsAskedAgainAfterAMistake() {
        Learner learner = new Learner("3 4 x", "3412");
        String out = interactive(learner, "--page", "4");
        assertThat(learner.asked).hasSize(2);
        assertThat(learner.asked.get(1)).contains("give the card numbers 1 to 4, each once");
        assertThat(out).contains("Right. First the forward pass makes p").doesNotContain("exercise skipped");
    }

    @Test
    void inATerminalTheQuizAsksOneQuestionAtATime() {
        // p at 2.5 hours, then the quiz: B (right), z (not a letter) and a (right), b twice (wrong); the retrained w
        Learner learner = new Learner("0.711", "B", "z", "a", "b", "b", "4.32");
        String out = interactive(learner, "--page", "5");
        assertThat(learner.asked).hasSize(7);
        assertThat(learner.asked.get(3)).contains("give one letter, a to c");
        assertThat(out).contains("Quiz (3 questions: type a letter)").contains("2 of 3 right.");
        assertThat(flat(out)).contains("The answer is “it barely moves”. The neuron already gave 5 hours p = 0.9999833208");
    }

    @Test
    void inATerminalTheEndOfInputStopsTheQuizWithoutWaiting() {
        String out = interactive(new Learner("a"), "--page", "7");
        assertThat(out).contains("1. What is the bias for?").contains("2. Backprop").doesNotContain("3. The tutorial")
                .doesNotContain("of 3 right.");
    }

    @Test
    void inATerminalItWaitsBetweenPagesAndQStops() {
        Learner learner = new Learner("", "q");
        String out = interactive(learner, "--no-quiz");
        assertThat(learner.asked).containsExactly("Press Enter for page 2 of 8 (q quits): ",
                "Press Enter for page 3 of 8 (q quits): ");
        assertThat(out).contains("Page 1 of 8").contains("Page 2 of 8").doesNotContain("Page 3 of 8");
    }

    @Test
    void answersGivenOnTheCommandLineAreNotAskedAgain() {
        Learner learner = new Learner();
        String out = interactive(learner, "--page", "5", "--answers", "q5=b,a,c", "--answers", "p25=0.71", "--answers",
                "w5=4.32");
        assertThat(learner.asked).isEmpty();
        assertThat(out).contains("3 of 3 right.");
    }
}
