package dev.tinynn.cli;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.text.Neuron;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.Pass;
import dev.tinynn.core.spi.Backend;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tinynn gradcheck}: is the gradient right? Puts the backend's analytic gradient (δ = ∂ℓ/∂z
 * for every row, then Xᵀδ/n and Σδ/n) beside centred finite differences of the loss, and beside
 * the tutorial's update rule, Σ(p − y)·x and Σ(p − y). At the tutorial's start it shows that rule
 * is the gradient of cross-entropy, not of the squared error the tutorial prints.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = {"Checks the gradient: analytic (from the backend) beside centred finite differences, and "
            + "beside the tutorial's rule Σ(p − y)·x, Σ(p − y).",
            "Exit code 0 when the analytic gradient and the finite differences agree, 1 when they do not.",
            "With no options: the tutorial's start, study-hours at w = 0.1, b = 0."})
final class GradcheckCommand implements Callable<Integer> {
    /**
     * How close analytic and finite-difference gradients must be, relative to their size: with h = 1e-5
     * centred differences are good to about 1e-10, so 1e-6 passes every right gradient and no wrong one.
     */
    private static final double TOLERANCE = 1e-6;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    BackendOption backendOption;

    @Option(names = "--loss", paramLabel = "NAME", defaultValue = "cross-entropy",
            converter = TrainingOptions.LossConverter.class,
            description = "squared-error or cross-entropy: the loss whose gradient is checked (default: ${DEFAULT-VALUE}).")
    Loss loss;

    @Option(names = "--weights", paramLabel = "W", split = ",",
            description = "The point: one weight per feature, comma-separated (default: 0.1 each, the tutorial's start).")
    double[] weights;

    @Option(names = "--bias", paramLabel = "B", defaultValue = "0",
            description = "The point's bias (default: ${DEFAULT-VALUE}).")
    double bias;

    @Option(names = "--h", paramLabel = "H", defaultValue = "1e-5",
            description = "The finite-difference step, 0 < H <= 1 (default: ${DEFAULT-VALUE}).")
    double h;

    @Override
    public Integer call() {
        if (!(h > 0 && h <= 1)) {
            throw new ParameterException(spec.commandLine(), "--h must be a small step with 0 < h <= 1, such as 1e-5,"
                    + " got " + h);
        }
        TrainingData trainingData = data.load(spec);
        Dataset rows = trainingData.data();
        double[] w = point(rows);
        Backend chosen = backendOption.backend(spec);
        PrintWriter out = spec.commandLine().getOut();
        Neuron neuron = new Neuron(rows);
        int n = rows.rows();
        int d = rows.features();

        Model point = new Model(w, bias);
        Pass analytic = Pass.at(chosen, rows, point, loss);
        double[] numeric = new double[d + 1];
        for (int k = 0; k <= d; k++) {
            numeric[k] = (lossAt(chosen, rows, point, k, h) - lossAt(chosen, rows, point, k, -h)) / (2 * h);
        }
        double[] rule = Pass.tutorialStep(rows, analytic.p());
        Pass crossEntropy = Pass.at(chosen, rows, point, Loss.CROSS_ENTROPY);
        Pass squaredError = Pass.at(chosen, rows, point, Loss.SQUARED_ERROR);
        double[] exact = meanGradient(analytic);
        double[] ce = meanGradient(crossEntropy);
        double[] se = meanGradient(squaredError);
        if (!allFinite(numeric, exact, ce, se, rule,
                new double[] {analytic.loss(), crossEntropy.loss(), squaredError.loss()})) {
            throw new ParameterException(spec.commandLine(), "at this point the loss or its gradient is not a finite"
                    + " number (z = x·w + b is too large, so p rounds to exactly 0 or 1 and the loss's logarithm to"
                    + " infinity); check the gradient at a point of the data's scale, such as --weights "
                    + String.join(",", java.util.Collections.nCopies(d, "0.1")) + " --bias 0");
        }

        out.println("tinynn gradcheck: the gradient from the backend beside centred finite differences");
        out.println();
        out.printf("  data      %s: %d rows; input %s%s%n", rows.name(), n, String.join(", ", rows.featureNames()),
                trainingData.scaling() == null ? "" : " (as z-scores)");
        StringBuilder at = new StringBuilder();
        for (int j = 0; j < d; j++) {
            at.append(neuron.weightName(j)).append(" = ").append(num(w[j])).append(", ");
        }
        out.printf("  point     %sb = %s%n", at, num(bias));
        out.printf("  loss      %s: L = mean over the rows of ℓ = %s%n", loss, num(analytic.loss()));
        out.printf("  backend   %s (%s, %s)%n%n", chosen.name(), chosen.library(), chosen.version());

        out.printf("  %-22s %16s %18s %14s %22s%n", "", "analytic", "finite difference", "|difference|",
                "tutorial's rule ÷ n");
        boolean agree = true;
        for (int k = 0; k <= d; k++) {
            double difference = Math.abs(exact[k] - numeric[k]);
            agree &= difference <= TOLERANCE * Math.max(1e-3, Math.max(Math.abs(exact[k]), Math.abs(numeric[k])));
            out.printf("  %-22s %16s %18s %14s %22s%n", "∂L/∂" + parameter(rows, neuron, k), num(exact[k]),
                    num(numeric[k]), String.format("%.1e", difference), num(rule[k] / n));
        }
        out.println();
        out.printf("  analytic  the backend's: %s for every row, then ∂L/∂w = Xᵀδ/n, ∂L/∂b = Σδ/n%n", Neuron.delta(loss));
        out.printf("  finite    (L(θ + h) − L(θ − h)) / 2h for each parameter θ in turn, h = %s%n", num(h));
        out.println("  tutorial  its loop's step: Σ(p − y)·x and Σ(p − y) over the rows; ÷ n to compare with a mean");
        out.printf("  check     %s%n%n", agree
                ? "OK: the analytic gradient and the finite differences agree"
                : "MISMATCH: they differ by more than 1e-6 (relative)\n            " + advice());

        out.printf("  summed over the %d rows, as the tutorial's loop adds them (the mean gradients × %d):%n", n, n);
        out.printf("  %-22s %18s %18s %18s%n", "", "tutorial's rule", "cross-entropy", "squared-error");
        for (int k = 0; k <= d; k++) {
            out.printf("  %-22s %18s %18s %18s%n", parameter(rows, neuron, k), num(rule[k]), num(ce[k] * n),
                    num(se[k] * n));
        }
        boolean isCrossEntropy = same(rule, ce, n);
        boolean isSquaredError = same(rule, se, n);
        out.printf("  verdict   the tutorial's rule is %s%n", isCrossEntropy && !isSquaredError
                ? "the gradient of cross-entropy, not of the squared error it prints"
                : isSquaredError && !isCrossEntropy ? "the gradient of squared error, not of cross-entropy"
                : isCrossEntropy ? "the gradient of both losses at this point" : "the gradient of neither loss");
        out.flush();
        return agree ? 0 : 1;
    }

