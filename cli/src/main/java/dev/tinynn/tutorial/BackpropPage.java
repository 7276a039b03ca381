package dev.tinynn.tutorial;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.Pass;
import dev.tinynn.core.spi.Backend;
import java.util.List;

/** Page 7: backprop for one row as the chain rule with numbers; what the tutorial left out; the final quiz. */
final class BackpropPage implements Page {
    /** The row written out: 3 hours, passed, at the tutorial's start w = 0.1, b = 0. */
    static final int ROW = 2;

    @Override
    public String title() {
        return "Backprop and limits";
    }

    @Override
    public void show(Lesson lesson) {
        Dataset data = Datasets.studyHours();
        Model start = new Model(Lesson.tutorialRun(1).initialWeights(), 0);
        double x = data.x(ROW, 0);
        double y = data.y(ROW);
        double z = start.z(x);
        double p = start.probability(x);
        lesson.say("""
                Training needs to know, for each weight, which way and how much to move it. Backprop gets
                that by sending the error backward through the same steps the forward pass took, one factor
                per step. That is the chain rule:  ∂ℓ/∂w = ∂ℓ/∂p · ∂p/∂z · ∂z/∂w.

                  forward:   hours ──×w──▶ z ──σ──▶ p ──▶ ℓ = (p − y)²
                  backward:  ∂ℓ/∂w ◀──×hours── ∂ℓ/∂z ◀──×p(1 − p)── ∂ℓ/∂p ◀── ℓ

                Why ∂p/∂z = σ'(z) = p(1 − p): p = 1/(1 + e^(−z)), so dp/dz = e^(−z)/(1 + e^(−z))², which is
                1/(1 + e^(−z)) · e^(−z)/(1 + e^(−z)) = p · (1 − p), since 1 − p = e^(−z)/(1 + e^(−z)).""");
        lesson.line("One row, %s hours, passed (y = %s), at the tutorial's start w = %s, b = %s:", num(x), num(y),
                num(start.weights()[0]), num(start.bias()));
        lesson.line("    z = %s·%s + %s = %s,   p = σ(%s) = %s,   ℓ = (%s − %s)² = %s", num(x),
                num(start.weights()[0]), num(start.bias()), num(z), num(z), num(p), num(p), num(y),
                num(Loss.SQUARED_ERROR.of(z, p, y)));
        lesson.blank();

        double dpdz = p * (1 - p);
        Dataset oneRow = Dataset.of("row " + ROW, data.featureNames(), new double[][] {data.row(ROW)}, new double[] {y});
        double squaredDldp = 2 * (p - y);
        chain(lesson, "squared error, the loss the tutorial prints:", "2·(p − y)", squaredDldp, dpdz, x,
                Pass.at(lesson.backend, oneRow, start, Loss.SQUARED_ERROR));
        double crossDldp = -y / p + (1 - y) / (1 - p);
        chain(lesson, "cross-entropy, ℓ = −[y·ln p + (1 − y)·ln(1 − p)]:", "−y/p + (1 − y)/(1 − p)", crossDldp, dpdz,
                x, Pass.at(lesson.backend, oneRow, start, Loss.CROSS_ENTROPY));
        lesson.wrap("", "For cross-entropy, ∂ℓ/∂p · ∂p/∂z = " + num(crossDldp * dpdz) + " is exactly p − y = "
                + num(p - y) + ": the tutorial's \"error\". Its update w −= lr·error·hours follows that chain, not "
                + "the squared-error one, whose ∂ℓ/∂z = " + num(squaredDldp * dpdz) + " keeps the factor "
                + "2·p·(1 − p). Summed over all four rows, as on page 4:");
        lesson.blank();
        TrainingPage.table(lesson, data, start);
        lesson.blank();

        Dataset two = Datasets.studySleep();
        Model twoStart = new Model(Lesson.tutorialRun(2).initialWeights(), 0);
        double[] row = two.row(ROW);
        double error = twoStart.probability(row) - two.y(ROW);
        Dataset twoRow = Dataset.of("row " + ROW, two.featureNames(), new double[][] {row}, new double[] {two.y(ROW)});
        Pass shares = Pass.at(lesson.backend, twoRow, twoStart, Loss.CROSS_ENTROPY);   // one row: its own gradient
        lesson.wrap("", "With two inputs each weight gets its own share: the error times its own input. Row (study "
                + num(row[0]) + ", sleep " + num(row[1]) + ", passed) at w1 = w2 = 0.1, b = 0: error = p − y = "
                + num(error) + "; w1's share = error·" + num(row[0]) + " = " + num(error * row[0]) + ", w2's = error·"
                + num(row[1]) + " = " + num(error * row[1]) + ", b's = error = " + num(error) + " (the "
                + lesson.backend.name() + " backend: " + num(shares.gradient()[0]) + ", " + num(shares.gradient()[1])
                + ", " + num(shares.biasGradient()) + "). The input that was bigger gets the bigger push.");
        lesson.blank();
        lesson.say("""
                A deeper network is the same idea with a longer chain: one neuron's output is the next one's
                input, and backprop multiplies one more pair of factors per layer on its way back.

                What this tiny network leaves out, on purpose:
                  more layers (and the hidden units between them)
                  better losses: cross-entropy, which the update already is, named and measured
                  optimizers: momentum, Adam, weight decay
                  regularization, against learning the noise in the data
                  scale: mini-batches, GPUs, training spread over machines
                  frameworks that do the chain rule for you (PyTorch, TensorFlow, JAX)""");

        lesson.exercises.quiz(lesson, Exercises.QUIZ7, "Final quiz", questions(lesson.backend, error, row, start, data));
    }

