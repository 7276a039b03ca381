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
    /** The hours whose p is the page's exercise, asked rather than printed. */
    static final double EXERCISE_HOURS = 2.5;
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
            if (hours == EXERCISE_HOURS) {
                lesson.line("    %5s   %-19s   %-13s  %s", num(hours), "?", "?", "← the exercise below");
                continue;
            }
            lesson.line("    %5s   %-19s   %-13s  %s", num(hours), num(example.z(hours)),
                    num(example.probability(hours)), example.decide(Decision.DEFAULT_THRESHOLD, hours));
        }
        lesson.blank();
        double z25 = example.z(EXERCISE_HOURS);
        double p25example = example.probability(EXERCISE_HOURS);
        lesson.exercises.number(lesson, Exercises.P25, "with w = 1.2, b = -2.1, what is p at " + num(EXERCISE_HOURS)
                + " hours?", p25example, 0.005, "first z = w·hours + b, then p = 1 / (1 + e^(−z)).",
                "z = 1.2·2.5 − 2.1 = " + num(z25) + ", p = 1 / (1 + e^(−" + num(z25) + ")) = " + num(p25example) + ", "
                        + example.decide(Decision.DEFAULT_THRESHOLD, EXERCISE_HOURS) + ".");
        lesson.say("""
                Careful: the comments beside these lines in the tutorial give other probabilities. These are
                what the formula gives; check one on paper: 1.2·1.5 − 2.1 = −0.3, and 1 / (1 + e^0.3) is
                the first p above.""");

        TrainingResult trained = lesson.train(Datasets.studyHours(), Lesson.tutorialRun(1));
        Model model = trained.model();
        double p25 = model.probability(2.5);
        lesson.wrap("", "And 2.5 hours with the neuron page 4 trained (w = " + num(model.weights()[0])
                + ", b = " + num(model.bias()) + "): z = " + num(model.z(2.5)) + ", p = " + num(p25) + ", "
                + model.decide(Decision.DEFAULT_THRESHOLD, 2.5) + ". So close to 0.5 means the neuron is unsure: "
                + "2.5 hours is just past its boundary at " + num(model.boundary(0.5)) + " hours.");
        lesson.blank();

        TrainingResult plus = lesson.train(Datasets.studyHoursPlus(), Lesson.tutorialRun(1));
        Model retrained = plus.model();
        lesson.exercises.number(lesson, Exercises.W5, "add the row (5 hours, passed) and retrain with the same"
                + " settings. What is the new w? Run it: tinynn train --data study-hours-plus --initial-weights 0.1",
                retrained.weights()[0], 0.005, "the line 'learned w = …' of that run is the answer.",
                "retrained on the five rows, w = " + num(retrained.weights()[0]) + " (it was "
                        + num(model.weights()[0]) + ").");
        lesson.say("Added the row (5 hours, passed) and retrained (dataset study-hours-plus), same settings:");
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
                        "a row moves w by lr·(p − y)·x: how large is p − y for 5 hours under the trained neuron?"));
    }
}
