package dev.tinynn.text;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.EpochEvent;
import dev.tinynn.core.Loss;
import dev.tinynn.core.RowEvent;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.Updates;
import java.io.PrintWriter;

/**
 * {@code --trace}: every multiplication, sum, sigmoid, error and update of the first epochs, with
 * the numbers, so that each line can be checked on paper. It prints what the training loop
 * reports; its only arithmetic is squared error's factor σ'(z) = p(1 − p), shown so that δ can be
 * followed.
 */
public final class Trace implements TrainingListener {
    private static final int MAX_ROWS = 10;

    private final PrintWriter out;
    private final Dataset data;
    private final TrainingConfig config;
    private final int epochs;
    private final Formulas formulas;

    public Trace(PrintWriter out, Dataset data, TrainingConfig config, int epochs) {
        this.out = out;
        this.data = data;
        this.config = config;
        this.epochs = epochs;
        this.formulas = new Formulas(data);
    }

    @Override
    public void onRow(RowEvent row) {
        if (row.epoch() >= epochs || row.row() >= MAX_ROWS) {
            return;
        }
        double lr = config.learningRate();
        out.printf("  epoch %d, row %d: x = %s, y = %s%n", row.epoch(), row.row() + 1, vector(row.x()), num(row.y()));
        out.printf("    z = %s = %s%n", formulas.zWithNumbers(row.x(), row.weightsBefore(), row.biasBefore()), num(row.z()));
        out.printf("    p = σ(z) = 1 / (1 + e^(−%s)) = %s%n", num(row.z()), num(row.p()));
        out.printf("    error = p − y = %s − %s = %s%n", num(row.p()), num(row.y()), num(row.error()));
        out.printf("    loss = %s;  %s = %s%n", num(row.loss()), Formulas.delta(config.loss()), num(row.delta()));
        if (config.loss() == Loss.SQUARED_ERROR) {
            double slope = row.p() * (1 - row.p());
            out.printf("      where σ'(z) = p(1 − p) = %s·%s = %s  (σ = 1/(1 + e^(−z)), so σ' = e^(−z)/(1 + e^(−z))²"
                    + " = σ·(1 − σ))%n", num(row.p()), num(1 - row.p()), num(slope));
            out.printf("      and δ = 2·(p − y)·σ'(z) = 2·%s·%s = %s%n", num(row.error()), num(slope),
                    num(2 * row.error() * slope));
        }
        for (int j = 0; j < row.x().length; j++) {
            out.printf("    %s = %s − %s·%s·%s = %s%n", formulas.weightName(j), num(row.weightsBefore()[j]), num(lr),
                    num(row.delta()), num(row.x()[j]), num(row.weightsAfter()[j]));
        }
        out.printf("    b = %s − %s·%s = %s%n", num(row.biasBefore()), num(lr), num(row.delta()), num(row.biasAfter()));
    }

    @Override
    public void onEpoch(EpochEvent epoch) {
        if (epoch.epoch() >= epochs) {
            return;
        }
        if (config.updates() == Updates.ONLINE) {
            out.printf("  epoch %d: mean loss %s%n%n", epoch.epoch(), num(epoch.loss()));
            return;
        }
        int n = data.rows();
        out.printf("  epoch %d (batch: one step from all %d rows)%n", epoch.epoch(), n);
        for (int i = 0; i < Math.min(n, MAX_ROWS); i++) {
            out.printf("    row %d: z = %s = %s,  p = σ(z) = %s,  %s = %s%n", i + 1,
                    formulas.zWithNumbers(data.row(i), epoch.weightsBefore(), epoch.biasBefore()), num(epoch.z()[i]),
                    num(epoch.p()[i]), Formulas.delta(config.loss()), num(epoch.delta()[i]));
        }
        if (n > MAX_ROWS) {
            out.printf("    … %d more rows%n", n - MAX_ROWS);
        }
        out.printf("    loss = mean of the rows' %s = %s%n", config.loss(), num(epoch.loss()));
        double lr = config.learningRate();
        for (int j = 0; j < data.features(); j++) {
            out.printf("    g[%s] = Σ δ·%s / %d = %s%n", data.featureNames().get(j), data.featureNames().get(j), n,
                    num(epoch.gradient()[j]));
            out.printf("    %s = %s − %s·%s = %s%n", formulas.weightName(j), num(epoch.weightsBefore()[j]), num(lr),
                    num(epoch.gradient()[j]), num(epoch.weightsAfter()[j]));
        }
        out.printf("    g_b = Σ δ / %d = %s%n", n, num(epoch.biasGradient()));
        out.printf("    b = %s − %s·%s = %s%n%n", num(epoch.biasBefore()), num(lr), num(epoch.biasGradient()),
                num(epoch.biasAfter()));
    }

    private static String vector(double[] v) {
        StringBuilder text = new StringBuilder(v.length == 1 ? "" : "(");
        for (int j = 0; j < v.length; j++) {
            text.append(j == 0 ? "" : ", ").append(num(v[j]));
        }
        return text.append(v.length == 1 ? "" : ")").toString();
    }
}
