package dev.tinynn.lesson;

import static dev.tinynn.lesson.Num.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Decision;
import dev.tinynn.core.ForwardBackward;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.spi.Backend;
import java.util.List;

/**
 * Every exercise the pages ask, with its answer, tolerance, hint and explanation. Explanations
 * quote numbers computed now by the given backend, so they are the numbers the page shows.
 */
public final class Exercises {
    /** Page 2: the raw score at 2 hours with w = 1, b = -1. */
    public static final String RAW2 = "raw2";
    /** Page 3: Pass or Fail at 2.5 hours with w = 0.5, b = -1. */
    public static final String P3 = "p3";
    /** Page 4: order the training steps. */
    public static final String ORDER = "order";
    /** Page 5: p at 2.5 hours with w = 1.2, b = -2.1. */
    public static final String P25 = "p25";
    /** Page 5: w after retraining with the row (5, 1). */
    public static final String W5 = "w5";
    /** Page 5's quiz. */
    public static final String QUIZ5 = "q5";
    /** Page 7's final quiz. */
    public static final String QUIZ7 = "q7";

    /** Every key, in the order the pages ask them. */
    public static final List<String> KEYS = List.of(RAW2, P3, ORDER, P25, W5, QUIZ5, QUIZ7);

    private Exercises() {
    }

    /**
     * The exercise {@code key}, its explanations quoting {@code backend}'s numbers.
     *
     * @throws IllegalArgumentException for an unknown key, naming the known ones
     */
    public static Exercise named(String key, Backend backend) {
        return switch (key) {
            case RAW2 -> raw2();
            case P3 -> p3();
            case ORDER -> order();
            case P25 -> p25();
            case W5 -> w5(backend);
            case QUIZ5 -> q5(backend);
            case QUIZ7 -> q7(backend);
            default -> throw new IllegalArgumentException("unknown exercise '" + key + "'; use " + String.join(", ", KEYS));
        };
    }

    /** The page each exercise is on. */
    public static int pageOf(String key) {
        return switch (key) {
            case RAW2 -> 2;
            case P3 -> 3;
            case ORDER -> 4;
            case P25, W5, QUIZ5 -> 5;
            case QUIZ7 -> 7;
            default -> throw new IllegalArgumentException("unknown exercise '" + key + "'");
        };
    }

    public static NumberExercise raw2() {
        double hours = Examples.Neuron.HOURS;
        double w = Examples.Neuron.EXERCISE_WEIGHT;
        double b = Examples.Neuron.BIAS;
        double raw = new Model(new double[] {w}, b).z(hours);
        return new NumberExercise(RAW2, 2, "With w = " + num(w) + " and b = " + num(b) + ", what is the raw score at "
                + num(hours) + " hours?", raw, NumberExercise.TOLERANCE,
                "multiply the hours by w, then add b (b is negative).",
                "raw = hours·w + b = " + num(hours) + "·" + num(w) + " + " + Num.signed(b) + " = " + num(raw) + ".");
    }

    public static Quiz p3() {
        double w = Examples.Sigmoid.W;
        double b = Examples.Sigmoid.B;
        double hours = Examples.Sigmoid.EXERCISE_HOURS;
        Model neuron = new Model(new double[] {w}, b);
        double z = neuron.z(hours);
        double p = neuron.probability(hours);
        Decision decision = Decision.of(p, Examples.Sigmoid.CUT_OFF);
        String why = "z = " + num(w) + "·" + num(hours) + " + " + Num.signed(b) + " = " + num(z) + ", p = σ(" + num(z)
                + ") = " + num(p) + ", which is ≥ " + num(Examples.Sigmoid.CUT_OFF) + ": " + decision + ", barely.";
        return new Quiz(P3, 3, "Exercise", List.of(new Question("With w = " + num(w) + ", b = " + num(b)
                + " and the cut-off " + num(Examples.Sigmoid.CUT_OFF) + ", a student who studied " + num(hours)
                + " hours is …", List.of("Pass", "Fail"), decision == Decision.PASS ? 0 : 1,
                decision == Decision.PASS
                        ? List.of(why, "p = " + num(p) + " is above the cut-off, if only a little. " + why)
                        : List.of("p = " + num(p) + " is below the cut-off. " + why, why),
                "work out z = w·hours + b first, then compare p = σ(z) with " + num(Examples.Sigmoid.CUT_OFF) + ".")));
    }

