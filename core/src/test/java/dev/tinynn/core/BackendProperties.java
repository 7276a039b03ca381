package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties that hold for any data, checked on hundreds of seeded random cases per run (plain
 * JUnit 5 parameterised tests over a seeded generator: a failing case prints its seed, and the
 * same seed always builds the same case). The expected values come from {@link ReferenceNeuron},
 * the formulas written out one number at a time, so the plain backend, which runs this suite too,
 * is compared with something other than itself. A backend module runs them with a three-line subclass:
 *
 * <pre>
 * class MyBackendPropertiesTest extends BackendProperties {
 *     &#64;Override
 *     protected Backend backend() {
 *         return Backends.named("my-backend");
 *     }
 * }
 * </pre>
 *
 * <ul>
 *   <li>the backend agrees with the reference, whatever the shape, scale, loss or schedule;</li>
 *   <li>its analytic gradient agrees with centred finite differences;</li>
 *   <li>one batch step with a small enough learning rate never increases the loss;</li>
 *   <li>in batch mode, the order of the rows does not change what is learned;</li>
 *   <li>on a single row, an online epoch and a batch epoch are the same step;</li>
 *   <li>at any scale from 1e-300 to 1e300 (with subnormal inputs mixed in), one forward and
 *       backward pass agrees with the reference; training ends in finite numbers that agree with
 *       the reference up to inputs of 1e153, and stops with a {@link TrainingDivergedException}
 *       at the reference's epoch from 1e154 up (see {@link #extremeScalesAgreeWithTheReference}).</li>
 * </ul>
 */
public abstract class BackendProperties {
    private static final int CASES = 200;

    /** The backend under test. */
    protected abstract Backend backend();

    /** The seeds of the random cases: the same every run. */
    static LongStream seeds() {
        return LongStream.range(0, CASES).map(i -> 0x7E57_0000L + i);
    }

    /** A random case: shape 1..40 × 1..6, inputs at a random scale from 0.01 to 100, labels 0/1, a starting point. */
    record Case(long seed, Dataset data, double[] w, double b, Loss loss, Updates updates) {
        static Case of(long seed) {
            Random random = new Random(seed);
            int n = 1 + random.nextInt(40);
            int d = 1 + random.nextInt(6);
            double scale = Math.pow(10, random.nextDouble() * 4 - 2);
            double[][] x = new double[n][d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    x[i][j] = scale * random.nextGaussian();
                }
                y[i] = random.nextBoolean() ? 1 : 0;
            }
            double[] w = random.doubles(d, -1, 1).map(v -> v / scale).toArray();
            Dataset data = Dataset.of("seed " + seed, IntStream.range(0, d).mapToObj(j -> "x" + j).toList(), x, y);
            return new Case(seed, data, w, random.nextDouble() * 2 - 1,
                    Loss.values()[random.nextInt(2)], Updates.values()[random.nextInt(2)]);
        }

        /** A learning rate below 1 / (the loss's smoothness bound), so a gradient step cannot overshoot. */
        double safeLearningRate() {
            double maxNormSquared = 0;
            for (int i = 0; i < data.rows(); i++) {
                double norm = 1; // the bias's input
                for (double v : data.row(i)) {
                    norm += v * v;
                }
                maxNormSquared = Math.max(maxNormSquared, norm);
            }
            return 0.5 / maxNormSquared;
        }

