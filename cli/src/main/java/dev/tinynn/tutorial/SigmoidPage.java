package dev.tinynn.tutorial;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Decision;
import dev.tinynn.core.Model;
import dev.tinynn.core.Sigmoid;

/** Page 3: the sigmoid turns a raw score into a probability; a cut-off turns that into a decision. */
final class SigmoidPage implements Page {
    static final double[] Z = {-2, 0, 1.2, 4};
    static final double W = 0.5;
    static final double B = -1;
    static final double[] HOURS = {3, 2.5};
    /** The completion page's practice: the same neuron with a stricter cut-off. */
    static final double STRICT = 0.6;

    @Override
    public String title() {
        return "Sigmoid and decisions";
    }

    @Override
    public void show(Lesson lesson) {
        lesson.say("""
                A raw score can be any number. The sigmoid  p = σ(z) = 1 / (1 + e^(−z))  squeezes it into
                (0, 1), so we can read it as "the probability of Pass": very negative → near 0, zero →
                exactly 0.5, very positive → near 1.""");
        lesson.line("       z   p = σ(z)       reading");
        for (double z : Z) {
            double p = Sigmoid.of(z);
            lesson.line("    %4s   %-13s  %s", num(z), num(p), reading(p));
        }
        lesson.blank();

        Model neuron = new Model(new double[] {W}, B);
        lesson.say("A decision needs a cut-off: Pass when p ≥ 0.5. With w = " + num(W) + ", b = " + num(B) + ":");
        for (double hours : HOURS) {
            double z = neuron.z(hours);
            double p = neuron.probability(hours);
            lesson.line("    %s h ──×%s──▶ (Σ + (%s)) ──z = %s──▶ σ ──▶ p = %s ──▶ %s%s", num(hours), num(W),
                    num(B), num(z), num(p), neuron.decide(Decision.DEFAULT_THRESHOLD, hours),
                    hours == 2.5 ? ", barely" : "");
        }
        lesson.blank();
        double p25 = neuron.probability(2.5);
        lesson.wrap("", "The 0.5 cut-off is a choice, not a law. A school that wants to be surer before it says "
                + "Pass could use " + num(STRICT) + ": then 3 hours (p = " + num(neuron.probability(3))
                + ") is still " + neuron.decide(STRICT, 3) + ", but 2.5 hours (p = " + num(p25) + ") flips to "
                + neuron.decide(STRICT, 2.5) + ". The neuron did not change; only what we do with its p.");
        lesson.blank();
    }

    private static String reading(double p) {
        if (p == 0.5) {
            return "on the fence (exactly 0.5 counts as Pass)";
        }
        String side = p > 0.5 ? "pass" : "fail";
        return Math.abs(p - 0.5) >= 0.3 ? "likely " + side : "leans " + side;
    }
}