    /** One chain written out: each factor with its number, their product, and the backend's gradient beside it. */
    private static void chain(Lesson lesson, String loss, String dldpFormula, double dldp, double dpdz, double x,
            Pass backend) {
        lesson.line("  %s", loss);
        lesson.line("    ∂ℓ/∂p = %-22s = %s", dldpFormula, num(dldp));
        lesson.line("    ∂p/∂z = %-22s = %s", "p·(1 − p)", num(dpdz));
        lesson.line("    ∂z/∂w = %-22s = %s", "hours", num(x));
        lesson.line("    ∂ℓ/∂w = ∂ℓ/∂p · ∂p/∂z · ∂z/∂w = %s · %s · %s = %s", num(dldp), num(dpdz), num(x),
                num(dldp * dpdz * x));
        lesson.line("    ∂ℓ/∂b = ∂ℓ/∂p · ∂p/∂z · 1     = %s   (∂z/∂b = 1)", num(dldp * dpdz));
        lesson.line("    the %s backend's gradient for this row: ∂ℓ/∂w = %s, ∂ℓ/∂b = %s", lesson.backend.name(),
                num(backend.gradient()[0]), num(backend.biasGradient()));
        lesson.blank();
    }

    /** The final quiz; its explanations quote the live numbers. Answers: a, c, b. */
    static List<Question> questions(Backend backend, double error, double[] row, Model start, Dataset data) {
        Model shifted = new Model(start.weights(), start.bias() + 1);
        Pass squared = Pass.at(backend, data, start, Loss.SQUARED_ERROR);
        double[] tutorialStep = Pass.tutorialStep(data, squared.p());
        return List.of(
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
                        List.of("an even split ignores how much each input contributed to z; the chain rule gives "
                                        + "∂z/∂w1 = study and ∂z/∂w2 = sleep, different factors.",
                                "the error reaches every weight whose input was not zero; the bias is the weight of "
                                        + "an input that is always 1.",
                                "∂z/∂wⱼ = xⱼ, so w1 gets " + num(error) + "·" + num(row[0]) + " = "
                                        + num(error * row[0]) + " and w2 gets " + num(error) + "·" + num(row[1])
                                        + " = " + num(error * row[1]) + "."),
                        "the chain rule's last factor is ∂z/∂wⱼ: what is it for z = w1·study + w2·sleep + b?"),
                new Question("The tutorial prints the squared error but updates with error = p − y. That update is "
                        + "the gradient of …",
                        List.of("the squared error it prints",
                                "cross-entropy, −[y·ln p + (1 − y)·ln(1 − p)]",
                                "no loss at all: it is a rule of thumb"),
                        1,
                        List.of("the squared error's gradient has the extra factor 2·p·(1 − p): at the start it is "
                                        + sums(squared.summedGradient()[0], squared.summedBiasGradient()) + ".",
                                "∂ℓ/∂p · ∂p/∂z = p − y for cross-entropy, exactly the tutorial's error; summed at the "
                                        + "start both are " + sums(tutorialStep[0], tutorialStep[1]) + ".",
                                "it is exactly a gradient, of cross-entropy: the numbers above agree to the last "
                                        + "digit."),
                        "for which loss is ∂ℓ/∂p · ∂p/∂z exactly p − y, with no factor p(1 − p) left over?"));
    }

    private static String sums(double w, double b) {
        return "(" + num(w) + ", " + num(b) + ")";
    }
}
