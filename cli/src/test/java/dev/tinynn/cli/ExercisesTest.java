package dev.tinynn.cli;

import static dev.tinynn.cli.Learner.interactive;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tutorial's exercises as exercises: a wrong answer gets a hint and one more try before the
 * explanation; pages 2 and 5 ask their numbers instead of printing them; no quiz option repeats a
 * number printed just above it; q stops the tutorial without claiming it is over.
 */
class ExercisesTest {

    private static String flat(String text) {
        return text.replaceAll("\\s*\n\\s*", " ");
    }

    @Test
    void page2AsksTheRawScoreAndGivesAHintAfterAWrongAnswer() {
        Learner learner = new Learner("3", "1.0");
        String out = flat(interactive(learner, "--page", "2"));
        assertThat(out).containsPattern("1\\s+2·1 \\+ -1 = \\?\\s+← the exercise below")
                .contains("Exercise: With w = 1 and b = -1, what is the raw score at 2 hours? (a number; within 0.005"
                        + " counts as right)")
                .contains("Not yet. Hint: multiply the hours by w, then add b (b is negative). One more try.")
                .contains("Right. Raw = hours·w + b = 2·1 + (-1) = 1.");
        assertThat(learner.asked).hasSize(2);
    }

    @Test
    void aSecondWrongAnswerGetsTheExplanationAndTheAnswer() {
        String out = flat(interactive(new Learner("3", "0"), "--page", "2"));
        assertThat(out).contains("Not quite: 0 is off by 1. Raw = hours·w + b = 2·1 + (-1) = 1.");
    }

    @Test
    void page5AsksPAt25HoursAndTheRetrainedWeight() {
        Learner learner = new Learner("0.711", "b", "a", "c", "4.32");
        String out = flat(interactive(learner, "--page", "5"));
        assertThat(out).containsPattern("2.5\\s+\\?\\s+\\?\\s+← the exercise below")
                .contains("Right. z = 1.2·2.5 − 2.1 = 0.9, p = 1 / (1 + e^(−0.9)) = 0.7109495026, Pass.")
                // 4.32 is 0.0008 off: within 0.005
                .contains("Right. Retrained on the five rows, w = 4.320806895 (it was 4.301868546).")
                .contains("3 of 3 right.");
        // the p25 answer is not printed before it is asked
        assertThat(out.indexOf("0.7109495026")).isGreaterThan(out.indexOf("what is p at 2.5 hours?"));
    }

    @Test
    void aWrongQuizAnswerGetsAHintAndOneMoreTry() {
        Learner learner = new Learner("0.711", "a", "b", "a", "a", "c", "4.32");
        String out = flat(interactive(learner, "--page", "5"));
        assertThat(out).contains("Not yet. Hint: what does the neuron have for a new student, and what does it lack?"
                + " Only the steps that need no label can run. One more try.")
                .contains("Right. Inference is the forward pass alone.")
                .contains("3 of 3 right.");
        assertThat(learner.asked).hasSize(7);
    }

    @Test
    void theOrderingExerciseGivesAHintAndOneMoreTry() {
        Learner learner = new Learner("4321", "3412");
        String out = flat(interactive(learner, "--page", "4"));
        assertThat(out).contains("Not yet. Hint: step 1 is not “Loss: how wrong p is, (y − p)²”. What does each step"
                + " need that an earlier one makes? One more try.").contains("Right. First the forward pass makes p");
    }

    private static final Pattern OPTION = Pattern.compile("^\\s+[abc]\\) (.*)$");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d{3,}");

    /** The quiz options in {@code lines}, each with the numbers in it that the 25 lines above it print. */
    private static Map<String, List<String>> optionsAndRepeatedNumbers(List<String> lines) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = OPTION.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String above = String.join("\n", lines.subList(Math.max(0, i - 25), i));
            List<String> repeated = new ArrayList<>();
            for (Matcher numbers = NUMBER.matcher(m.group(1)); numbers.find(); ) {
                if (above.contains(numbers.group())) {
                    repeated.add(numbers.group());
                }
            }
            options.put(i + ": " + lines.get(i), repeated);
        }
        return options;
    }

    @Test
    void theOptionCheckFindsARepeatedNumber() {
        // The check below finds nothing in today's quizzes; here it is shown that it can.
        Map<String, List<String>> found = optionsAndRepeatedNumbers(List.of(
                "  2.5 hours: p = 0.7109495026", "What is p at 2.5 hours?", "   a) 0.7109495026", "   b) 0.5",
                "   c) 0.1234567 or 1.5"));
        assertThat(found.values()).containsExactly(List.of("0.7109495026"), List.of(), List.of());
    }

    @Test
    void noQuizOptionRepeatsANumberPrintedJustAboveIt() {
        Cli cli = Cli.run("tutorial", "--answers", "raw2=1", "--answers", "p3=a", "--answers", "order=3,4,1,2", "--answers", "p25=0.711",
                "--answers", "w5=4.3208", "--answers", "q5=b,a,c", "--answers", "q7=a,c,b");
        Map<String, List<String>> options = optionsAndRepeatedNumbers(cli.out().lines().toList());
        assertThat(options).hasSize(20);   // page 3's two, page 5's and 7's nine each
        options.forEach((option, repeated) ->
                assertThat(repeated).as("option '%s' repeats a number printed above it", option).isEmpty());
    }

    @Test
    void qQuitsWithoutSayingTheTutorialIsOver() {
        String out = interactive(new Learner("", "q"), "--no-quiz");
        assertThat(out).contains("Page 2 of 8").doesNotContain("Page 3 of 8").doesNotContain("That is the whole tutorial");
        String all = interactive(new Learner("", "", "", "", "", "", ""), "--no-quiz");
        assertThat(all).contains("That is the whole tutorial");
    }
}
