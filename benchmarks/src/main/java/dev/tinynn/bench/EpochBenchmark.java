package dev.tinynn.bench;

import dev.tinynn.core.Trainer;
import dev.tinynn.core.spi.Workspace;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One batch epoch through tinynn's own API: {@link Trainer#batchEpoch} on an open
 * {@link dev.tinynn.core.spi.Workspace}, the exact call that {@code Trainer.train} makes per batch
 * epoch ({@code Workspace.epoch}: the six steps forward, sigmoid, loss, delta, gradient, update,
 * or the fast backend's fused pass over the rows), with cross-entropy and the tutorial's
 * learning rate 0.1.
 *
 * <p><b>What the number means.</b> The time one epoch takes once the JIT has compiled everything
 * and the data sit in the backend's own storage. Opening the workspace (copying the data in) is
 * done once per trial in {@link OpenWorkspace}, not timed, because training opens it once and then runs
 * thousands of epochs. Compare it with {@link RawFloorBenchmark} at the same backend and size:
 * the difference is what tinynn's abstraction (the interface calls, the Workspace methods) costs
 * over the shortest hand-written use of the same library.
 *
 * <p><b>Pitfalls, and what this class does about them.</b>
 * <ul>
 *   <li><i>Dead code.</i> The epoch's loss is returned, so JMH consumes it and the JIT cannot
 *       drop the work; the update also writes the weights, which the next epoch reads.</li>
 *   <li><i>Constant folding.</i> The workspace and the learning rate live in a non-final
 *       {@code @State} field, so the JIT cannot treat them as constants.</li>
 *   <li><i>Profile pollution.</i> {@code Workspace} is an interface with one implementation per
 *       backend. If one JVM ran several backends, the call sites inside {@code batchEpoch} would
 *       become megamorphic and every backend would look slower than it is. The backend is a
 *       {@code @Param}, and each combination of parameters runs in its own fork, so every fork
 *       sees exactly one implementation, as a real program does.</li>
 *   <li><i>Drifting state.</i> Every call trains: the weights move. With cross-entropy and a
 *       learning rate of 0.1 they converge slowly and stay finite, and the arithmetic costs the
 *       same for any finite weights (no branch depends on their values except the sign test in
 *       the stable loss, which is cheap either way). The weights are reset at every iteration
 *       anyway, so each iteration starts from the tutorial's w = 0.1, b = 0 (see {@link OpenWorkspace}).</li>
 *   <li><i>Native threads.</i> {@code nd4j} runs ND4J with one native thread (tinynn's default),
 *       {@code nd4j-default} with ND4J's own default of one per core. When other programs want the
 *       cores, a second native thread waits for one and the epoch slows down several times; record
 *       the load average with the results (benchmarks/results/design-notes.md#epochbenchmark).</li>
 *   <li><i>Memory.</i> 1,000,000×16 is 128 MB of inputs, and each backend keeps its own copy
 *       (ND4J's off the Java heap), so the forks get a 4 GB heap, on 2 MB pages
 *       ({@code -XX:+UseTransparentHugePages}): with 4 KB pages a pass over 128 MB walks 32,768
 *       of them, and the epochs that read X at memory speed varied from fork to fork with where
 *       the heap landed (benchmarks/results/design-notes.md#epochbenchmark). NumPy asks the
 *       kernel for huge pages for its large arrays itself, so both sides read on 2 MB pages.</li>
 *   <li><i>The Vector API.</i> The forks start with {@code --add-modules jdk.incubator.vector},
 *       so {@code fast} runs its vector kernel; the JVM prints one warning line for it, which
 *       {@code benchmarks/run} keeps out of the console (it stays in jmh-main.txt).</li>
 * </ul>
 *
 * <p><b>Running it</b> (after {@code ./mvnw -pl benchmarks -am package -DskipTests}):
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar EpochBenchmark -p backend=plain,ejml -p size=4x1 -prof gc
 * </pre>
 * or, for everything with a report, {@code benchmarks/run --quick}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseTransparentHugePages", "--add-modules=jdk.incubator.vector"})
public class EpochBenchmark {

    @Benchmark
    public double epoch(OpenWorkspace state) {
        return Trainer.batchEpoch(state.workspace, state.loss, state.learningRate);
    }
}
