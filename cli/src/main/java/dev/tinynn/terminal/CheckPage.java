package dev.tinynn.terminal;

import static dev.tinynn.lesson.Num.num;

import dev.tinynn.core.Datasets;
import dev.tinynn.core.Decision;
import dev.tinynn.core.Model;
import dev.tinynn.lesson.Examples;
import dev.tinynn.lesson.Exercises;
import dev.tinynn.lesson.Num;

/**
 * Page 5: inference is the forward pass alone; predictions (the exercise's p asked before it is
 * shown), the quiz, then the "add a row and retrain" exercise and what it shows, after the quiz
 * question it would answer.
 */
final class CheckPage implements Page {

    @Override
    public void show(Screen screen) {
        screen.text("intro");
        Model example = new Model(new double[] {Examples.Check.W}, Examples.Check.B);
        boolean hide = !screen.exercises.off();
        screen.line("    hours   %-22s   p = σ(z)       decision",
                "z = " + num(Examples.Check.W) + "·hours + " + Num.signed(Examples.Check.B));
        for (double hours : Examples.Check.HOURS) {
            if (hours == Examples.Check.EXERCISE_HOURS && hide) {
                screen.line("    %5s   %-22s   %-13s  %s", num(hours), "?", "?", "← the exercise below");
                continue;
            }
            screen.line("    %5s   %-22s   %-13s  %s", num(hours), num(example.z(hours)),
                    num(example.probability(hours)), example.decide(Decision.DEFAULT_THRESHOLD, hours));
        }
        screen.blank();
        screen.exercises.number(screen, Exercises.p25());
        screen.text("careful");

        Model model = Exercises.trained(screen.backend, Datasets.studyHours());
        double p25 = model.probability(2.5);
        screen.wrap("", "And 2.5 hours with the neuron page 4 trained (w = " + num(model.weights()[0])
                + ", b = " + num(model.bias()) + "): z = " + num(model.z(2.5)) + ", p = " + num(p25) + ", "
                + model.decide(Decision.DEFAULT_THRESHOLD, 2.5) + ". So close to 0.5 means the neuron is unsure: "
                + "2.5 hours is just past its boundary at " + num(model.boundary(0.5)) + " hours.");
        screen.blank();

        screen.exercises.quiz(screen, Exercises.q5(screen.backend));

        Model retrained = Exercises.trained(screen.backend, Datasets.studyHoursPlus());
        screen.exercises.number(screen, Exercises.w5(screen.backend));
        screen.line("Added the row (5 hours, passed) and retrained (dataset study-hours-plus), same settings:");
        screen.line("                   w              b              boundary       p(2.5 h)");
        screen.line("    4 rows         %-14s %-14s %-14s %s", num(model.weights()[0]), num(model.bias()),
                num(model.boundary(0.5)), num(p25));
        screen.line("    5 rows         %-14s %-14s %-14s %s", num(retrained.weights()[0]), num(retrained.bias()),
                num(retrained.boundary(0.5)), num(retrained.probability(2.5)));
        screen.blank();
        screen.text("hardly");
        screen.wrap("", "Before retraining the neuron gave 5 hours p = " + num(model.probability(5))
                + ", so that row's error p − y = " + num(model.probability(5) - 1) + ".");
        screen.blank();
    }
}
