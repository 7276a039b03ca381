package dev.tinynn.bench;

import dev.tinynn.core.NetworkTrainer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One online epoch of a network: one gradient-descent step per row, in order (row i selected,
 * then {@code step}), the peer of PyTorch's per-row loop in {@code benchmarks/network_peers.py}.
 * Each step needs the weights the previous one left, so the rows cannot be split over cores, and
 * each step is a matrix × vector product (one row of X times W₁), not matrix × matrix: what it
 * measures is the cost of one small step, where a library's per-call overhead counts n times.
 *
 * <p>The state is {@link OpenNetwork}'s, with the networks of {@link Networks#ONLINE}; the
 * weights are reset every iteration. {@code benchmarks/run} passes {@code -p net=...} for them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseTransparentHugePages", "--add-modules=jdk.incubator.vector"})
public class NetworkOnlineEpochBenchmark {

    @Benchmark
    public double epoch(OpenNetwork state) {
        return NetworkTrainer.onlineEpoch(state.workspace, state.loss, state.learningRate);
    }
}