        @Override
        public String toString() {
            return "seed " + seed + ": " + data.rows() + "×" + data.features() + ", " + loss + ", " + updates;
        }
    }

    static Stream<Case> cases() {
        return seeds().mapToObj(Case::of);
    }

    private static double relative(double a, double b) {
        return Math.abs(a - b) / Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithTheReference(Case c) {
        TrainingConfig config = new TrainingConfig(c.loss(), c.updates(), c.safeLearningRate() * 4, 20, c.w(), c.b());
        ReferenceNeuron.Run expected = ReferenceNeuron.train(c.data(), config);
        assertThat(expected.diverged()).as("the reference run diverged").isFalse();
        TrainingResult actual = Trainer.train(backend(), c.data(), config);
        for (int j = 0; j < expected.weights().length; j++) {
            assertThat(relative(actual.weights()[j], expected.weights()[j])).as("w%d", j).isLessThanOrEqualTo(1e-10);
        }
        assertThat(relative(actual.bias(), expected.bias())).as("b").isLessThanOrEqualTo(1e-10);
        assertThat(relative(actual.finalLoss(), expected.finalLoss())).as("loss").isLessThanOrEqualTo(1e-10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(Case c) {
        try (Workspace ws = backend().open(c.data())) {
            ws.setParameters(c.w(), c.b());
            ws.forward();
            ws.sigmoid();
            ws.delta(c.loss());
            ws.gradient();
            double[] g = new double[c.data().features()];
            ws.read(Buffer.GRADIENT, g);
            double gb = ws.biasGradient();
            for (int j = 0; j <= g.length; j++) {
                // The step is relative to the weight's scale, so each difference moves z by about 1e-6.
                double h = 1e-6 * (j < g.length ? Math.abs(c.w()[j]) + 1e-3 : 1);
                double[] plus = c.w().clone();
                double[] minus = c.w().clone();
                double bPlus = c.b();
                double bMinus = c.b();
                if (j < g.length) {
                    plus[j] += h;
                    minus[j] -= h;
                } else {
                    bPlus += h;
                    bMinus -= h;
                }
                double numeric = (lossAt(ws, c.loss(), plus, bPlus) - lossAt(ws, c.loss(), minus, bMinus)) / (2 * h);
                double analytic = j < g.length ? g[j] : gb;
                // Relative error, with a floor for gradients that are all but zero (saturated rows).
                assertThat(Math.abs(analytic - numeric))
                        .as("∂L/∂%s: analytic %s, numeric %s", j < g.length ? "w" + j : "b", analytic, numeric)
                        .isLessThanOrEqualTo(1e-6 * Math.max(Math.abs(analytic), Math.abs(numeric)) + 1e-8);
            }
        }
    }

    private static double lossAt(Workspace ws, Loss loss, double[] w, double b) {
        ws.setParameters(w, b);
        ws.forward();
        ws.sigmoid();
        return ws.loss(loss);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void smallBatchStepNeverIncreasesTheLoss(Case c) {
        try (Workspace ws = backend().open(c.data())) {
            ws.setParameters(c.w(), c.b());
            double before = Trainer.batchEpoch(ws, c.loss(), c.safeLearningRate());
            ws.forward();
            ws.sigmoid();
            double after = ws.loss(c.loss());
            assertThat(after).as("loss after one step (before: %s)", before)
                    .isLessThanOrEqualTo(before + 1e-14 * Math.max(1, before));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void onlineAndBatchAreTheSameStepOnOneRow(Case c) {
        Dataset one = Dataset.of("row 0", c.data().featureNames(), new double[][] {c.data().row(0)},
                new double[] {c.data().y(0)});
        TrainingConfig online = new TrainingConfig(c.loss(), Updates.ONLINE, c.safeLearningRate() * 4, 20, c.w(), c.b());
        TrainingResult a = Trainer.train(backend(), one, online);
        TrainingResult b = Trainer.train(backend(), one, online.withUpdates(Updates.BATCH));
        for (int j = 0; j < a.weights().length; j++) {
            assertThat(relative(a.weights()[j], b.weights()[j])).as("w%d", j).isLessThanOrEqualTo(1e-12);
        }
        assertThat(relative(a.bias(), b.bias())).as("b").isLessThanOrEqualTo(1e-12);
    }

    /**
     * A random case at an extreme scale: inputs of magnitude 10^k for k from −300 to 300, a tenth
     * of them replaced by subnormals (below 2.2e-308), and weights of magnitude 10^−k, so that z
     * stays near 1 and the sums and products run at the ends of the double range.
     */
    static Stream<ExtremeCase> extremeCases() {
        return seeds().mapToObj(seed -> {
            Random random = new Random(~seed);
            int n = 1 + random.nextInt(20);
            int d = 1 + random.nextInt(4);
            int exponent = random.nextInt(601) - 300;
            double scale = Math.pow(10, exponent);
            double[][] x = new double[n][d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    x[i][j] = random.nextInt(10) == 0
                            ? Double.MIN_VALUE * random.nextInt(1 << 20) * (random.nextBoolean() ? 1 : -1)
                            : scale * random.nextGaussian();
                }
                y[i] = random.nextBoolean() ? 1 : 0;
            }
            double[] w = random.doubles(d, -1, 1).map(v -> v / scale).toArray();
            Dataset data = Dataset.of("extreme seed " + seed + " at 1e" + exponent,
                    IntStream.range(0, d).mapToObj(j -> "x" + j).toList(), x, y);
            return new ExtremeCase(new Case(seed, data, w, random.nextDouble() * 2 - 1,
                    Loss.values()[random.nextInt(2)], Updates.values()[random.nextInt(2)]), exponent);
        });
    }

    /**
     * The first epoch at whose start the reference has a score z that is not finite: the first k
     * for which k epochs end with one (20 epochs of a small case, so trying each k costs little).
     */
    private static int firstNonFiniteScore(Dataset data, TrainingConfig config) {
        for (int k = 0; k < config.epochs(); k++) {
            if (ReferenceNeuron.train(data, config.withEpochs(k)).diverged()) {
                return k;
            }
        }
        return config.epochs();
    }

    /** A case whose inputs are of magnitude 10^exponent. */
    record ExtremeCase(Case c, int exponent) {
        /**
         * Whether 20 epochs at lr 0.1 must overflow. The first step moves each weight by about
         * lr·δ·x, so the next z = x·w is about 0.1·|x|²: past the largest double, 1.8e308, once |x|
         * passes about 1e154. Below that nothing overflows: z starts near 1 by construction, and the
         * tiny scales only make the steps tiny. (The 200 seeded cases hold no scale from 1e154 to
         * 1e155, where rounding would decide.)
         */
        boolean mustDiverge() {
            return exponent >= 154;
        }

        @Override
        public String toString() {
            return c.toString() + " at 1e" + exponent;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extremeCases")
    void extremeScalesAgreeWithTheReference(ExtremeCase extreme) {
        Case c = extreme.c();
        double[][] expected = reference(c);
        double[][] actual = pass(backend(), c);
        Dataset data = c.data();
        int n = data.rows();
        int d = data.features();
        for (int i = 0; i < n; i++) {
            double size = Math.abs(c.b()); // Σ|xⱼ·wⱼ| + |b|: the size of the terms z is summed from
            for (int j = 0; j < d; j++) {
                size += Math.abs(data.x(i, j) * c.w()[j]);
            }
            assertThat(Math.abs(actual[0][i] - expected[0][i])).as("z%d", i).isLessThanOrEqualTo(1e-12 * size);
            assertThat(Math.abs(actual[1][i] - expected[1][i])).as("p%d", i).isLessThanOrEqualTo(1e-12 * size + 1e-15);
        }
        assertThat(actual[2][0]).as("loss").isFinite();
        assertThat(relative(actual[2][0], expected[2][0])).as("loss").isLessThanOrEqualTo(1e-10);
        for (int j = 0; j <= d; j++) {
            double size = 0; // Σ|δᵢ·xᵢⱼ| / n: the size of the terms the gradient is summed from
            for (int i = 0; i < n; i++) {
                size += Math.abs(expected[3][i] * (j < d ? data.x(i, j) : 1)) / n;
            }
            assertThat(actual[4][j]).as("g%d", j).isFinite();
            assertThat(Math.abs(actual[4][j] - expected[4][j])).as("g%d", j)
                    .isLessThanOrEqualTo(1e-10 * size + 1e-320); // plus a few ulps of the subnormals
        }
        TrainingConfig config = new TrainingConfig(c.loss(), c.updates(), 0.1, 20, c.w(), c.b());
        ReferenceNeuron.Run reference = ReferenceNeuron.train(data, config);
        assertThat(reference.diverged()).as("the reference diverges (at epoch %d)", reference.divergedAt())
                .isEqualTo(extreme.mustDiverge());
        if (extreme.mustDiverge()) {
            assertThatThrownBy(() -> Trainer.train(backend(), data, config))
                    .isInstanceOfSatisfying(TrainingDivergedException.class, diverged -> {
                        if (c.loss() == Loss.SQUARED_ERROR && c.updates() == Updates.BATCH) {
                            // (p − y)² stays finite when z is ±∞, so a batch loop sees the overflow only
                            // when a z is NaN (∞ − ∞: which, depends on the order of the sum) or at the end.
                            // z cannot be NaN before the reference's first non-finite z; then its
                            // δ is 0 and w stays, so no later epoch but the end can find it.
                            assertThat(diverged.epoch()).as("epoch").isIn(firstNonFiniteScore(data, config), 20);
                        } else { // cross-entropy is infinite whenever a z is; online checks every z
                            assertThat(diverged.epoch()).as("epoch").isEqualTo(reference.divergedAt());
                        }
                        assertThat(diverged).hasMessageContaining("training diverged at epoch " + diverged.epoch() + ": ");
                    });
        } else {
            TrainingResult result = Trainer.train(backend(), data, config);
            assertFinite("weights", result.weights());
            assertThat(result.bias()).isFinite();
            assertThat(result.finalLoss()).isFinite();
            assertFinite("probabilities", result.probabilities());
            assertFinite("lossHistory", result.lossHistory());
            for (int j = 0; j < d; j++) {
                assertThat(relative(result.weights()[j], reference.weights()[j])).as("w%d", j).isLessThanOrEqualTo(1e-10);
            }
            assertThat(relative(result.bias(), reference.bias())).as("b").isLessThanOrEqualTo(1e-10);
        }
    }

    /** {@link #pass} as the reference computes it. */
    private static double[][] reference(Case c) {
        ReferenceNeuron.Expected pass = ReferenceNeuron.pass(c.data(), c.w(), c.b(), c.loss());
        return new double[][] {pass.z(), pass.p(), {pass.loss()}, pass.delta(), pass.gradient()};
    }

    private static void assertFinite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            assertThat(values[i]).as("%s[%d]", what, i).isFinite();
        }
    }

    /** One forward and backward pass at the case's start: z, p, {loss}, δ, and the gradient with ∂L/∂b last. */
    private static double[][] pass(Backend backend, Case c) {
        int n = c.data().rows();
        int d = c.data().features();
        try (Workspace ws = backend.open(c.data())) {
            ws.setParameters(c.w(), c.b());
            ws.forward();
            ws.sigmoid();
            double loss = ws.loss(c.loss());
            ws.delta(c.loss());
            ws.gradient();
            double[] z = new double[n];
            double[] p = new double[n];
            double[] delta = new double[n];
            double[] g = new double[d + 1];
            ws.read(Buffer.Z, z);
            ws.read(Buffer.P, p);
            ws.read(Buffer.DELTA, delta);
            double[] gw = new double[d];
            ws.read(Buffer.GRADIENT, gw);
            System.arraycopy(gw, 0, g, 0, d);
            g[d] = ws.biasGradient();
            return new double[][] {z, p, {loss}, delta, g};
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void batchTrainingIgnoresRowOrder(Case c) {
        Dataset data = c.data();
        List<Integer> order = new ArrayList<>(IntStream.range(0, data.rows()).boxed().toList());
        Collections.shuffle(order, new Random(c.seed()));
        double[][] x = new double[data.rows()][];
        double[] y = new double[data.rows()];
        for (int i = 0; i < data.rows(); i++) {
            x[i] = data.row(order.get(i));
            y[i] = data.y(order.get(i));
        }
        Dataset shuffled = Dataset.of("shuffled", data.featureNames(), x, y);
        TrainingConfig config = new TrainingConfig(c.loss(), Updates.BATCH, c.safeLearningRate() * 4, 20, c.w(), c.b());
        Model original = Trainer.train(backend(), data, config).model();
        Model reordered = Trainer.train(backend(), shuffled, config).model();
        for (int i = 0; i < data.rows(); i++) {
            assertThat(relative(reordered.probability(data.row(i)), original.probability(data.row(i))))
                    .as("p of row %d", i).isLessThanOrEqualTo(1e-10);
        }
    }
}
