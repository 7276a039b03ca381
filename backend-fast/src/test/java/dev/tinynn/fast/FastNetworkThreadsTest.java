package dev.tinynn.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.Activation;
import dev.tinynn.core.BackendAgreement;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.EpochAllocations;
import dev.tinynn.core.Loss;
import dev.tinynn.core.NetworkConformance;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.ReferenceNetwork;
import dev.tinynn.core.Updates;
import dev.tinynn.core.spi.NetworkWorkspace;
import dev.tinynn.core.spi.NetworkWorkspace.Matrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A network on the fast backend with its rows split among threads (the conformance suite's data are
 * mostly too small to be split): any thread count agrees with the reference network, a thread count
 * gives the same bits every run, and a step on several threads allocates nothing.
 */
class FastNetworkThreadsTest {
    /** 2,048 rows × 32 features, layers of 32 and 16: about 9.5 million multiply-adds per step, so split. */
    private static final Dataset LARGE = BackendAgreement.randomData(2_048, 32);
    private static final NetworkShape SHAPE = new NetworkShape(32, new int[] {32, 16}, Activation.SIGMOID);
    private static final int EPOCHS = 4;
    private static final double LEARNING_RATE = 0.5;

    private static NetworkWorkspace open(int threads, Activation activation, boolean vectorApi) {
        NetworkShape shape = new NetworkShape(32, new int[] {32, 16}, activation);
        NetworkWorkspace ws = new FastNetworkWorkspace(LARGE, shape, threads, vectorApi);
        NetworkConformance.load(ws, NetworkConformance.randomStart(shape, 3));
        return ws;
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3, 8})
    void anyThreadCountAgreesWithTheReference(int threads) {
        for (Activation activation : Activation.values()) {
            var start = NetworkConformance.randomStart(new NetworkShape(32, new int[] {32, 16}, activation), 3);
            ReferenceNetwork.Run expected = ReferenceNetwork.train(LARGE, activation, start.weights(), start.biases(),
                    Loss.CROSS_ENTROPY, Updates.BATCH, LEARNING_RATE, EPOCHS);
            for (boolean vectorApi : new boolean[] {true, false}) {
                try (NetworkWorkspace ws = open(threads, activation, vectorApi)) {
                    double[] history = new double[EPOCHS];
                    for (int epoch = 0; epoch < EPOCHS; epoch++) {
                        history[epoch] = NetworkTrainer.batchEpoch(ws, Loss.CROSS_ENTROPY, LEARNING_RATE);
                    }
                    assertClose(activation + " loss history", history, expected.lossHistory());
                    for (int l = 1; l <= SHAPE.layers(); l++) {
                        assertClose(activation + " b" + l, ws.read(Matrix.BIASES, l),
                                expected.biases()[l - 1]);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void severalThreadsGiveTheSameBitsEveryRun(Loss loss) {
        double[][] first = trainedWeights(loss);
        for (int run = 0; run < 3; run++) {
            assertThat(trainedWeights(loss)).isDeepEqualTo(first);
        }
    }

    private static double[][] trainedWeights(Loss loss) {
        try (NetworkWorkspace ws = open(3, Activation.TANH, true)) {
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                NetworkTrainer.batchEpoch(ws, loss, LEARNING_RATE);
            }
            double[][] weights = new double[SHAPE.layers()][];
            for (int l = 1; l <= SHAPE.layers(); l++) {
                weights[l - 1] = ws.read(Matrix.WEIGHTS, l);
            }
            return weights;
        }
    }

    /** Within 1e-10 relative, as the agreement suites. */
    private static void assertClose(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1, Math.abs(expected[i]));
            assertThat(Math.abs(actual[i] - expected[i]) / scale).as("%s[%d]: %s vs %s", what, i, actual[i], expected[i])
                    .isLessThanOrEqualTo(1e-10);
        }
    }

    @BeforeAll
    static void theAllocationCounterWorks() {
        EpochAllocations.checkTheCounter();
    }

    /** The step hands the other blocks to the workspace's own parked threads: no task objects. */
    @Tag(EpochAllocations.TAG)
    @Test
    void aStepOnSeveralThreadsAllocatesNothing() {
        try (NetworkWorkspace ws = open(2, Activation.SIGMOID, true)) {
            for (int epoch = 0; epoch < 300; epoch++) {
                NetworkTrainer.batchEpoch(ws, Loss.CROSS_ENTROPY, 0.01);
            }
            EpochAllocations.assertAllocatesNothing("batch epochs on two threads", 100, () -> {
                for (int epoch = 0; epoch < 100; epoch++) {
                    NetworkTrainer.batchEpoch(ws, Loss.CROSS_ENTROPY, 0.01);
                }
            });
        }
    }
}
