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
 * The raw floor of each library: the shortest hand-written sequence of that library's own calls
 * for one batch epoch (see {@link RawFloors}), with no tinynn code inside the timed method. It
 * is the yardstick for {@link EpochBenchmark}: tinynn's epoch on a backend divided by this floor
 * on the same library and size is the cost of the abstraction (the target is at most 1.10).
 *
 * <p><b>What it does not measure.</b> It is not "the fastest this library can go". Each floor
 * makes the same passes as the backend it is the floor of (for plain: one loop per step, in index
 * order); a different algorithm, such as reading X once instead of twice, is measured separately
 * by {@link SinglePassFloorBenchmark}. The comparison isolates the abstraction, not the algorithm.
 *
 * <p><b>Pitfalls.</b> The same as {@link EpochBenchmark}'s: the loss is returned, the state is
 * non-final, and the library is a {@code @Param} so that each fork loads one {@code Floor}
 * implementation and the interface call in {@link #epoch} is monomorphic and inlined, exactly as
 * {@code Workspace}'s calls are in the epoch it is compared with. {@code nd4j} runs on one
 * native thread and {@code nd4j-default} on one per core, set the same way the backend sets them;
 * both are ND4J in its own idiom, the calls the nd4j backend makes. {@code nd4j-blas} is ND4J's
 * data under direct OpenBLAS calls (one thread), a floor below ND4J's API rather than of it.
 * ND4J allocates small Java objects for every op it runs (the op, its argument lists), so its
 * floor is not allocation-free either; {@code -prof gc} shows how much.
 *
 * <p><b>Running it</b>:
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar RawFloorBenchmark -p library=plain -p size=100000x16
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseTransparentHugePages", "--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class RawFloorBenchmark {

    @Param({"plain", "ejml", "nd4j", "nd4j-default", "nd4j-blas"})
    public String library;

    @Param({"4x1", "4x2", "1000x2", "100000x16", "1000000x16"})
    public String size;

    RawFloors.Floor floor;
    double learningRate;

    @Setup(Level.Trial)
    public void open() {
        floor = RawFloors.of(library, BenchData.dataset(size));
        learningRate = BenchData.LEARNING_RATE;
    }

    @Setup(Level.Iteration)
    public void reset() {
        floor.reset();
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
