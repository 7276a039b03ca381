package dev.tinynn.tutorial;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Model;

/** Page 2: one neuron, raw = hours·w + b. */
final class NeuronPage implements Page {
    static final double HOURS = 2;
    static final double BIAS = -1;
    static final double[] WEIGHTS = {0.5, 1.0, 0.2};
    /** The page's exercise: the raw score with this weight is asked, not printed. */
    static final double EXERCISE_WEIGHT = 1.0;

    @Override
    public String title() {
        return "One neuron";
    }

    @Override
    public void show(Lesson lesson) {
        lesson.say("""
                A neuron's raw score is  raw = hours·w + b.  The weight w is how much one more hour moves
                the score; the bias b is the score at zero hours, a baseline. Here is the same student
                (2 hours) seen by three neurons that differ only in w, all with b = -1:""");
        lesson.line("       w   raw = hours·w + b");
        for (double w : WEIGHTS) {
            Model neuron = new Model(new double[] {w}, BIAS);
            if (w == EXERCISE_WEIGHT) {
                lesson.line("    %4s   %s·%s + %s = ?      ← the exercise below", num(w), num(HOURS), num(w), num(BIAS));
            } else {
                lesson.line("    %4s   %s·%s + %s = %s", num(w), num(HOURS), num(w), num(BIAS), num(neuron.z(HOURS)));
            }
        }
        lesson.blank();
        double raw = new Model(new double[] {EXERCISE_WEIGHT}, BIAS).z(HOURS);
        lesson.exercises.number(lesson, Exercises.RAW2, "with w = " + num(EXERCISE_WEIGHT) + " and b = " + num(BIAS)
                + ", what is the raw score at " + num(HOURS) + " hours?", raw, 0.005,
                "multiply the hours by w, then add b (b is negative).",
                "raw = hours·w + b = " + num(HOURS) + "·" + num(EXERCISE_WEIGHT) + " + (" + num(BIAS) + ") = " + num(raw)
                        + ".");
        Model first = new Model(new double[] {WEIGHTS[0]}, BIAS);
        lesson.line("    hours = %s ──×w = %s──▶ (Σ + b, b = %s) ──▶ raw = %s", num(HOURS), num(WEIGHTS[0]),
                num(BIAS), num(first.z(HOURS)));
        lesson.blank();
        StringBuilder zeros = new StringBuilder();
        for (double w : WEIGHTS) {
            zeros.append(zeros.length() == 0 ? "" : ", ").append("w = ").append(num(w)).append(" → ")
                    .append(num(new Model(new double[] {w}, BIAS).z(0)));
        }
        lesson.wrap("", "At zero hours the weight has nothing to multiply, so the raw score is the bias alone, "
                + "whatever w is: " + zeros + ". That is what the bias is for: a baseline that does not depend "
                + "on the input. The raw score is not yet a probability: it can be any number. Page 3 squeezes it.");
        lesson.blank();
    }
}
