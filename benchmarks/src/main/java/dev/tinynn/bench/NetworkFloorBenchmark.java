package dev.tinynn.bench;

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
 * The raw floor of a network epoch: the same products and element-wise work as
 * {@link NetworkEpochBenchmark}'s, written straight against the library ({@link NetworkFloors}),
 * no tinynn code in the timed method. tinynn's nd4j network epoch divided by the {@code nd4j}
 * floor at the same network is the cost of the abstraction on ND4J (the target: at most 1.25).
 * {@code plain} is the loop floor, i-k-j order, one pass per step.
 *
 * <p><b>Pitfalls.</b> As {@link RawFloorBenchmark}'s: the loss returned, the state non-final, one
 * library per fork (so the {@code Floor} call is monomorphic), the weights reset every iteration.
 * ND4J's floor allocates a few small Java objects per op (the op and its argument lists, the
 * scalar of Σδ); {@code -prof gc} shows how much.
 *
 * <p><b>Running it</b>:
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar NetworkFloorBenchmark -p library=nd4j -p net=10000x256
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseTransparentHugePages", "--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class NetworkFloorBenchmark {

    @Param({"nd4j", "nd4j-default"})
    public String library;

    @Param({"xor", "10000x2", "10000x4", "10000x16", "10000x64", "10000x256", "10000x1024", "100000x16", "100000x64"})
    public String net;

    NetworkFloors.Floor floor;
    double[][] initial;
    double learningRate;

    @Setup(Level.Trial)
    public void open() {
        floor = NetworkFloors.of(library, Networks.dataset(net), Networks.hidden(net));
        initial = Networks.initialLayers(net);
        learningRate = BenchData.LEARNING_RATE;
    }

    @Setup(Level.Iteration)
    public void reset() {
        floor.set(initial);
    }

    @TearDown(Level.Trial)
    public void close() {
        floor.close();
    }

    @Benchmark
    public double epoch() {
        return floor.epoch(learningRate);
    }
}
