package dev.tinynn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Keeps the benchmarks compiling and running in CI: one tiny JMH iteration of the epoch benchmark
 * for every backend at the tutorial's size, in this JVM (no fork, so it needs no class path of its
 * own). It checks that results came back, never how fast: a test machine's speed proves nothing.
 */
class BenchmarksRunTest {

    @Test
    void everyBackendRunsOneEpochBenchmarkIteration() throws RunnerException {
        Collection<RunResult> results = runOnce(new OptionsBuilder()
                .include(EpochBenchmark.class.getName() + ".epoch")
                .param("backend", "plain", "ejml", "nd4j", "fast"));

        assertThat(results).hasSize(4);
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }

    @Test
    void theRawFloorsAndTheSinglePassFloorRun() throws RunnerException {
        Collection<RunResult> results = runOnce(new OptionsBuilder()
                .include(RawFloorBenchmark.class.getName() + ".epoch")
                .include(SinglePassFloorBenchmark.class.getName() + ".epoch")
                .param("library", "plain", "ejml", "nd4j"));

        assertThat(results).hasSize(4);
    }

    /** One 100 ms iteration, no warm-up, at the tutorial's size, in this JVM. */
    private static Collection<RunResult> runOnce(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options
                .param("size", "4x1")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .build()).run();
    }
}
