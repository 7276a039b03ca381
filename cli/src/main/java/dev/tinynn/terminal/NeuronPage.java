package dev.tinynn.terminal;

import static dev.tinynn.lesson.Examples.Neuron.BIAS;
import static dev.tinynn.lesson.Examples.Neuron.EXERCISE_WEIGHT;
import static dev.tinynn.lesson.Examples.Neuron.HOURS;
import static dev.tinynn.lesson.Examples.Neuron.WEIGHTS;
import static dev.tinynn.lesson.Num.num;

import dev.tinynn.core.Model;
import dev.tinynn.lesson.Exercises;

/** Page 2: one neuron, raw = hours·w + b; the exercise's raw score is asked before it is shown. */
final class NeuronPage implements Page {

    @Override
    public void show(Screen screen) {
        screen.text("intro");
        screen.text("three");
        table(screen, !screen.exercises.off());
        screen.exercises.number(screen, Exercises.raw2());
        if (screen.exercises.asks(Exercises.RAW2)) {
            table(screen, false);
        }
        Model first = new Model(new double[] {WEIGHTS[0]}, BIAS);
        screen.line("    hours = %s ──×w = %s──▶ (Σ + b, b = %s) ──▶ raw = %s", num(HOURS), num(WEIGHTS[0]),
                num(BIAS), num(first.z(HOURS)));
        screen.blank();
        screen.text("zero");
        StringBuilder zeros = new StringBuilder();
        for (double w : WEIGHTS) {
            zeros.append(zeros.length() == 0 ? "" : ", ").append("w = ").append(num(w)).append(" → ")
                    .append(num(new Model(new double[] {w}, BIAS).z(0)));
        }
        screen.wrap("At zero hours: ", zeros.toString());
        screen.blank();
    }

    /** The three neurons' raw scores; the exercise's with "?" while it is still to be asked. */
    private static void table(Screen screen, boolean hideTheExercise) {
        screen.line("       w   raw = hours·w + b");
        for (double w : WEIGHTS) {
            Model neuron = new Model(new double[] {w}, BIAS);
            if (w == EXERCISE_WEIGHT && hideTheExercise) {
                screen.line("    %4s   %s·%s + %s = ?      ← the exercise below", num(w), num(HOURS), num(w), num(BIAS));
            } else {
                screen.line("    %4s   %s·%s + %s = %s", num(w), num(HOURS), num(w), num(BIAS), num(neuron.z(HOURS)));
            }
        }
        screen.blank();
    }
}
