package dev.tinynn.bench;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.spi.Backend;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole tutorial, as a learner runs it: {@code Trainer.train} on study-hours with
 * {@code TrainingConfig.tutorial().withInitialWeights(0.1)}, that is 1,000 online epochs over
 * four rows (4,000 updates), from opening the workspace to the finished {@link TrainingResult}.
 *
 * <p><b>What it is not.</b> This is the steady-state cost of training inside a warm JVM. A
 * learner's {@code ./tinynn train} also pays for starting the JVM, loading classes and running
 * most of this in the interpreter before the JIT has compiled it; that cost, which dominates,
 * is measured from the outside with hyperfine ({@code benchmarks/startup}; the results are in
 * benchmarks/results/README.md, "Start-up of tinynn"), not here.
 *
 * <p><b>Pitfalls.</b> The result is returned, so nothing is dead. Each call opens and closes a
 * workspace, so the data copy and, for ND4J, the native allocations are part of the number: that
 * is what training costs. Online updates call {@code forwardRow} and {@code updateRow} once per
 * row, which for ND4J is two BLAS calls through JNI per row.
 *
 * <p><b>Running it</b>:
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar TrainingBenchmark -tu us
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseTransparentHugePages", "--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class TrainingBenchmark {

    @Param({"plain", "ejml", "nd4j", "fast"})
    public String backend;

    Backend implementation;
    Dataset data;
    TrainingConfig config;

    @Setup(Level.Trial)
    public void open() {
        implementation = BenchData.backend(backend);
        data = Datasets.studyHours();
        config = TrainingConfig.tutorial().withInitialWeights(0.1);
    }

    @Benchmark
    public TrainingResult train() {
        return Trainer.train(implementation, data, config);
    }
}
