package dev.tinynn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Each operation of the backend SPI ({@link dev.tinynn.core.spi.Workspace}) timed on its own, so that an epoch's time
 * in {@link EpochBenchmark} can be split into its six steps and a slow backend can be traced to
 * the step that makes it slow.
 *
 * <p><b>How.</b> {@link OpenWorkspace} opens the workspace once per trial and runs one whole epoch
 * at the start of every iteration, so that z, p,
 * δ and g hold real values; each benchmark method then repeats one step on them. Repeating a step
 * is harmless for all six: forward, sigmoid, loss, delta and gradient read their inputs and
 * overwrite their outputs with the same values; update moves w by the same −lr·g each time,
 * which changes nothing about its cost (the weights are reset every iteration).
 *
 * <p><b>Pitfalls.</b>
 * <ul>
 *   <li><i>Dead code.</i> {@code loss} returns its value; the void steps write into the backend's
 *       buffers, which the JIT cannot prove unread, and a {@link Blackhole} consumes the
 *       workspace after each, which costs little beside any step but makes sure of it
 *       (benchmarks/results/design-notes.md#operationbenchmark).</li>
 *   <li><i>Sums of parts.</i> The six times need not add up to an epoch's: in an epoch the step
 *       before leaves its output in the cache for the next, which timing a step alone does not.
 *       At the small sizes a step's time is dominated by the call itself (for ND4J, the trip
 *       through JNI).</li>
 *   <li><i>One implementation per fork</i>, as in {@link EpochBenchmark}.</li>
 * </ul>
 *
 * <p><b>Running it</b>:
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar OperationBenchmark.gradient -p backend=nd4j -p size=4x1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseTransparentHugePages", "--add-modules=jdk.incubator.vector"})
public class OperationBenchmark {

    @Benchmark
    public void forward(OpenWorkspace state, Blackhole bh) {
        state.workspace.forward();
        bh.consume(state.workspace);
    }

    @Benchmark
    public void sigmoid(OpenWorkspace state, Blackhole bh) {
        state.workspace.sigmoid();
        bh.consume(state.workspace);
    }

    @Benchmark
    public double loss(OpenWorkspace state) {
        return state.workspace.loss(state.loss);
    }

    @Benchmark
    public void delta(OpenWorkspace state, Blackhole bh) {
        state.workspace.delta(state.loss);
        bh.consume(state.workspace);
    }

    @Benchmark
    public void gradient(OpenWorkspace state, Blackhole bh) {
        state.workspace.gradient();
        bh.consume(state.workspace);
    }

    @Benchmark
    public void update(OpenWorkspace state, Blackhole bh) {
        state.workspace.update(state.learningRate);
        bh.consume(state.workspace);
    }
}
