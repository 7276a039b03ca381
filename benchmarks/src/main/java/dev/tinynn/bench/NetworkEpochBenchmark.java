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
 * One batch epoch of a one-hidden-layer network through tinynn's own API, {@code NetworkTrainer.batchEpoch}
 * (the call training makes per epoch): all rows selected, then
 * {@code NetworkWorkspace.step} (forward through both layers, the loss, back through both, both
 * updates), with sigmoid hidden units, cross-entropy and learning rate 0.1, for every backend and
 * every {@link Networks network} from XOR to 10,000 rows × 1,024 features × 1,024 hidden units.
 *
 * <p><b>What the number means.</b> Time per epoch; the report also divides {@link Networks#flops}
 * by it, GFLOP/s, to set the epoch beside a bare matrix multiply ({@link DgemmBenchmark}): at
 * width 1,024 the two big products are 99.9% of the flops and a backend whose epoch runs near the
 * dgemm rate is as fast as the hardware (through that library) allows. Compare it with
 * {@link NetworkFloorBenchmark} at the same library and network for the cost of tinynn's
 * abstraction.
 *
 * <p><b>Pitfalls, and what this class does about them.</b> Those of {@link EpochBenchmark}
 * (the loss returned, the state non-final, one backend per fork so the interface calls stay
 * monomorphic, the weights reset every iteration), and:
 * <ul>
 *   <li><i>An epoch longer than an iteration.</i> At width 1,024 a plain-loop epoch does 42
 *       GFLOP and takes many seconds (benchmarks/results/design-notes.md#networkepochbenchmark);
 *       JMH still finishes the call it started, so an iteration of "1 s" holds one epoch and lasts
 *       as long as it does. The settings in {@code benchmarks/run} keep the counts low for that
 *       reason; the error bar of so few samples is wide, and the report marks it.</li>
 *   <li><i>Threads.</i> {@code nd4j} runs ND4J (and OpenBLAS under it) on one native thread,
 *       tinynn's default; {@code nd4j-default} on one per core, ND4J's default; {@code fast}
 *       uses every core. Matrix products are where a second core pays, so read each row with
 *       its thread count, and the dgemm ceiling with both.</li>
 *   <li><i>Memory.</i> At 100,000 × 64 X, Z₁, A₁ and Δ₁ are 51 MB each, more than any cache:
 *       the element-wise steps there are memory-bound, the products are not.</li>
 * </ul>
 *
 * <p><b>Running it</b> (after {@code ./mvnw -pl benchmarks -am package -DskipTests}):
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar NetworkEpochBenchmark -p backend=plain,nd4j -p net=xor,10000x64 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseTransparentHugePages", "--add-modules=jdk.incubator.vector"})
public class NetworkEpochBenchmark {

    @Benchmark
    public double epoch(OpenNetwork state) {
        return NetworkTrainer.batchEpoch(state.workspace, state.loss, state.learningRate);
    }
}
