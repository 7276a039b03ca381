package dev.tinynn.bench;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.spi.Workspace;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The state {@link EpochBenchmark} and {@link OperationBenchmark} time against: one backend's
 * workspace opened on one size of data, with cross-entropy and the tutorial's learning rate.
 *
 * <p>Opened once per trial (training opens a workspace once, then runs thousands of epochs).
 * Every iteration starts again from w = 0.1, b = 0 and runs one epoch untimed, so that z, p, δ and
 * g hold real values for benchmarks that time one step alone. Fields are non-final so the JIT
 * cannot fold them into constants.
 */
@State(Scope.Thread)
public class OpenWorkspace {

    /** A tinynn backend name, or {@code nd4j-default} (see {@link BenchData#backend}). */
    @Param({"plain", "ejml", "nd4j", "nd4j-default", "fast"})
    public String backend;

    @Param({"4x1", "4x2", "1000x2", "100000x16", "1000000x16"})
    public String size;

    Workspace workspace;
    Loss loss;
    double learningRate;
    double[] initialWeights;

    @Setup(Level.Trial)
    public void open() {
        Dataset data = BenchData.dataset(size);
        workspace = BenchData.backend(backend).open(data);
        loss = Loss.CROSS_ENTROPY;
        learningRate = BenchData.LEARNING_RATE;
        initialWeights = BenchData.initialWeights(data.features());
    }

    @Setup(Level.Iteration)
    public void reset() {
        workspace.setParameters(initialWeights, 0);
        Trainer.batchEpoch(workspace, loss, learningRate);
    }

    @TearDown(Level.Trial)
    public void close() {
        workspace.close();
    }
}