    public static CardOrder order() {
        return new CardOrder(ORDER, 4, "Put the training steps in the order they happen.", List.of(
                "Update weight and bias: w −= lr·error·hours, b −= lr·error",
                "Repeat: the next row, and after the last row the next epoch",
                "Forward pass: z = w·hours + b, p = σ(z)",
                "Loss: how wrong p is, (y − p)²"),
                List.of(2, 3, 0, 1),
                List.of("nothing can be measured or corrected before the forward pass has made a prediction p.",
                        "the loss compares the prediction p with the label y, so it comes right after the forward "
                                + "pass and before anything changes.",
                        "the update moves w and b against the error that was just measured; it needs p and y first.",
                        "repeating comes last: one row's forward pass, loss and update make one step; then the next "
                                + "row."),
                "first the forward pass makes p; the loss measures how far p is from y; the update nudges w and b "
                        + "to shrink that error; then repeat with the next row, and after the last row start the "
                        + "next epoch.");
    }

    public static NumberExercise p25() {
        Model example = new Model(new double[] {Examples.Check.W}, Examples.Check.B);
        double hours = Examples.Check.EXERCISE_HOURS;
        double z = example.z(hours);
        double p = example.probability(hours);
        return new NumberExercise(P25, 5, "With w = " + num(Examples.Check.W) + ", b = " + num(Examples.Check.B)
                + ", what is p at " + num(hours) + " hours?", p, NumberExercise.TOLERANCE,
                "first z = w·hours + b, then p = 1 / (1 + e^(−z)).",
                "z = " + num(Examples.Check.W) + "·" + num(hours) + " − " + num(-Examples.Check.B) + " = " + num(z)
                        + ", p = 1 / (1 + e^(−" + num(z) + ")) = " + num(p) + ", "
                        + example.decide(Decision.DEFAULT_THRESHOLD, hours) + ".");
    }

    public static NumberExercise w5(Backend backend) {
        Model trained = trained(backend, Datasets.studyHours());
        Model retrained = trained(backend, Datasets.studyHoursPlus());
        return new NumberExercise(W5, 5, "Add the row (" + num(Examples.Check.ADDED_ROW[0]) + " hours, passed) and "
                + "retrain with the same settings. What is the new w? Run it: tinynn train --data study-hours-plus "
                + "--initial-weights " + num(Examples.START_W), retrained.weights()[0], NumberExercise.TOLERANCE,
                "the line 'learned w = …' of that run is the answer.",
                "retrained on the five rows, w = " + num(retrained.weights()[0]) + " (it was "
                        + num(trained.weights()[0]) + ").");
    }

    /** The neuron the pages train on {@code data}: w = 0.1, b = 0, lr 0.1, 1000 epochs, online. */
    public static Model trained(Backend backend, Dataset data) {
        return Trainer.train(backend, data, Examples.run(data.features())).model();
    }

    /** Page 5's quiz; its explanations quote the live numbers. Answers: b, a, c. */
    public static Quiz q5(Backend backend) {
        Model trained = trained(backend, Datasets.studyHours());
        Model retrained = trained(backend, Datasets.studyHoursPlus());
        double student = Examples.Check.NEW_STUDENT;
        double p = trained.probability(student);
        double p25 = trained.probability(2.5);
        double p5 = trained.probability(Examples.Check.ADDED_ROW[0]);
        return new Quiz(QUIZ5, 5, "Quiz", List.of(
                new Question("A new student studied " + num(student) + " hours. To predict for them, what does "
                        + "the trained neuron run?",
                        List.of("the forward pass, the loss and an update, as in training",
                                "the forward pass alone: z = w·hours + b, then p = σ(z)",
                                "a new training run that includes the new student"),
                        1,
                        List.of("the loss needs the label y, which a new student does not have yet, and an update "
                                        + "would change the model while you use it.",
                                "inference is the forward pass alone. With w = " + num(trained.weights()[0])
                                        + ", b = " + num(trained.bias()) + ": z = " + num(trained.z(student))
                                        + ", p = " + num(p) + ", " + Decision.of(p, Decision.DEFAULT_THRESHOLD) + ".",
                                "retraining needs rows with known results; this student's result is what we want "
                                        + "to guess."),
                        "what does the neuron have for a new student, and what does it lack? Only the steps that "
                                + "need no label can run."),
                new Question("The trained neuron gives 2.5 hours p = " + num(p25) + ". What does that say?",
                        List.of("Pass, but the neuron is unsure: 2.5 hours is just past its boundary",
                                "the student will certainly pass",
                                "the neuron is broken, because p should be 0 or 1"),
                        0,
                        List.of("p = 0.5 at " + num(trained.boundary(0.5)) + " hours, and 2.5 is barely past it, "
                                        + "between the failing 2 hours and the passing 3 hours.",
                                "p ≥ 0.5 gives the decision Pass, but " + num(p25) + " is barely above the cut-off: "
                                        + "close to a coin toss, not a certainty.",
                                "σ never reaches 0 or 1 exactly; an in-between p near the boundary is what a "
                                        + "working neuron gives an in-between student."),
                        "compare p with 0.5, the cut-off: how far above it is it?"),
                new Question("You add the row (5 hours, passed) and retrain. What happens to w?",
                        List.of("it roughly doubles: there is one more passing student",
                                "it turns negative",
                                "it barely moves"),
                        2,
                        List.of("a row moves w only through its error p − y; the neuron already gave 5 hours p = "
                                        + num(p5) + ", so there is almost nothing to correct.",
                                "a passing student with more hours than all the others supports a positive w; it "
                                        + "pushes w up, not down.",
                                "the neuron already gave 5 hours p = " + num(p5) + ": the new row agrees with it, "
                                        + "its error is tiny, and so are the updates it adds (w goes from "
                                        + num(trained.weights()[0]) + " to " + num(retrained.weights()[0]) + ")."),
                        "a row moves w by lr·(p − y)·x: how large is p − y for 5 hours under the trained neuron?")));
    }

