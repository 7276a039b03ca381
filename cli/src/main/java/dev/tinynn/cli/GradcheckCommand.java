package dev.tinynn.cli;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Activation;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.ForwardBackward;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.text.Formulas;
import dev.tinynn.text.NetworkExplanation;
import dev.tinynn.text.Numbers;
import dev.tinynn.text.TrainingData;
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
            "With no options: the tutorial's start, study-hours at w = 0.1, b = 0.",
            "With --hidden: every weight and bias of a network at its start, such as --data xor --hidden 2."})
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

    @Mixin
    NetworkOptions network;

    @Mixin
    LossOption loss;

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
        network.check(spec);
        if (network.network() && (weights != null || spec.commandLine().getParseResult().hasMatchedOption("--bias"))) {
            throw new ParameterException(spec.commandLine(), "--weights and --bias set the one neuron's point; a"
                    + " network's point is its start, --seed N or --init zeros: leave out --weights and --bias");
        }
        TrainingData trainingData = data.load(spec);
        Dataset rows = trainingData.data();
        if (network.network()) {
            return checkNetwork(trainingData, backendOption.backend(spec));
        }
        double[] w = point(rows);
        Backend chosen = backendOption.backend(spec);
        PrintWriter out = spec.commandLine().getOut();
        Formulas formulas = new Formulas(rows);
        int n = rows.rows();
        int d = rows.features();

        Model point = new Model(w, bias);
        ForwardBackward analytic = ForwardBackward.at(chosen, rows, point, loss.value);
        double[] numeric = new double[d + 1];
        for (int k = 0; k <= d; k++) {
            numeric[k] = (lossAt(chosen, rows, point, k, h) - lossAt(chosen, rows, point, k, -h)) / (2 * h);
        }
        double[] rule = ForwardBackward.tutorialStep(rows, analytic.p());
        ForwardBackward crossEntropy = ForwardBackward.at(chosen, rows, point, Loss.CROSS_ENTROPY);
        ForwardBackward squaredError = ForwardBackward.at(chosen, rows, point, Loss.SQUARED_ERROR);
        double[] exact = analytic.gradientWithBias();
        double[] ce = crossEntropy.gradientWithBias();
        double[] se = squaredError.gradientWithBias();
        if (!allFinite(numeric, exact, ce, se, rule,
                new double[] {analytic.loss(), crossEntropy.loss(), squaredError.loss()})) {
            throw new ParameterException(spec.commandLine(), "at this point the loss or its gradient is not a finite"
                    + " number (z = x·w + b is too large, so p rounds to exactly 0 or 1 and the loss's logarithm to"
                    + " infinity); check the gradient at a point of the data's scale, such as --weights "
                    + String.join(",", java.util.Collections.nCopies(d, "0.1")) + " --bias 0");
        }

        out.println("tinynn gradcheck: the gradient from the backend beside centred finite differences");
        out.println();
        out.printf("  data      %s%n", trainingData.summaryWithScaling());
        out.printf("  point     %s, b = %s%n", formulas.weights(w, Numbers::num), num(bias));
        out.printf("  loss      %s: L = mean over the rows of ℓ = %s%n", loss.value, num(analytic.loss()));
        out.printf("  backend   %s (%s, %s)%n%n", chosen.name(), chosen.library(), chosen.version());

        out.printf("  %-22s %16s %18s %14s %22s%n", "", "analytic", "finite difference", "|difference|",
                "tutorial's rule ÷ n");
        boolean agree = true;
        for (int k = 0; k <= d; k++) {
            double difference = Math.abs(exact[k] - numeric[k]);
            agree &= difference <= TOLERANCE * Math.max(1e-3, Math.max(Math.abs(exact[k]), Math.abs(numeric[k])));
            out.printf("  %-22s %16s %18s %14s %22s%n", "∂L/∂" + parameter(rows, formulas, k), num(exact[k]),
                    num(numeric[k]), String.format("%.1e", difference), num(rule[k] / n));
        }
        out.println();
        out.printf("  analytic  the backend's: %s for every row, then ∂L/∂w = Xᵀδ/n, ∂L/∂b = Σδ/n%n", Formulas.delta(loss.value));
        out.printf("  finite    (L(θ + h) − L(θ − h)) / 2h for each parameter θ in turn, h = %s%n", num(h));
        out.println("  tutorial  its loop's step: Σ(p − y)·x and Σ(p − y) over the rows; ÷ n to compare with a mean");
        out.printf("  check     %s%n%n", agree
                ? "OK: the analytic gradient and the finite differences agree"
                : "MISMATCH: they differ by more than 1e-6 (relative)\n            " + advice());

        out.printf("  summed over the %d rows, as the tutorial's loop adds them (the mean gradients × %d):%n", n, n);
        out.printf("  %-22s %18s %18s %18s%n", "", "tutorial's rule", "cross-entropy", "squared-error");
        for (int k = 0; k <= d; k++) {
            out.printf("  %-22s %18s %18s %18s%n", parameter(rows, formulas, k), num(rule[k]), num(ce[k] * n),
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

    /** The most weights and biases the network check lists one by one; beyond, it lists the largest differences. */
    static final int LISTED = 60;

    /**
     * {@code gradcheck --hidden …}: every weight's and bias's gradient from the backend (a step of
     * learning rate 0, see {@link NetworkTrainer#gradient}) beside the centred finite difference of
     * the backend's loss, at the network's start.
     */
    private int checkNetwork(TrainingData trainingData, Backend chosen) {
        Dataset rows = trainingData.data();
        Network point = network.start(rows);
        NetworkTrainer.Gradient analytic = UsageErrors.checked(spec,
                () -> NetworkTrainer.gradient(chosen, rows, point, loss.value));
        PrintWriter out = spec.commandLine().getOut();
        out.println("tinynn gradcheck: the network's gradient from the backend beside centred finite differences");
        out.println();
        out.printf("  data      %s%n", trainingData.summary());
        out.printf("  network   %s, at its start (%s)%n", NetworkExplanation.layout(point),
                network.zeros() ? "zeros" : "seed " + network.seed);
        out.printf("  loss      %s: L = mean over the rows of ℓ = %s%n", loss.value, num(analytic.loss()));
        out.printf("  backend   %s (%s, %s)%n%n", chosen.name(), chosen.library(), chosen.version());
        out.printf("  %-22s %16s %18s %14s%n", "", "analytic", "finite difference", "|difference|");
        boolean agree = true;
        int listed = 0;
        int parameters = 0;
        for (int l = 0; l < point.layers().size(); l++) {
            Network.Layer layer = point.layers().get(l);
            Network.Layer gradient = analytic.gradient().layers().get(l);
            for (int j = 0; j < layer.units(); j++) {
                for (int k = 0; k <= layer.inputs(); k++) {
                    double exact = k < layer.inputs() ? gradient.weight(j, k) : gradient.biases()[j];
                    double numeric = (lossMoved(chosen, rows, point, l, j, k, h)
                            - lossMoved(chosen, rows, point, l, j, k, -h)) / (2 * h);
                    double difference = Math.abs(exact - numeric);
                    boolean ok = difference <= TOLERANCE * Math.max(1e-3, Math.max(Math.abs(exact), Math.abs(numeric)));
                    agree &= ok;
                    parameters++;
                    if (listed < LISTED || !ok) {
                        listed++;
                        String name = "layer " + (l + 1) + " unit " + (j + 1) + (k < layer.inputs() ? " w" + (k + 1) : " b");
                        out.printf("  %-22s %16s %18s %14s%n", name, num(exact), num(numeric),
                                String.format("%.1e", difference));
                    }
                }
            }
        }
        if (listed < parameters) {
            out.printf("  … and %d more, all agreeing%n", parameters - listed);
        }
        out.println();
        out.println("  analytic  the backend's backpropagation: δ at the output, sent back through each layer's weights");
        out.printf("  finite    (L(θ + h) − L(θ − h)) / 2h for each weight and bias θ in turn, h = %s%n", num(h));
        out.printf("  check     %s%n", agree
                ? "OK: the analytic gradient and the finite differences agree"
                : "MISMATCH: they differ by more than 1e-6 (relative)\n            "
                        + (point.activation() == Activation.RELU ? RELU_KINK : advice()));
        out.flush();
        return agree ? 0 : 1;
    }

    /** Why relu can mismatch at a start, and what to check instead. */
    static final String RELU_KINK = "relu's slope jumps from 0 to 1 at z = 0, and a start with biases 0 puts rows"
            + " there (a row of zeros gives z = 0): the analytic gradient takes the slope 0 at the jump while a finite"
            + " difference straddles it, so they disagree at the kink, not because backpropagation is wrong; check"
            + " the same network with --activation tanh";

    /** L with weight (j, k) of layer l (its bias when k = inputs) moved by {@code step}. */
    private double lossMoved(Backend backend, Dataset rows, Network point, int l, int j, int k, double step) {
        java.util.List<Network.Layer> layers = new java.util.ArrayList<>(point.layers());
        Network.Layer layer = layers.get(l);
        double[][] w = layer.weights();
        double[] b = layer.biases();
        if (k < layer.inputs()) {
            w[j][k] += step;
        } else {
            b[j] += step;
        }
        layers.set(l, new Network.Layer(w, b));
        return NetworkTrainer.gradient(backend, rows, new Network(point.activation(), layers), loss.value).loss();
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
    private static String parameter(Dataset rows, Formulas formulas, int k) {
        if (k == rows.features()) {
            return "b";
        }
        return rows.features() == 1 ? "w" : formulas.weightName(k) + " (" + rows.featureNames().get(k) + ")";
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
        return ForwardBackward.at(backend, rows, new Model(moved, movedBias), loss.value).loss();
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
