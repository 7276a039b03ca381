package dev.tinynn.bench;

import dev.tinynn.core.Loss;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.spi.NetworkWorkspace;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The state {@link NetworkEpochBenchmark} times against: one backend's network workspace
 * ({@code Backend.openNetwork}) opened on one {@link Networks network}, with cross-entropy and the
 * tutorial's learning rate 0.1.
 *
 * <p>Opened once per trial (training opens a workspace once, then runs thousands of epochs);
 * every iteration starts again from {@link Networks#initialLayers} and runs one epoch untimed.
 * Fields are non-final so the JIT cannot fold them into constants.
 */
@State(Scope.Thread)
public class OpenNetwork {

    /** A tinynn backend name, or {@code nd4j-default} (see {@link BenchData#backend}). */
    @Param({"plain", "ejml", "nd4j", "nd4j-default", "fast"})
    public String backend;

    /** A network of {@link Networks#BATCH}. */
    @Param({"xor", "10000x2", "10000x4", "10000x16", "10000x64", "10000x256", "10000x1024", "100000x16", "100000x64"})
    public String net;

    NetworkWorkspace workspace;
    Loss loss;
    double learningRate;
    double[][] initial;

    @Setup(Level.Trial)
    public void open() {
        workspace = BenchData.backend(backend).openNetwork(Networks.dataset(net), Networks.shape(net));
        loss = Loss.CROSS_ENTROPY;
        learningRate = BenchData.LEARNING_RATE;
        initial = Networks.initialLayers(net);
    }

    @Setup(Level.Iteration)
    public void reset() {
        set(workspace, initial);
        NetworkTrainer.batchEpoch(workspace, loss, learningRate);
    }

    @TearDown(Level.Trial)
    public void close() {
        workspace.close();
    }

    /** Sets both layers from [W₁, b₁, w₂, b₂]. */
    static void set(NetworkWorkspace ws, double[][] layers) {
        ws.setLayer(1, layers[0], layers[1]);
        ws.setLayer(2, layers[2], layers[3]);
    }

    /** [W₁, b₁, w₂, b₂] as the workspace holds them now. */
    static double[][] layers(NetworkWorkspace ws) {
        return new double[][] {ws.read(NetworkWorkspace.Matrix.WEIGHTS, 1), ws.read(NetworkWorkspace.Matrix.BIASES, 1),
                ws.read(NetworkWorkspace.Matrix.WEIGHTS, 2), ws.read(NetworkWorkspace.Matrix.BIASES, 2)};
    }
}
