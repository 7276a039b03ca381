package dev.tinynn.terminal;

import static dev.tinynn.lesson.Num.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.ForwardBackward;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.lesson.Examples;
import dev.tinynn.lesson.Exercises;
import java.util.Map;

/**
 * Page 7: backprop for one row as a chain of factors, in words and numbers; what this network leaves
 * out; the final quiz; then the calculus (the chain rule in symbols) as an optional part.
 */
final class BackpropPage implements Page {

    @Override
    public void show(Screen screen) {
        Dataset data = Datasets.studyHours();
        int r = Examples.Backprop.ROW;
        Model start = new Model(Examples.run(1).initialWeights(), Examples.START_B);
        double x = data.x(r, 0);
        double y = data.y(r);
        double z = start.z(x);
        double p = start.probability(x);
        screen.text("intro");
        screen.say("""
                  forward:   hours ──×w──▶ z ──σ──▶ p ──▶ loss
                  backward:  for w ◀──×hours── for z ◀──×p(1 − p)── for p ◀── loss""");
        screen.text("row", Map.of("row.hours", num(x), "row.result", y == 1 ? "passed" : "failed", "row.y", num(y),
                "row.w", num(start.weights()[0]),
                "row.b", num(start.bias()), "row.z", num(z), "row.p", num(p),
                "row.loss", num(Loss.SQUARED_ERROR.of(z, p, y))));
        screen.line("    z = %s·%s + %s = %s,   p = σ(%s) = %s,   ℓ = (%s − %s)² = %s", num(x),
                num(start.weights()[0]), num(start.bias()), num(z), num(z), num(p), num(p), num(y),
                num(Loss.SQUARED_ERROR.of(z, p, y)));
        screen.blank();

        double dpdz = p * (1 - p);
        Dataset oneRow = Dataset.of("row " + r, data.featureNames(), new double[][] {data.row(r)}, new double[] {y});
        double squaredDldp = 2 * (p - y);
        double crossDldp = -y / p + (1 - y) / (1 - p);
        ForwardBackward squared = ForwardBackward.at(screen.backend, oneRow, start, Loss.SQUARED_ERROR);
        ForwardBackward cross = ForwardBackward.at(screen.backend, oneRow, start, Loss.CROSS_ENTROPY);
        factors(screen, "squared error, the loss page 4's loop prints:", squaredDldp, dpdz, x, squared);
        factors(screen, "cross-entropy, the loss page 4's update follows:", crossDldp, dpdz, x, cross);
        screen.text("error");
        TrainingPage.table(screen, data, start);
        screen.blank();

        Dataset two = Datasets.studySleep();
        Model twoStart = new Model(Examples.run(2).initialWeights(), Examples.START_B);
        double[] row = two.row(r);
        double error = twoStart.probability(row) - two.y(r);
        Dataset twoRow = Dataset.of("row " + r, two.featureNames(), new double[][] {row}, new double[] {two.y(r)});
        ForwardBackward shares = ForwardBackward.at(screen.backend, twoRow, twoStart, Loss.CROSS_ENTROPY);   // one row: its own gradient
        screen.text("shares");
        screen.wrap("", "Row (study " + num(row[0]) + ", sleep " + num(row[1]) + ", passed) at w1 = w2 = "
                + num(Examples.START_W) + ", b = " + num(Examples.START_B) + ": error = p − y = " + num(error)
                + "; w1's share = error·" + num(row[0]) + " = " + num(error * row[0]) + ", w2's = error·" + num(row[1])
                + " = " + num(error * row[1]) + ", b's = error = " + num(error) + " (the " + screen.backend.name()
                + " backend: " + num(shares.gradient()[0]) + ", " + num(shares.gradient()[1]) + ", "
                + num(shares.biasGradient()) + ").");
        screen.blank();
        screen.text("deeper");
        screen.line("What this tiny network leaves out, on purpose:");
        screen.text("leaves-out");
        screen.text("next");
        screen.line("→ page 8 follows this one; alone: tinynn tutorial --page 8");
        screen.blank();

        screen.exercises.quiz(screen, Exercises.q7(screen.backend));

        screen.optional();
        screen.text("calculus");
        chain(screen, "squared error, ℓ = (p − y)²:", "2·(p − y)", squaredDldp, dpdz, x, squared);
        chain(screen, "cross-entropy, ℓ = −[y·ln p + (1 − y)·ln(1 − p)]:", "−y/p + (1 − y)/(1 − p)", crossDldp, dpdz,
                x, cross);
        screen.wrap("", "For cross-entropy, ∂ℓ/∂p · ∂p/∂z = " + num(crossDldp * dpdz) + " is exactly p − y = "
                + num(p - y) + ", while the squared error's ∂ℓ/∂z = " + num(squaredDldp * dpdz) + " keeps the factor "
                + "2·p·(1 − p).");
        screen.blank();
    }

    /** One chain in words: each factor with its number, their product, and the backend's gradient beside it. */
    private static void factors(Screen screen, String loss, double dldp, double dpdz, double x, ForwardBackward backend) {
        screen.line("  %s", loss);
        screen.line("    how the loss moves with p      = %s", num(dldp));
        screen.line("    how p moves with z, p·(1 − p)  = %s", num(dpdz));
        screen.line("    how z moves with w, hours      = %s", num(x));
        screen.line("    how the loss moves with w      = %s · %s · %s = %s", num(dldp), num(dpdz), num(x),
                num(dldp * dpdz * x));
        screen.line("    the %s backend's gradient for this row: for w %s, for b %s", screen.backend.name(),
                num(backend.gradient()[0]), num(backend.biasGradient()));
        screen.blank();
    }

    /** One chain in symbols: each factor with its number, their product, and the backend's gradient beside it. */
    private static void chain(Screen screen, String loss, String dldpFormula, double dldp, double dpdz, double x,
            ForwardBackward backend) {
        screen.line("  %s", loss);
        screen.line("    ∂ℓ/∂p = %-22s = %s", dldpFormula, num(dldp));
        screen.line("    ∂p/∂z = %-22s = %s", "p·(1 − p)", num(dpdz));
        screen.line("    ∂z/∂w = %-22s = %s", "hours", num(x));
        screen.line("    ∂ℓ/∂w = ∂ℓ/∂p · ∂p/∂z · ∂z/∂w = %s · %s · %s = %s", num(dldp), num(dpdz), num(x),
                num(dldp * dpdz * x));
        screen.line("    ∂ℓ/∂b = ∂ℓ/∂p · ∂p/∂z · 1     = %s   (∂z/∂b = 1)", num(dldp * dpdz));
        screen.line("    the %s backend's gradient for this row: ∂ℓ/∂w = %s, ∂ℓ/∂b = %s", screen.backend.name(),
                num(backend.gradient()[0]), num(backend.biasGradient()));
        screen.blank();
    }
}
