package dev.tinynn.web;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Decision;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.Pass;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.spi.Backend;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pages' exercises, checked on the server so the right answers are not in the page: page 2's
 * raw score, page 3's 2.5 hours, page 4's order of the training steps, and the quizzes of pages 5
 * and 7 (the terminal tutorial's questions). The explanations quote numbers computed now by the
 * chosen backend. A learner gets one retry: a first wrong answer gets a hint, a second one the
 * answer with its explanation.
 */
final class Quizzes {
    /** Page 4's cards, shuffled; the right order is {@link #ORDER}. */
    static final List<String> CARDS = List.of(
            "Update weight and bias: w −= lr·error·hours, b −= lr·error",
            "Repeat: the next row, and after the last row the next epoch",
            "Forward pass: z = w·hours + b, p = σ(z)",
            "Loss: how wrong p is, (y − p)²");
    static final List<Integer> ORDER = List.of(2, 3, 0, 1);
    private static final List<String> REASONS = List.of(
            "nothing can be measured or corrected before the forward pass has made a prediction p.",
            "the loss compares the prediction p with the label y, so it comes right after the forward pass.",
            "the update moves w and b against the error just measured; it needs p and y first.",
            "repeating comes last: one row's forward pass, loss and update make one step; then the next row.");
    private static final String ORDER_SUMMARY = "First the forward pass makes p; the loss measures how far p is "
            + "from y; the update nudges w and b to shrink that error; then repeat with the next row, and after "
            + "the last row start the next epoch.";

    private Quizzes() {
    }

    /** A multiple-choice question; {@code why} explains each option. */
    record Question(String text, List<String> options, int answer, List<String> why) {
    }

    /** The questions of quiz {@code key} (q5 or q7), without their answers. */
    static List<Map<String, Object>> questions(TutorialNumbers numbers, String key, Backend backend) {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Question q : quiz(numbers, key, backend)) {
            shown.add(Map.of("text", q.text(), "options", q.options()));
        }
        return shown;
    }

    /**
     * Checks one answer.
     *
     * @param backend the backend whose numbers the explanations quote
     * @param exercise p2, p3, order, q5 or q7
     * @param question the question's index (quizzes only)
     * @param answer the learner's answer: a number (p2), pass or fail (p3), the card indices in order
     *     such as {@code 2,3,0,1} (order), an option's index (quizzes)
     * @param attempt 1 for the first try, 2 for the retry
     * @return {@code right}, and {@code text}: the explanation, a hint, or the answer
     */
    static Map<String, Object> check(TutorialNumbers numbers, Backend backend, String exercise, int question,
            String answer, int attempt) {
        return switch (exercise) {
            case "p2" -> rawScore(numbers, backend, answer, attempt);
            case "p3" -> decision(numbers, backend, answer, attempt);
            case "order" -> order(answer, attempt);
            case "q5", "q7" -> choice(quiz(numbers, exercise, backend), question, answer, attempt);
            default -> throw new IllegalArgumentException("unknown exercise '" + exercise
                    + "'; use p2, p3, order, q5 or q7");
        };
    }

    private static Map<String, Object> rawScore(TutorialNumbers numbers, Backend backend, String answer, int attempt) {
        double z = numbers.forward(backend, 2, 1.0, -1)[0];
        double given;
        try {
            given = Double.parseDouble(answer.trim().replace('−', '-'));
        } catch (NumberFormatException e) {
            return Map.of("right", false, "counted", false, "text", "Type a number, such as 0.5 or -2.");
        }
        if (Math.abs(given - z) < 1e-9) {
            return reply(true, "Right: raw = hours·w + b = 2·1.0 + (−1) = " + num(z) + ". The weight counts the "
                    + "hours; the bias is where the score starts at zero hours. A raw score is not yet a "
                    + "probability: it can be any number, and page 3 squeezes it into (0, 1).");
        }
        return attempt < 2
                ? reply(false, "Not quite. Hint: multiply the hours by the weight first (2·1.0), then add the bias "
                        + "(−1). Try once more.")
                : reply(false, "The raw score is " + num(z) + ": 2·1.0 = 2, and 2 + (−1) = " + num(z) + ".");
    }

    private static Map<String, Object> decision(TutorialNumbers numbers, Backend backend, String answer, int attempt) {
        double[] zp = numbers.forward(backend, 2.5, 0.5, -1);
        String right = Decision.of(zp[1], Decision.DEFAULT_THRESHOLD).toString();
        String why = "z = 0.5·2.5 + (−1) = " + num(zp[0]) + ", p = σ(" + num(zp[0]) + ") = " + num(zp[1])
                + ", which is ≥ 0.5: " + right + ", barely. With the stricter cut-off 0.6 the same student flips to "
                + Decision.of(zp[1], 0.6) + ": the neuron did not change, only what we do with its p.";
        if (right.equalsIgnoreCase(answer.trim())) {
            return reply(true, "Right: " + why);
        }
        return attempt < 2
                ? reply(false, "Not quite. Hint: work out z = w·hours + b first, then compare σ(z) with 0.5; "
                        + "the slider above shows σ for any z. Try once more.")
                : reply(false, "The answer is " + right + ": " + why);
    }

    private static Map<String, Object> order(String answer, int attempt) {
        List<Integer> chosen = new ArrayList<>();
        for (String part : answer.split(",")) {
            try {
                chosen.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("send the card numbers in order, such as 0,1,2,3", e);
            }
        }
        if (chosen.size() != ORDER.size() || !chosen.containsAll(ORDER)) {
            throw new IllegalArgumentException("send each of the four cards 0 to 3 once");
        }
        for (int k = 0; k < ORDER.size(); k++) {
            if (!chosen.get(k).equals(ORDER.get(k))) {
                String hint = "Step " + (k + 1) + " is not “" + CARDS.get(chosen.get(k)) + "”: " + REASONS.get(k);
                return attempt < 2
                        ? reply(false, "Not quite. " + hint + " Try once more.")
                        : reply(false, hint + " The order is: forward pass, loss, update, repeat. " + ORDER_SUMMARY);
            }
        }
        return reply(true, "Right. " + ORDER_SUMMARY);
    }

    private static Map<String, Object> choice(List<Question> quiz, int question, String answer, int attempt) {
        if (question < 0 || question >= quiz.size()) {
            throw new IllegalArgumentException("there are questions 0 to " + (quiz.size() - 1));
        }
        Question q = quiz.get(question);
        int chosen;
        try {
            chosen = Integer.parseInt(answer.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("send the option's number, 0 to " + (q.options().size() - 1), e);
        }
        if (chosen < 0 || chosen >= q.options().size()) {
            throw new IllegalArgumentException("send the option's number, 0 to " + (q.options().size() - 1));
        }
        if (chosen == q.answer()) {
            return reply(true, "Right: " + q.why().get(chosen));
        }
        return attempt < 2
                ? reply(false, "Not quite: " + q.why().get(chosen) + " Try once more.")
                : reply(false, "Not quite: " + q.why().get(chosen) + " The answer is “" + q.options().get(q.answer())
                        + "”: " + q.why().get(q.answer()));
    }

    private static Map<String, Object> reply(boolean right, String text) {
        return Map.of("right", right, "text", text);
    }

    private static List<Question> quiz(TutorialNumbers numbers, String key, Backend backend) {
        return key.equals("q5") ? quiz5(numbers, backend) : quiz7(backend);
    }

    private static List<Question> quiz5(TutorialNumbers numbers, Backend backend) {
        Model trained = numbers.tutorialRun(backend, Datasets.studyHours()).model();
        TrainingResult plus = numbers.tutorialRun(backend, Datasets.studyHoursPlus());
        double p = trained.probability(3.2);
        double p25 = trained.probability(2.5);
        double p5 = trained.probability(5);
        return List.of(
                new Question("A new student studied 3.2 hours. To predict for them, what does the trained neuron run?",
                        List.of("The forward pass, the loss and an update, as in training",
                                "The forward pass alone: z = w·hours + b, then p = σ(z)",
                                "A new training run that includes the new student"),
                        1,
                        List.of("the loss needs the label y, which a new student does not have yet, and an update "
                                        + "would change the model while you use it.",
                                "inference is the forward pass alone. With w = " + num(trained.weights()[0]) + ", b = "
                                        + num(trained.bias()) + ": z = " + num(trained.z(3.2)) + ", p = " + num(p)
                                        + ", " + Decision.of(p, Decision.DEFAULT_THRESHOLD) + ".",
                                "retraining needs rows with known results; this student's result is what we want "
                                        + "to guess.")),
                new Question("The trained neuron gives 2.5 hours p = " + num(p25) + ". What does that say?",
                        List.of("Pass, but the neuron is unsure: 2.5 hours is just past its boundary",
                                "The student will certainly pass",
                                "The neuron is broken, because p should be 0 or 1"),
                        0,
                        List.of("p = 0.5 at " + num(trained.boundary(0.5)) + " hours, and 2.5 is barely past it.",
                                "p ≥ 0.5 gives Pass, but " + num(p25) + " is close to a coin toss, not a certainty.",
                                "σ never reaches 0 or 1 exactly; an in-between p is what a working neuron gives an "
                                        + "in-between student.")),
                new Question("You add the row (5 hours, passed) and retrain. What happens to w?",
                        List.of("It roughly doubles: there is one more passing student",
                                "It turns negative",
                                "It barely moves"),
                        2,
                        List.of("a row moves w only through its error p − y; the neuron already gave 5 hours p = "
                                        + num(p5) + ", so there is almost nothing to correct.",
                                "a passing student with more hours than all the others pushes w up, not down.",
                                "it goes from " + num(trained.weights()[0]) + " to " + num(plus.weights()[0])
                                        + ": the neuron already gave 5 hours p = " + num(p5)
                                        + ", so the new row's error and its updates are tiny.")));
    }

    private static List<Question> quiz7(Backend backend) {
        Model start = new Model(new double[] {TutorialNumbers.START_W}, TutorialNumbers.START_B);
        Model shifted = new Model(start.weights(), start.bias() + 1);
        Dataset two = Datasets.studySleep();
        double[] row = two.row(2);
        Dataset twoRow = Dataset.of("row", two.featureNames(), new double[][] {row}, new double[] {two.y(2)});
        Pass pass = Pass.at(backend, twoRow, new double[] {TutorialNumbers.START_W, TutorialNumbers.START_W},
                TutorialNumbers.START_B, Loss.CROSS_ENTROPY);
        double error = pass.p()[0] - two.y(2);
        Dataset data = Datasets.studyHours();
        Pass cross = Pass.at(backend, data, start, Loss.CROSS_ENTROPY);
        Pass squared = Pass.at(backend, data, start, Loss.SQUARED_ERROR);
        return List.of(
                new Question("What is the bias for?",
                        List.of("It shifts the raw output independently of the input",
                                "It scales the input, like a second weight",
                                "It turns the raw output into a probability"),
                        0,
                        List.of("z = w·hours + b: b + 1 turns z at 1 hour from " + num(start.z(1)) + " to "
                                        + num(shifted.z(1)) + " and at 4 hours from " + num(start.z(4)) + " to "
                                        + num(shifted.z(4)) + ": the same shift whatever the input.",
                                "multiplying the input is the weight's job; the bias is added after.",
                                "that is the sigmoid's job, p = σ(z); the bias only shifts z before it.")),
                new Question("Backprop on study-sleep, row (" + num(row[0]) + ", " + num(row[1]) + ", passed), error p − y = "
                        + num(error) + ". What does each weight get?",
                        List.of("The same amount: the error is split evenly",
                                "Nothing: only the bias learns from the error",
                                "The error times its own input"),
                        2,
                        List.of("an even split ignores how much each input contributed; ∂z/∂w1 = study and "
                                        + "∂z/∂w2 = sleep are different factors.",
                                "the error reaches every weight whose input was not zero.",
                                "∂z/∂wⱼ = xⱼ: w1 gets " + num(error) + "·" + num(row[0]) + " = "
                                        + num(pass.gradient()[0]) + " and w2 gets " + num(error) + "·" + num(row[1])
                                        + " = " + num(pass.gradient()[1]) + ".")),
                new Question("The tutorial prints the squared error but updates with error = p − y. That update is "
                        + "the gradient of …",
                        List.of("The squared error it prints",
                                "Cross-entropy, −[y·ln p + (1 − y)·ln(1 − p)]",
                                "No loss at all: it is a rule of thumb"),
                        1,
                        List.of("the squared error's gradient has the extra factor 2·p·(1 − p): summed at the start it "
                                        + "is (" + num(squared.summedGradient()[0]) + ", "
                                        + num(squared.summedBiasGradient()) + ").",
                                "for cross-entropy ∂ℓ/∂z = p − y, exactly the tutorial's error; summed at the start "
                                        + "both are (" + num(cross.summedGradient()[0]) + ", "
                                        + num(cross.summedBiasGradient()) + ").",
                                "it is exactly a gradient, of cross-entropy.")));
    }

    /** A number as a learner reads it: at most 10 significant digits, no trailing zeros. */
    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.valueOf((long) x).replace('-', '−');
        }
        return new BigDecimal(x).round(new MathContext(10)).stripTrailingZeros().toPlainString().replace('-', '−');
    }
}
