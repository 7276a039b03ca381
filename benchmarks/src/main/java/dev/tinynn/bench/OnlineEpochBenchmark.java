package dev.tinynn.bench;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.Updates;
import dev.tinynn.core.spi.Workspace;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One online epoch ({@code --updates online}: one update per row, in order) through
 * {@link Trainer#onlineEpoch}, with cross-entropy and learning rate 0.1: the peer of
 * scikit-learn's {@code SGDClassifier(loss="log_loss", learning_rate="constant", max_iter=1,
 * shuffle=False)}, which {@code benchmarks/sklearn_online.py} times. Each row's update depends on
 * the previous row's, so no backend can split the rows over cores; what differs between backends
 * is the cost of {@code forwardRow} and {@code updateRow} per row.
 *
 * <p>The weights are reset to 0.1 and the bias to 0 at every iteration, as in {@link OpenWorkspace}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseTransparentHugePages", "--add-modules=jdk.incubator.vector"})
public class OnlineEpochBenchmark {

    /** A backend's workspace on one size of data, with the epoch's settings. */
    @State(Scope.Thread)
    public static class Online {
        @Param({"plain", "fast"})
        public String backend;

        @Param({"1000x2", "100000x16", "1000000x16"})
        public String size;

        Dataset data;
        Workspace workspace;
        TrainingConfig config;

        @Setup(Level.Trial)
        public void open() {
            data = BenchData.dataset(size);
            workspace = BenchData.backend(backend).open(data);
            config = TrainingConfig.tutorial().withUpdates(Updates.ONLINE).withLoss(Loss.CROSS_ENTROPY)
                    .withLearningRate(BenchData.LEARNING_RATE);
        }

        @Setup(Level.Iteration)
        public void reset() {
            workspace.setParameters(BenchData.initialWeights(data.features()), 0);
        }

        @TearDown(Level.Trial)
        public void close() {
            workspace.close();
        }
    }

    @Benchmark
    public double epoch(Online state) {
        return Trainer.onlineEpoch(state.workspace, state.data, state.config);
    }
}
