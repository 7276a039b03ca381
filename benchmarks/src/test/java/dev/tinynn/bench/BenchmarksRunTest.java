package dev.tinynn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.Updates;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Keeps the benchmarks honest and running in CI, without timing anything: each benchmark method,
 * called as JMH calls it (setup, then the method), returns the loss the plain backend's training
 * records for the same epoch, so a benchmark that skipped or garbled work would fail; and one
 * single-shot JMH run per benchmark proves the generated harness runs, its time checked only as
 * present and finite (a test machine's speed proves nothing).
 */
class BenchmarksRunTest {
    private static final String SIZE = "4x1";

    /** The loss plain's batch training records at epochs 0 and 1 from the benchmarks' start, w = 0.1, b = 0. */
    private static double[] plainLosses() {
        Dataset data = BenchData.dataset(SIZE);
        TrainingConfig config = new TrainingConfig(Loss.CROSS_ENTROPY, Updates.BATCH, BenchData.LEARNING_RATE, 2,
                BenchData.initialWeights(data.features()), 0);
        return Trainer.train(Backends.named("plain"), data, config).lossHistory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "ejml", "nd4j", "nd4j-default", "fast"})
    void theEpochBenchmarkReturnsPlainsLoss(String backend) {
        OpenWorkspace state = new OpenWorkspace();
        state.backend = backend;
        state.size = SIZE;
        state.open();
        try {
            state.reset(); // starts at w = 0.1, b = 0 and runs epoch 0 untimed
            double loss = new EpochBenchmark().epoch(state);
            assertThat(loss).as("epoch 1's loss through %s", backend).isCloseTo(plainLosses()[1], within(1e-12));
        } finally {
            state.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "ejml", "nd4j", "nd4j-default"})
    void theRawFloorReturnsPlainsLoss(String library) {
        RawFloorBenchmark floor = new RawFloorBenchmark();
        floor.library = library;
        floor.size = SIZE;
        floor.open();
        try {
            floor.reset();
            assertThat(floor.epoch()).as("epoch 0").isCloseTo(plainLosses()[0], within(1e-12));
            assertThat(floor.epoch()).as("epoch 1").isCloseTo(plainLosses()[1], within(1e-12));
        } finally {
            floor.close();
        }
    }

    @Test
    void theSinglePassFloorReturnsPlainsLoss() {
        SinglePassFloorBenchmark floor = new SinglePassFloorBenchmark();
        floor.size = SIZE;
        floor.open();
        floor.reset();
        assertThat(floor.epoch()).as("epoch 0").isCloseTo(plainLosses()[0], within(1e-12));
        assertThat(floor.epoch()).as("epoch 1").isCloseTo(plainLosses()[1], within(1e-12));
    }

    @Test
    void everyBenchmarkRunsOnceUnderJmh() throws RunnerException {
        Collection<RunResult> results = runOnce(new OptionsBuilder()
                .include(EpochBenchmark.class.getName() + ".epoch")
                .include(RawFloorBenchmark.class.getName() + ".epoch")
                .include(SinglePassFloorBenchmark.class.getName() + ".epoch")
                .param("backend", "plain", "ejml", "nd4j", "fast")
                .param("library", "plain", "ejml", "nd4j"));

        assertThat(results).hasSize(4 + 3 + 1);
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isFinite());
    }

    @Test
    void everyNetworkBenchmarkRunsOnceUnderJmh() throws RunnerException {
        Collection<RunResult> results = runOnce(new OptionsBuilder()
                .include(NetworkEpochBenchmark.class.getName() + ".epoch")
                .include(NetworkOnlineEpochBenchmark.class.getName() + ".epoch")
                .include(NetworkFloorBenchmark.class.getName() + ".epoch")
                .include(Dl4jNetworkBenchmark.class.getName() + ".epoch")
                .include(DgemmBenchmark.class.getName() + ".multiply")
                .param("net", "xor")
                .param("backend", "plain", "nd4j")
                .param("library", "nd4j", "plain")
                .param("n", "256"));

        assertThat(results).hasSize(2 + 2 + 2 + 1 + 2);
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isFinite());
    }

    /**
     * One call of each benchmark method (JMH's single-shot mode), no warm-up, in this JVM. JMH's
     * machine-wide lock (/tmp/jmh.lock) keeps two timing runs from disturbing each other; this run
     * times nothing, so it must not fail because someone is benchmarking on the same machine.
     */
    private static Collection<RunResult> runOnce(ChainedOptionsBuilder options) throws RunnerException {
        System.setProperty("jmh.ignoreLock", "true");
        return new Runner(options
                .param("size", SIZE)
                .mode(Mode.SingleShotTime)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .shouldFailOnError(true)
                .build()).run();
    }
}
