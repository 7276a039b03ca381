package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.NetworkWorkspace;
import dev.tinynn.core.spi.NetworkWorkspace.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of {@link NetworkWorkspace}, which every backend that trains networks meets. A
 * backend module runs it with a few lines:
 *
 * <pre>
 * class MyNetworkConformanceTest extends NetworkConformance {
 *     &#64;Override
 *     protected Backend backend() {
 *         return Backends.named("my-backend");
 *     }
 * }
 * </pre>
 *
 * <p>What it asserts: XOR's forward and backward pass through weights chosen so that every number
 * can be worked out by hand; agreement within 1e-10 relative ({@link #assertClose} gives the rule)
 * with {@link ReferenceNetwork} (the formulas one number at a time, sharing no code with any
 * backend) after training on xor, the 2-D
 * sets and random data up to 10,000 rows × 64 features with two hidden layers of 64, online and
 * batch, both losses, all three activations; every weight and bias gradient against centred finite
 * differences of the backend's own loss; {@code step()} against the individual calls; the lengths
 * {@code read} gives; selecting a single row; and the errors for layers, rows and lengths that do
 * not fit. Errors: a shape or length that does not fit is an {@link IllegalArgumentException}; a
 * layer or row out of range is an {@link IndexOutOfBoundsException} (or an IllegalArgumentException
 * for rows, whose range 0 ≤ from &lt; to ≤ n is not a plain index).
 *
 * <p>Why agreement is not exact: a library may add up a dot product in another order, and
 * floating-point addition is not associative. Training must not let that grow past 1e-10.
 */
public abstract class NetworkConformance {
    /** Relative tolerance: |a − b| ≤ 1e-10·max(|a|, |b|), above the {@link #FLOOR}. */
    protected static final double TOLERANCE = 1e-10;
    /**
     * Absolute floor for values near 0: a gradient, δ or loss change that is a sum of terms of
     * size up to about 1 cancelling to almost nothing keeps those terms' rounding (some 1e-16 each,
     * more after training), which no bound relative to its own tiny size can hold.
     */
    protected static final double FLOOR = 1e-13;
    /** σ(1), the p of the XOR rows whose output z is 1 in {@link #xorByHand}. */
    static final double SIGMOID_1 = 0.7310585786300049;

    /** The backend under test. */
    protected abstract Backend backend();

    // ---- Starts and conversions ----

    /** Weights [layer][unit][input] and biases [layer][unit], as {@link ReferenceNetwork} holds them. */
    public record Start(double[][][] weights, double[][] biases) {
    }

    /** Seeded weights uniform in ±1/√inputs and biases uniform in ±0.1, the same for the same seed and shape. */
    public static Start randomStart(NetworkShape shape, long seed) {
        Random random = new Random(seed);
        double[][][] w = new double[shape.layers()][][];
        double[][] b = new double[shape.layers()][];
        for (int l = 1; l <= shape.layers(); l++) {
            double scale = 1 / Math.sqrt(shape.inputs(l));
            w[l - 1] = new double[shape.units(l)][shape.inputs(l)];
            b[l - 1] = new double[shape.units(l)];
            for (int j = 0; j < shape.units(l); j++) {
                for (int k = 0; k < shape.inputs(l); k++) {
                    w[l - 1][j][k] = scale * (2 * random.nextDouble() - 1);
                }
                b[l - 1][j] = 0.1 * (2 * random.nextDouble() - 1);
            }
        }
        return new Start(w, b);
    }

    /** Loads a start into a workspace, turning [unit][input] into the SPI's row-major inputs×units. */
    public static void load(NetworkWorkspace ws, Start start) {
        for (int l = 1; l <= start.weights().length; l++) {
            double[][] w = start.weights()[l - 1];
            ws.setLayer(l, flatten(w, w[0].length, w.length), start.biases()[l - 1]);
        }
    }

    /** Selected rows × units, as [row][unit], for comparing with the reference. */
    static double[][] byRow(double[] flat, int rows, int units) {
        double[][] m = new double[rows][units];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * units, m[i], 0, units);
        }
        return m;
    }

    private NetworkWorkspace open(Dataset data, int[] hidden, Activation activation) {
        return backend().openNetwork(data, new NetworkShape(data.features(), hidden, activation));
    }

    /** Forward through every layer and the loss, on the rows selected. */
    private static double forwardLoss(NetworkWorkspace ws, Loss loss) {
        for (int l = 1; l <= ws.shape().layers(); l++) {
            ws.forward(l);
            ws.activate(l);
        }
        return ws.loss(loss);
    }

    /** Forward, loss, δ, and back through every layer with every gradient, but no update. */
    private static double gradients(NetworkWorkspace ws, Loss loss) {
        double value = forwardLoss(ws, loss);
        ws.delta(loss);
        for (int l = ws.shape().layers(); l >= 1; l--) {
            ws.gradient(l);
            if (l > 1) {
                ws.backpropagate(l);
            }
        }
        return value;
    }

    // ---- XOR by hand ----

    /**
     * XOR through the textbook solution, with relu: h₁ = relu(x₁ + x₂), h₂ = relu(x₁ + x₂ − 1),
     * z = h₁ − 2·h₂. The rows give z = 0, 1, 1, 0 and p = 0.5, σ(1), σ(1), 0.5, and with
     * cross-entropy δ = p − y = 0.5, σ(1) − 1, σ(1) − 1, 0.5. Every gradient below is a sum of four
     * of those, over 4; relu′(0) = 0, so units sitting at exactly z = 0 pass nothing back.
     */
    @Test
    @DisplayName("xor by hand: relu(x1 + x2), relu(x1 + x2 − 1), z = h1 − 2·h2 gives p 0.5, σ(1), σ(1), 0.5 and gradients a person can add up")
    void xorByHand() {
        Dataset xor = Datasets.xor();
        try (NetworkWorkspace ws = open(xor, new int[] {2}, Activation.RELU)) {
            ws.setLayer(1, new double[] {1, 1, 1, 1}, new double[] {0, -1}); // inputs×units: both units weigh x1 and x2 by 1
            ws.setLayer(2, new double[] {1, -2}, new double[] {0});
            double loss = gradients(ws, Loss.CROSS_ENTROPY);

            double e = SIGMOID_1;
            assertExactly("Z1", ws.read(Matrix.Z, 1), 0, -1, 1, 0, 1, 0, 2, 1);
            assertExactly("A1", ws.read(Matrix.A, 1), 0, 0, 1, 0, 1, 0, 2, 1);
            assertExactly("Z2", ws.read(Matrix.Z, 2), 0, 1, 1, 0);
            assertClose("p", ws.read(Matrix.A, 2), new double[] {0.5, e, e, 0.5});
            // ℓ = ln 2 for z = 0, y = 0 and ln(1 + e^(−1)) for z = 1, y = 1
            assertClose("loss", new double[] {loss}, new double[] {(2 * Math.log(2) + 2 * Math.log1p(Math.exp(-1))) / 4});
            assertClose("Δ2", ws.read(Matrix.DELTA, 2), new double[] {0.5, e - 1, e - 1, 0.5});
            // G2 = A1ᵀ·Δ2 / 4: h1 is 0, 1, 1, 2 and h2 is 0, 0, 0, 1 over the rows
            assertClose("G2", ws.read(Matrix.WEIGHT_GRADIENT, 2), new double[] {(2 * (e - 1) + 2 * 0.5) / 4, 0.5 / 4});
            assertClose("g2", ws.read(Matrix.BIAS_GRADIENT, 2), new double[] {(1 + 2 * (e - 1)) / 4});
            // Δ1 = Δ2·W2ᵀ ⊙ relu′(Z1): row 0 has z ≤ 0 in both units; rows 1, 2 only in unit 1; row 3 in neither
            assertClose("Δ1", ws.read(Matrix.DELTA, 1), new double[] {0, 0, e - 1, 0, e - 1, 0, 0.5, -1});
            // G1 = Xᵀ·Δ1 / 4: x1 is 1 in rows 2, 3 and x2 in rows 1, 3
            double unit1 = (e - 1 + 0.5) / 4;
            assertClose("G1", ws.read(Matrix.WEIGHT_GRADIENT, 1), new double[] {unit1, -0.25, unit1, -0.25});
            assertClose("g1", ws.read(Matrix.BIAS_GRADIENT, 1), new double[] {(2 * (e - 1) + 0.5) / 4, -0.25});

            ws.update(1, 0.5);
            ws.update(2, 0.5);
            assertClose("W1 after one step of 0.5", ws.read(Matrix.WEIGHTS, 1),
                    new double[] {1 - 0.5 * unit1, 1.125, 1 - 0.5 * unit1, 1.125});
            assertClose("b2 after one step of 0.5", ws.read(Matrix.BIASES, 2), new double[] {-0.5 * (1 + 2 * (e - 1)) / 4});
        }
    }

    // ---- Agreement with the reference ----

    /** One training run to compare: data, hidden layers, activation, loss, updates, learning rate, epochs. */
    record Case(Dataset data, int[] hidden, Activation activation, Loss loss, Updates updates, double learningRate,
            int epochs) {
        @Override
        public String toString() {
            return data.name() + " " + Arrays.toString(hidden) + " " + activation + ", " + loss + ", " + updates
                    + ", lr " + learningRate + ", " + epochs + " epochs";
        }
    }

    static Stream<Arguments> xorCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int[] hidden : new int[][] {{2}, {4}, {3, 3}}) {
            for (Activation activation : Activation.values()) {
                for (Loss loss : Loss.values()) {
                    for (Updates updates : Updates.values()) {
                        cases.add(Arguments.of(new Case(Datasets.xor(), hidden, activation, loss, updates, 0.5, 200)));
                    }
                }
            }
        }
        return cases.stream();
    }

    /** The 2-D sets with 8 hidden units, each activation, both schedules; the loss alternates. */
    static Stream<Arguments> planeCases() {
        List<Arguments> cases = new ArrayList<>();
        List<Dataset> sets = List.of(Datasets.named("circles"), Datasets.named("moons"), Datasets.named("spiral"));
        int k = 0;
        for (Dataset data : sets) {
            for (Activation activation : Activation.values()) {
                for (Updates updates : Updates.values()) {
                    Loss loss = Loss.values()[k++ % 2];
                    double lr = updates == Updates.BATCH ? 0.5 : 0.1;
                    cases.add(Arguments.of(new Case(data, new int[] {8}, activation, loss, updates, lr, 10)));
                }
            }
        }
        return cases.stream();
    }

    /**
     * Random data ({@link BackendAgreement#randomData}) from 1×1 up to 10,000×64 with two hidden
     * layers of 64: a few epochs for the large ones and one for the largest (one online epoch there
     * is 10,000 steps), so the suite stays fast; activations and losses take turns.
     */
    static Stream<Arguments> randomCases() {
        List<Arguments> cases = new ArrayList<>();
        Object[][] shapes = {
            {1, 1, new int[] {1}, 20}, {7, 3, new int[] {4}, 20}, {100, 8, new int[] {8, 8}, 10},
            {1_000, 16, new int[] {16}, 3}, {10_000, 64, new int[] {64, 64}, 1}};
        int k = 0;
        for (Object[] shape : shapes) {
            int n = (int) shape[0];
            Dataset data = BackendAgreement.randomData(n, (int) shape[1]);
            for (Updates updates : Updates.values()) {
                Activation activation = Activation.values()[k % 3];
                Loss loss = Loss.values()[k++ % 2];
                double lr = updates == Updates.BATCH ? 0.5 : 0.5 / Math.sqrt(n);
                cases.add(Arguments.of(new Case(data, (int[]) shape[2], activation, loss, updates, lr, (int) shape[3])));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xorCases")
    void xorAgreesWithTheReference(Case c) {
        assertAgrees(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planeCases")
    void planeSetsAgreeWithTheReference(Case c) {
        assertAgrees(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomCases")
    void randomDataAgreesWithTheReference(Case c) {
        assertAgrees(c);
    }

    private void assertAgrees(Case c) {
        NetworkShape shape = new NetworkShape(c.data().features(), c.hidden(), c.activation());
        Start start = randomStart(shape, 7);
        ReferenceNetwork.Run expected = ReferenceNetwork.train(c.data(), c.activation(), start.weights(),
                start.biases(), c.loss(), c.updates(), c.learningRate(), c.epochs());
        double[] history = new double[c.epochs()];
        try (NetworkWorkspace ws = backend().openNetwork(c.data(), shape)) {
            load(ws, start);
            for (int epoch = 0; epoch < c.epochs(); epoch++) {
                history[epoch] = c.updates() == Updates.BATCH
                        ? NetworkTrainer.batchEpoch(ws, c.loss(), c.learningRate())
                        : NetworkTrainer.onlineEpoch(ws, c.loss(), c.learningRate());
            }
            assertClose("loss history", history, expected.lossHistory());
            for (int l = 1; l <= shape.layers(); l++) {
                assertClose("W" + l, ws.read(Matrix.WEIGHTS, l),
                        flatten(expected.weights()[l - 1], shape.inputs(l), shape.units(l)));
                assertClose("b" + l, ws.read(Matrix.BIASES, l), expected.biases()[l - 1]);
            }
            ws.selectRows(0, ws.rows());
            assertClose("final loss", new double[] {forwardLoss(ws, c.loss())}, new double[] {expected.finalLoss()});
        }
    }

    /** [unit][input] to the SPI's inputs×units row-major. */
    static double[] flatten(double[][] w, int inputs, int units) {
        double[] flat = new double[inputs * units];
        for (int j = 0; j < units; j++) {
            for (int k = 0; k < inputs; k++) {
                flat[k * units + j] = w[j][k];
            }
        }
        return flat;
    }

    // ---- The training loop ----

    /** Network's [unit][input] layers as the reference's arrays. */
    static Start startOf(Network network) {
        double[][][] w = new double[network.layers().size()][][];
        double[][] b = new double[w.length][];
        for (int l = 0; l < w.length; l++) {
            w[l] = network.layers().get(l).weights();
            b[l] = network.layers().get(l).biases();
        }
        return new Start(w, b);
    }

    /**
     * {@link NetworkTrainer#train} with the network defaults on XOR, from {@link Network#random}
     * with {@link Network#DEFAULT_SEED}: the reference's numbers, and 4 of 4 rows right, with 4
     * hidden units and with 2.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 2})
    void xorWithTheNetworkDefaultsReachesFourOfFour(int units) {
        Dataset xor = Datasets.xor();
        TrainingConfig config = TrainingConfig.network();
        Network start = Network.random(new NetworkShape(2, new int[] {units}, Activation.SIGMOID), Network.DEFAULT_SEED);
        NetworkResult result = NetworkTrainer.train(backend(), xor, config, start, TrainingListener.NONE);
        ReferenceNetwork.Run expected = ReferenceNetwork.train(xor, Activation.SIGMOID, startOf(start).weights(),
                startOf(start).biases(), config.loss(), config.updates(), config.learningRate(), config.epochs());

        assertThat(result.initial()).isEqualTo(start);
        assertClose("loss history", result.lossHistory(), expected.lossHistory());
        assertClose("final loss", new double[] {result.finalLoss()}, new double[] {expected.finalLoss()});
        for (int l = 0; l < 2; l++) {
            Network.Layer layer = result.network().layers().get(l);
            for (int j = 0; j < layer.units(); j++) {
                assertClose("weights of layer " + (l + 1) + " unit " + (j + 1), layer.weights()[j],
                        expected.weights()[l][j]);
            }
            assertClose("biases of layer " + (l + 1), layer.biases(), expected.biases()[l]);
        }
        for (int i = 0; i < 4; i++) {
            assertClose("p of row " + i, new double[] {result.probabilities()[i]},
                    new double[] {result.network().probability(xor.row(i))});
        }
        assertThat(result.rowsRight(0.5)).isEqualTo(4);
        assertThat(result.symmetry()).isEmpty();
    }

    @Test
    @DisplayName("one neuron (no hidden layer) gets at most 3 of XOR's 4 rows right, however it trains")
    void oneNeuronCannotLearnXor() {
        Dataset xor = Datasets.xor();
        for (TrainingConfig config : List.of(TrainingConfig.tutorial(), TrainingConfig.network(),
                TrainingConfig.tutorial().withInitialWeights(1, -1).withInitialBias(0.5))) {
            assertThat(Trainer.train(backend(), xor, config).rowsRight(0.5)).as("%s", config).isLessThanOrEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    @DisplayName("from all zeros every hidden unit stays identical to the others, and the result says so")
    void zerosStayIdentical(Activation activation) {
        Dataset xor = Datasets.xor();
        Network start = Network.zeros(new NetworkShape(2, new int[] {4, 3}, activation));
        NetworkResult result = NetworkTrainer.train(backend(), xor, TrainingConfig.network().withEpochs(300), start,
                TrainingListener.NONE);
        assertThat(result.network().identicalLayers()).containsExactly(1, 2);
        assertThat(result.symmetry()).hasSize(2).first().asString()
                .startsWith("all 4 units of hidden layer 1 are identical");
    }

    @Test
    @DisplayName("a stop request ends a network's training after the epoch, online or batch")
    void stopRequests() {
        Network start = Network.random(new NetworkShape(2, new int[] {2}, Activation.TANH), 1);
        for (Updates updates : Updates.values()) {
            TrainingListener stopAfterThree = new TrainingListener() {
                int epochs;

                @Override
                public void onEpochDone(int epoch, double loss) {
                    epochs = epoch + 1;
                }

                @Override
                public boolean stopRequested() {
                    return epochs == 3;
                }
            };
            assertThatThrownBy(() -> NetworkTrainer.train(backend(), Datasets.xor(),
                    TrainingConfig.network().withUpdates(updates), start, stopAfterThree))
                    .isInstanceOf(TrainingStoppedException.class)
                    .hasMessage("training stopped after 3 of 2000 epochs");
        }
    }

    // ---- Gradients ----

    static Stream<Arguments> gradientCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Dataset data : List.of(Datasets.xor(), BackendAgreement.randomData(7, 3))) {
            for (int[] hidden : new int[][] {{3}, {3, 2}}) {
                for (Activation activation : Activation.values()) {
                    for (Loss loss : Loss.values()) {
                        cases.add(Arguments.of(data.name(), data, hidden, activation, loss));
                    }
                }
            }
        }
        return cases.stream();
    }

    /**
     * Every weight's and bias's gradient, on all rows and on rows 1 to n − 1, against the centred
     * difference (L(θ + h) − L(θ − h)) / 2h of the backend's own loss, h = 1e-6 (its error is
     * about h²·L‴ ≈ 1e-12 from the formula and 1e-16·L / h ≈ 1e-10 from rounding, so 1e-7 is
     * far above both and far below any wrong factor), and against the reference's gradient to 1e-10.
     */
    @ParameterizedTest(name = "{0} {2} {3}, {4}")
    @MethodSource("gradientCases")
    void gradientsEqualFiniteDifferencesAndTheReference(String name, Dataset data, int[] hidden,
            Activation activation, Loss loss) {
        NetworkShape shape = new NetworkShape(data.features(), hidden, activation);
        // Weights of ±1 or so: relu units then sit well away from their kink at 0 for these rows.
        Start start = randomStart(shape, 11);
        for (int[] rows : new int[][] {{0, data.rows()}, {1, data.rows()}}) {
            ReferenceNetwork.Expected reference = ReferenceNetwork.pass(data, rows[0], rows[1], activation,
                    start.weights(), start.biases(), loss);
            try (NetworkWorkspace ws = backend().openNetwork(data, shape)) {
                load(ws, start);
                ws.selectRows(rows[0], rows[1]);
                double value = gradients(ws, loss);
                assertClose("loss", new double[] {value}, new double[] {reference.loss()});
                for (int l = 1; l <= shape.layers(); l++) {
                    double[] g = ws.read(Matrix.WEIGHT_GRADIENT, l);
                    double[] gb = ws.read(Matrix.BIAS_GRADIENT, l);
                    assertClose("G" + l, g, flatten(reference.weightGradients()[l - 1], shape.inputs(l), shape.units(l)));
                    assertClose("g" + l, gb, reference.biasGradients()[l - 1]);
                    double[] w = ws.read(Matrix.WEIGHTS, l);
                    double[] b = ws.read(Matrix.BIASES, l);
                    for (int k = 0; k < w.length; k++) {
                        assertFiniteDifference("W" + l + "[" + k + "] rows " + Arrays.toString(rows), g[k],
                                ws, loss, l, w, b, w, k);
                    }
                    for (int j = 0; j < b.length; j++) {
                        assertFiniteDifference("b" + l + "[" + j + "] rows " + Arrays.toString(rows), gb[j],
                                ws, loss, l, w, b, b, j);
                    }
                }
            }
        }
    }

    /** Moves entry {@code index} of {@code moved} (w or b of layer l) by ±h, measures the loss, puts it back. */
    private static void assertFiniteDifference(String what, double gradient, NetworkWorkspace ws, Loss loss, int layer,
            double[] w, double[] b, double[] moved, int index) {
        double h = 1e-6;
        double original = moved[index];
        moved[index] = original + h;
        ws.setLayer(layer, w, b);
        double up = forwardLoss(ws, loss);
        moved[index] = original - h;
        ws.setLayer(layer, w, b);
        double down = forwardLoss(ws, loss);
        moved[index] = original;
        ws.setLayer(layer, w, b);
        double difference = (up - down) / (2 * h);
        assertThat(Math.abs(difference - gradient)).as("%s: gradient %s, finite difference %s", what, gradient, difference)
                .isLessThanOrEqualTo(1e-7 * Math.max(1, Math.abs(gradient)));
    }

    // ---- step() ----

    /**
     * {@code step()}, the default or a backend's fused override, leaves the same numbers as the
     * individual calls in the order the SPI writes them, on all rows and on one row (to 1e-10
     * relative: a fused step may add up in another order), and returns the loss before the update.
     */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void stepEqualsTheIndividualCalls(Activation activation) {
        Dataset data = BackendAgreement.randomData(50, 5);
        NetworkShape shape = new NetworkShape(5, new int[] {6, 4}, activation);
        Start start = randomStart(shape, 3);
        for (Loss loss : Loss.values()) {
            for (int[] rows : new int[][] {{0, 50}, {17, 18}}) {
                try (NetworkWorkspace stepped = backend().openNetwork(data, shape);
                        NetworkWorkspace called = backend().openNetwork(data, shape)) {
                    load(stepped, start);
                    load(called, start);
                    stepped.selectRows(rows[0], rows[1]);
                    called.selectRows(rows[0], rows[1]);
                    double steppedLoss = stepped.step(loss, 0.3);
                    double calledLoss = gradients(called, loss);
                    for (int l = 1; l <= shape.layers(); l++) {
                        called.update(l, 0.3);
                    }
                    assertClose("loss", new double[] {steppedLoss}, new double[] {calledLoss});
                    for (int l = 1; l <= shape.layers(); l++) {
                        for (Matrix matrix : Matrix.values()) {
                            assertClose(matrix + " of layer " + l + ", " + loss + ", rows " + Arrays.toString(rows),
                                    stepped.read(matrix, l), called.read(matrix, l));
                        }
                    }
                }
            }
        }
    }

    // ---- Workspace basics ----

    @Test
    @DisplayName("a new workspace has all rows selected, its shape, and zeros for every weight and bias")
    void aNewWorkspace() {
        Dataset data = BackendAgreement.randomData(9, 3);
        NetworkShape shape = new NetworkShape(3, new int[] {4, 2}, Activation.TANH);
        try (NetworkWorkspace ws = backend().openNetwork(data, shape)) {
            assertThat(ws.rows()).isEqualTo(9);
            assertThat(ws.selectedRows()).isEqualTo(9);
            assertThat(ws.shape()).isEqualTo(shape);
            for (int l = 1; l <= 3; l++) {
                assertThat(ws.read(Matrix.WEIGHTS, l)).as("W%d", l).containsOnly(0.0);
                assertThat(ws.read(Matrix.BIASES, l)).as("b%d", l).containsOnly(0.0);
            }
        }
    }

    @Test
    @DisplayName("read gives Matrix.length entries for every buffer and layer, with all rows and with a few selected")
    void readLengths() {
        Dataset data = BackendAgreement.randomData(9, 3);
        NetworkShape shape = new NetworkShape(3, new int[] {4, 2}, Activation.SIGMOID);
        try (NetworkWorkspace ws = backend().openNetwork(data, shape)) {
            load(ws, randomStart(shape, 5));
            for (int[] rows : new int[][] {{0, 9}, {2, 5}, {8, 9}}) {
                ws.selectRows(rows[0], rows[1]);
                assertThat(ws.selectedRows()).isEqualTo(rows[1] - rows[0]);
                gradients(ws, Loss.CROSS_ENTROPY);
                for (int l = 1; l <= shape.layers(); l++) {
                    for (Matrix matrix : Matrix.values()) {
                        int length = matrix.length(shape, l, rows[1] - rows[0]);
                        assertThat(ws.read(matrix, l)).as("%s of layer %d, rows %s", matrix, l, Arrays.toString(rows))
                                .hasSize(length);
                        double[] out = new double[length];
                        ws.read(matrix, l, out);
                        assertThat(out).isEqualTo(ws.read(matrix, l));
                    }
                }
            }
            assertThatThrownBy(() -> ws.read(Matrix.WEIGHTS, 1, new double[11]))
                    .isInstanceOfAny(IllegalArgumentException.class, IndexOutOfBoundsException.class);
        }
    }

    @Test
    @DisplayName("one selected row gives that row's Z and A of the all-rows pass, and its own loss")
    void selectingOneRow() {
        Dataset data = BackendAgreement.randomData(6, 2);
        NetworkShape shape = new NetworkShape(2, new int[] {3}, Activation.TANH);
        try (NetworkWorkspace ws = backend().openNetwork(data, shape)) {
            load(ws, randomStart(shape, 9));
            forwardLoss(ws, Loss.CROSS_ENTROPY);
            double[][] z1 = byRow(ws.read(Matrix.Z, 1), 6, 3);
            double[] p = ws.read(Matrix.A, 2);
            for (int i = 0; i < 6; i++) {
                ws.selectRows(i, i + 1);
                assertThat(ws.selectedRows()).isEqualTo(1);
                double loss = forwardLoss(ws, Loss.CROSS_ENTROPY);
                assertClose("Z1 of row " + i, ws.read(Matrix.Z, 1), z1[i]);
                assertClose("p of row " + i, ws.read(Matrix.A, 2), new double[] {p[i]});
                double expected = ReferenceNetwork.pass(data, i, i + 1, Activation.TANH, randomStart(shape, 9).weights(),
                        randomStart(shape, 9).biases(), Loss.CROSS_ENTROPY).loss();
                assertClose("loss of row " + i, new double[] {loss}, new double[] {expected});
            }
        }
    }

    // ---- Errors ----

    @Test
    @DisplayName("a shape whose inputs are not the data's features is refused")
    void shapeMustFitTheData() {
        Dataset data = BackendAgreement.randomData(5, 2);
        assertThatThrownBy(() -> backend().openNetwork(data, new NetworkShape(3, new int[] {2}, Activation.SIGMOID)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("setLayer refuses weights or biases of the wrong length, and layers outside 1..L")
    void setLayerChecksLengthsAndLayers() {
        Dataset data = BackendAgreement.randomData(5, 2);
        try (NetworkWorkspace ws = open(data, new int[] {3}, Activation.SIGMOID)) {
            assertThatThrownBy(() -> ws.setLayer(1, new double[5], new double[3])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ws.setLayer(1, new double[6], new double[2])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ws.setLayer(2, new double[6], new double[3])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ws.setLayer(0, new double[2], new double[3])).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> ws.setLayer(3, new double[3], new double[1])).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    @DisplayName("layers outside 1..L, backpropagate(1), and rows outside 0 ≤ from < to ≤ n are refused")
    void layersAndRowsOutOfRange() {
        Dataset data = BackendAgreement.randomData(5, 2);
        try (NetworkWorkspace ws = open(data, new int[] {3}, Activation.RELU)) {
            assertThatThrownBy(() -> ws.forward(0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> ws.forward(3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> ws.activate(3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> ws.gradient(0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> ws.update(3, 0.1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> ws.read(Matrix.Z, 3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> ws.backpropagate(1)).isInstanceOfAny(IndexOutOfBoundsException.class,
                    IllegalArgumentException.class);
            for (int[] rows : new int[][] {{0, 0}, {3, 2}, {-1, 2}, {0, 6}, {5, 6}}) {
                assertThatThrownBy(() -> ws.selectRows(rows[0], rows[1])).as("rows %s", Arrays.toString(rows))
                        .isInstanceOfAny(IndexOutOfBoundsException.class, IllegalArgumentException.class);
            }
            assertThat(ws.selectedRows()).as("a refused selection changes nothing").isEqualTo(5);
        }
    }

    // ---- Comparisons ----

    static void assertExactly(String what, double[] actual, double... expected) {
        assertThat(actual).as(what).containsExactly(expected);
    }

    /**
     * Asserts, entry by entry, |a − b| ≤ 1e-10·max(|a|, |b|) + 1e-13: relative to the size of the
     * values compared, so that a weight of 0.001 must agree to some 1e-13 and not merely to 1e-10, with
     * the absolute {@link #FLOOR} only for values that cancel to near 0.
     */
    static void assertClose(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double bound = TOLERANCE * Math.max(Math.abs(actual[i]), Math.abs(expected[i])) + FLOOR;
            assertThat(Math.abs(actual[i] - expected[i]))
                    .as("%s[%d]: %s vs reference %s", what, i, actual[i], expected[i])
                    .isLessThanOrEqualTo(bound);
        }
    }
}
