package dev.tinynn.tutorial;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Datasets;
import dev.tinynn.core.Decision;
import dev.tinynn.core.Model;
import dev.tinynn.core.TrainingResult;
import java.util.List;

/** Page 5: inference is the forward pass alone; predictions, the "add a row and retrain" exercise, a quiz. */
final class CheckPage implements Page {
    /** The page's example neuron. */
    static final double W = 1.2;
    static final double B = -2.1;
    static final double[] HOURS = {1.5, 2.5, 3.5};
    /** The quiz's new student. */
    static final double NEW_STUDENT = 3.2;

    @Override
    public String title() {
        return "Check your model";
    }

    @Override
    public void show(Lesson lesson) {
        lesson.say("""
                Using a trained neuron is the forward pass alone: z = w·hours + b, p = σ(z), Pass when
                p ≥ 0.5. No label, no loss, no update. The page's example neuron has w = 1.2, b = -2.1:""");
        Model example = new Model(new double[] {W}, B);
        lesson.line("    hours   z = 1.2·hours − 2.1   p = σ(z)       decision");
        for (double hours : HOURS) {
            lesson.line("    %5s   %-19s   %-13s  %s", num(hours), num(example.z(hours)),
                    num(example.probability(hours)), example.decide(Decision.DEFAULT_THRESHOLD, hours));
        }
        lesson.blank();
        lesson.say("""
                Careful: the comments beside these lines in the tutorial give other probabilities. These are
                what the formula gives; check one on paper: 1.2·1.5 − 2.1 = −0.3, and 1 / (1 + e^0.3) is
                the first p above.""");

        TrainingResult trained = lesson.train(Datasets.studyHours(), Lesson.tutorialRun(1));
        Model model = trained.model();
        double p25 = model.probability(2.5);
        lesson.wrap("", "Exercise: predict 2.5 hours with the neuron page 4 trained (w = " + num(model.weights()[0])
                + ", b = " + num(model.bias()) + "): z = " + num(model.z(2.5)) + ", p = " + num(p25) + ", "
                + model.decide(Decision.DEFAULT_THRESHOLD, 2.5) + ". So close to 0.5 means the neuron is unsure: "
                + "2.5 hours is just past its boundary at " + num(model.boundary(0.5)) + " hours.");
        lesson.blank();

        TrainingResult plus = lesson.train(Datasets.studyHoursPlus(), Lesson.tutorialRun(1));
        Model retrained = plus.model();
        lesson.say("Exercise: add the row (5 hours, passed) and retrain (dataset study-hours-plus), same settings:");
        lesson.line("                   w              b              boundary       p(2.5 h)");
        lesson.line("    4 rows         %-14s %-14s %-14s %s", num(model.weights()[0]), num(model.bias()),
                num(model.boundary(0.5)), num(p25));
        lesson.line("    5 rows         %-14s %-14s %-14s %s", num(retrained.weights()[0]), num(retrained.bias()),
                num(retrained.boundary(0.5)), num(retrained.probability(2.5)));
        lesson.blank();
        double p5 = model.probability(5);
        lesson.wrap("", "Hardly anything moves. Before retraining the neuron already gave 5 hours p = " + num(p5)
                + ", so that row's error p − y = " + num(p5 - 1) + " is tiny, and so are the nudges it adds. "
                + "A new row teaches the neuron only as much as it disagrees with it.");
        lesson.blank();

        lesson.exercises.quiz(lesson, Exercises.QUIZ5, "Quiz", questions(model, retrained));
    }

    /** The page-5 quiz; its explanations quote the live numbers. Answers: b, a, c. */
    static List<Question> questions(Model trained, Model retrained) {
        double p = trained.probability(NEW_STUDENT);
        double p25 = trained.probability(2.5);
        double p5 = trained.probability(5);
        return List.of(
                new Question("A new student studied " + num(NEW_STUDENT) + " hours. To predict for them, what does "
                        + "the trained neuron run?",
                        List.of("the forward pass, the loss and an update, as in training",
                                "the forward pass alone: z = w·hours + b, then p = σ(z)",
                                "a new training run that includes the new student"),
                        1,
                        List.of("the loss needs the label y, which a new student does not have yet, and an update "
                                        + "would change the model while you use it.",
                                "inference is the forward pass alone. With w = " + num(trained.weights()[0])
                                        + ", b = " + num(trained.bias()) + ": z = " + num(trained.z(NEW_STUDENT))
                                        + ", p = " + num(p) + ", "
                                        + Decision.of(p, Decision.DEFAULT_THRESHOLD) + ".",
                                "retraining needs rows with known results; this student's result is what we want "
                                        + "to guess.")),
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
                                        + "working neuron gives an in-between student.")),
                new Question("You add the row (5 hours, passed) and retrain. What happens to w?",
                        List.of("it roughly doubles: there is one more passing student",
                                "it turns negative",
                                "it barely moves, from " + num(trained.weights()[0]) + " to "
                                        + num(retrained.weights()[0])),
                        2,
                        List.of("a row moves w only through its error p − y; the neuron already gave 5 hours p = "
                                        + num(p5) + ", so there is almost nothing to correct.",
                                "a passing student with more hours than all the others supports a positive w; it "
                                        + "pushes w up, not down.",
                                "the neuron already gave 5 hours p = " + num(p5) + ": the new row agrees with it, "
                                        + "its error is tiny, and so are the updates it adds.")));
    }
}
