package dev.tinynn.terminal;

import static dev.tinynn.lesson.Num.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Forward;
import dev.tinynn.core.Model;
import dev.tinynn.lesson.Examples;
import dev.tinynn.text.Formulas;
import java.util.Map;

/** Page 1: the problem (pass or fail from hours of study) and the idea (one neuron). */
final class ProblemPage implements Page {

    @Override
    public void show(Screen screen) {
        Dataset data = Datasets.studyHours();
        screen.text("intro");
        screen.line("    hours  passed          (dataset %s: 1 = pass, 0 = fail)", data.name());
        for (int i = 0; i < data.rows(); i++) {
            screen.line("    %5s  %6s", num(data.x(i, 0)), num(data.y(i)));
        }
        screen.blank();
        screen.text("neuron");
        screen.text("epoch");
        screen.say("""
                  Data ──▶ Neuron ──▶ Sigmoid ──▶ Loss ──▶ Update w,b
                   ▲      z = w·x + b  p = σ(z)   (y − p)²      │
                   └────────────── next row, next epoch ────────┘""");

        double w = Examples.START_W;
        double b = Examples.START_B;
        Forward start = Forward.at(screen.backend, data, new Model(new double[] {w}, b));
        double[] z = start.z();
        double[] p = start.p();
        Formulas formulas = new Formulas(data);
        screen.text("start", Map.of("w", num(w), "b", num(b)));
        screen.line("    hours ──×w──▶ (Σ + b) ──σ──▶ p");
        for (int i = 0; i < data.rows(); i++) {
            screen.line("    %5s ──×%s──▶ z = %s = %s ──σ──▶ p = %s", num(data.x(i, 0)), num(w),
                    formulas.zWithNumbers(data.row(i), new double[] {w}, b), num(z[i]), num(p[i]));
        }
        screen.blank();
        screen.text("untrained");
    }
}
