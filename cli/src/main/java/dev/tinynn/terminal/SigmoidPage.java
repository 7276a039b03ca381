package dev.tinynn.terminal;

import static dev.tinynn.lesson.Num.num;

import dev.tinynn.core.Decision;
import dev.tinynn.core.Model;
import dev.tinynn.core.Sigmoid;
import dev.tinynn.lesson.Examples;
import dev.tinynn.lesson.Exercises;
import java.util.Map;

/**
 * Page 3: the sigmoid turns a raw score into a probability; a cut-off turns that into a decision.
 * The exercise's student (2.5 hours) is asked before that student's line is shown.
 */
final class SigmoidPage implements Page {
    /** The students whose trip the terminal draws: 3 hours, then the exercise's. */
    static final double[] DRAWN = {3, Examples.Sigmoid.EXERCISE_HOURS};

    @Override
    public void show(Screen screen) {
        screen.text("intro");
        screen.line("       z   p = σ(z)       reading");
        for (double z : Examples.Sigmoid.Z) {
            double p = Sigmoid.of(z);
            screen.line("    %4s   %-13s  %s", num(z), num(p), reading(p));
        }
        screen.blank();

        Model neuron = new Model(new double[] {Examples.Sigmoid.W}, Examples.Sigmoid.B);
        screen.text("cutoff");
        trip(screen, neuron, DRAWN[0]);
        screen.blank();
        screen.exercises.quiz(screen, Exercises.p3());
        if (screen.exercises.off() || screen.exercises.asks(Exercises.P3)) {
            trip(screen, neuron, DRAWN[1]);
            screen.blank();
            screen.text("strict", Map.of("pAt3", num(neuron.probability(3)),
                    "pAt25", num(neuron.probability(Examples.Sigmoid.EXERCISE_HOURS))));
        }
    }

    private static void trip(Screen screen, Model neuron, double hours) {
        double z = neuron.z(hours);
        double p = neuron.probability(hours);
        Decision decision = neuron.decide(Examples.Sigmoid.CUT_OFF, hours);
        screen.line("    %s h ──×%s──▶ (Σ + (%s)) ──z = %s──▶ σ ──▶ p = %s ──▶ %s%s", num(hours),
                num(Examples.Sigmoid.W), num(Examples.Sigmoid.B), num(z), num(p), decision,
                Math.abs(p - Examples.Sigmoid.CUT_OFF) < 0.1 ? ", barely" : "");
    }

    private static String reading(double p) {
        if (p == 0.5) {
            return "on the fence (exactly 0.5 counts as Pass)";
        }
        String side = p > 0.5 ? "pass" : "fail";
        return Math.abs(p - 0.5) >= 0.3 ? "likely " + side : "leans " + side;
    }
}