    /** What to try after a mismatch, depending on the step already used. */
    private String advice() {
        if (h > 1e-5) {
            return "a finite difference is only an approximation, its error shrinks like h²: try a smaller --h such"
                    + " as 1e-5";
        }
        return "h = " + num(h) + " is already small: with a smaller h, rounding in L(θ ± h) grows instead, so a"
                + " mismatch here points at the gradient (or at a point where the loss bends sharply: try --h 1e-4"
                + " to see whether the difference shrinks)";
    }

    private static boolean allFinite(double[]... arrays) {
        return Arrays.stream(arrays).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite);
    }

    /** The weights of the point: --weights, checked, or the tutorial's 0.1 for every feature. */
    private double[] point(Dataset rows) {
        if (!Double.isFinite(bias)) {
            throw new ParameterException(spec.commandLine(), "--bias must be a finite number, got " + bias);
        }
        if (weights == null) {
            double[] start = new double[rows.features()];
            Arrays.fill(start, 0.1);
            return start;
        }
        if (weights.length != rows.features()) {
            throw new ParameterException(spec.commandLine(), "--weights " + Arrays.toString(weights) + " have "
                    + weights.length + " values but '" + rows.name() + "' has " + rows.features() + " features "
                    + rows.featureNames() + ": give one weight per feature");
        }
        if (!Arrays.stream(weights).allMatch(Double::isFinite)) {
            throw new ParameterException(spec.commandLine(), "--weights must be finite numbers, got "
                    + Arrays.toString(weights));
        }
        return weights.clone();
    }

    /** w1 (study), or b; for one input just w. */
    private static String parameter(Dataset rows, Neuron neuron, int k) {
        if (k == rows.features()) {
            return "b";
        }
        return rows.features() == 1 ? "w" : neuron.weightName(k) + " (" + rows.featureNames().get(k) + ")";
    }

    /** The pass's mean gradient, the weights' then the bias's: d + 1 numbers, in the order of the table's rows. */
    private static double[] meanGradient(Pass pass) {
        double[] g = pass.gradient();
        double[] all = Arrays.copyOf(g, g.length + 1);
        all[g.length] = pass.biasGradient();
        return all;
    }

    /** L with parameter k (a weight, or the bias when k = d) moved by {@code step}, from the backend's pass there. */
    private double lossAt(Backend backend, Dataset rows, Model point, int k, double step) {
        double[] moved = point.weights();
        double movedBias = point.bias();
        if (k < moved.length) {
            moved[k] += step;
        } else {
            movedBias += step;
        }
        return Pass.at(backend, rows, new Model(moved, movedBias), loss).loss();
    }

    /** Whether the summed rule equals a mean gradient times n, to rounding. */
    private static boolean same(double[] rule, double[] mean, int n) {
        for (int k = 0; k < rule.length; k++) {
            if (Math.abs(rule[k] - mean[k] * n) > 1e-9 * Math.max(1, Math.abs(rule[k]))) {
                return false;
            }
        }
        return true;
    }
}