    /** Page 7's final quiz; its explanations quote the live numbers. Answers: a, c, b. */
    public static Quiz q7(Backend backend) {
        Dataset data = Datasets.studyHours();
        Model start = new Model(new double[] {Examples.START_W}, Examples.START_B);
        Model shifted = new Model(start.weights(), start.bias() + 1);
        Dataset two = Datasets.studySleep();
        int r = Examples.Backprop.ROW;
        double[] row = two.row(r);
        double error = new Model(new double[] {Examples.START_W, Examples.START_W}, Examples.START_B).probability(row)
                - two.y(r);
        ForwardBackward squared = ForwardBackward.at(backend, data, start, Loss.SQUARED_ERROR);
        double[] step = ForwardBackward.tutorialStep(data, squared.p());
        return new Quiz(QUIZ7, 7, "Final quiz", List.of(
                new Question("What is the bias for?",
                        List.of("it shifts the raw output independently of the input",
                                "it scales the input, like a second weight",
                                "it turns the raw output into a probability"),
                        0,
                        List.of("z = w·hours + b: changing b moves z by the same amount whatever the hours (b + 1 "
                                        + "turns z at 1 hour from " + num(start.z(1)) + " to " + num(shifted.z(1))
                                        + ", at 4 hours from " + num(start.z(4)) + " to " + num(shifted.z(4))
                                        + "). At zero hours z is b alone, the baseline; without it p would be "
                                        + "stuck at 0.5 for 0 hours.",
                                "multiplying the input is the weight's job; the bias is added after, whatever the "
                                        + "input is.",
                                "that is the sigmoid's job: p = σ(z). The bias only shifts z before it."),
                        "look at z = w·hours + b: what does b do to z at 0 hours, and at 4 hours?"),
                new Question("Backprop on study-sleep, row (" + num(row[0]) + ", " + num(row[1]) + ", passed), error "
                        + "p − y = " + num(error) + ". What does each weight get?",
                        List.of("the same amount: the error is split evenly",
                                "nothing: only the bias learns from the error",
                                "the error times its own input"),
                        2,
                        List.of("an even split ignores how much each input contributed to z: z moves with w1 by "
                                        + "study and with w2 by sleep, different factors.",
                                "the error reaches every weight whose input was not zero; the bias is the weight of "
                                        + "an input that is always 1.",
                                "z moves with each weight by that weight's input, so w1 gets " + num(error) + "·"
                                        + num(row[0]) + " = " + num(error * row[0]) + " and w2 gets " + num(error)
                                        + "·" + num(row[1]) + " = " + num(error * row[1]) + "."),
                        "the chain's last factor is how much z moves when one weight moves: what is it for "
                                + "z = w1·study + w2·sleep + b?"),
                new Question("Page 4's loop prints the squared error but updates with error = p − y. That update is "
                        + "the gradient of …",
                        List.of("the squared error it prints",
                                "cross-entropy, −[y·ln p + (1 − y)·ln(1 − p)]",
                                "no loss at all: it is a rule of thumb"),
                        1,
                        List.of("the squared error's gradient has the extra factor 2·p·(1 − p): at the start it is "
                                        + sums(squared.summedGradient()[0], squared.summedBiasGradient()) + ".",
                                "for cross-entropy the chain's first two factors multiply to exactly p − y, the "
                                        + "update's error; summed at the start both are "
                                        + sums(step[0], step[1]) + ".",
                                "it is exactly a gradient, of cross-entropy: the numbers above agree to the last "
                                        + "digit."),
                        "for which loss do the chain's first two factors multiply to exactly p − y, with no factor "
                                + "p(1 − p) left over?")));
    }

    private static String sums(double w, double b) {
        return "(" + num(w) + ", " + num(b) + ")";
    }
}
