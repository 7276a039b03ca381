package dev.tinynn.tutorial;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.text.Neuron;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.Pass;

/** Page 1: the problem (pass or fail from hours of study) and the idea (one neuron). */
final class ProblemPage implements Page {

    @Override
    public String title() {
        return "The problem and the idea";
    }

    @Override
    public void show(Lesson lesson) {
        Dataset data = Datasets.studyHours();
        lesson.say("""
                Four students told us how many hours they studied and whether they passed. From that we
                want a rule that guesses pass or fail for a student we have not seen.""");
        lesson.line("    hours  passed          (dataset %s: 1 = pass, 0 = fail)", data.name());
        for (int i = 0; i < data.rows(); i++) {
            lesson.line("    %5s  %6s", num(data.x(i, 0)), num(data.y(i)));
        }
        lesson.blank();
        lesson.say("""
                The whole network is one neuron:  output = input × weight + bias.
                The input (hours) is what we know. The weight says how much one hour counts. The bias is
                where the score starts before any hour is counted. The output is the neuron's guess.
                Training changes only the weight and the bias. Nothing in here "thinks": it multiplies,
                adds, and then nudges two numbers.

                One epoch of training, once per row, again and again:

                  Data ──▶ Neuron ──▶ Sigmoid ──▶ Loss ──▶ Update w,b
                   ▲      z = w·x + b  p = σ(z)   (y − p)²      │
                   └────────────── next row, next epoch ────────┘""");

        double w = 0.1;
        double b = 0;
        Pass start = Pass.at(lesson.backend, data, new Model(new double[] {w}, b), Loss.SQUARED_ERROR);
        double[] z = start.z();
        double[] p = start.p();
        Neuron neuron = new Neuron(data);
        lesson.say("The tutorial's neuron starts at w = " + num(w) + ", b = " + num(b)
                + ". Hours go in, a raw score comes out,\nand the sigmoid squeezes it into (0, 1):");
        lesson.line("    hours ──×w──▶ (Σ + b) ──σ──▶ p");
        for (int i = 0; i < data.rows(); i++) {
            lesson.line("    %5s ──×%s──▶ z = %s = %s ──σ──▶ p = %s", num(data.x(i, 0)), num(w),
                    neuron.zWithNumbers(data.row(i), new double[] {w}, b), num(z[i]), num(p[i]));
        }
        lesson.blank();
        lesson.say("""
                Every p is a little above 0.5: before training the neuron says "maybe pass" to everyone.
                It has learned nothing yet. Pages 2 to 4 take it apart; page 4 trains it.""");
    }
}
