package dev.tinynn.bench;

import dev.tinynn.core.Dataset;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * The same network in Deeplearning4j 1.0.0-M2.1, written the way its users write it: a
 * {@link MultiLayerNetwork} of a {@link DenseLayer} (d → H, sigmoid) and an {@link OutputLayer}
 * (H → 1, sigmoid, binary cross-entropy XENT), double precision, plain SGD at learning rate 0.1,
 * one full-batch {@code fit(X, y)} per epoch.
 *
 * <p><b>Checked before it is timed.</b> At the start of each trial the network is set to
 * {@link Networks#initialLayers}, trained one epoch, and its weights compared with the plain
 * floor's ({@link NetworkFloors.ArraysFloor}) after the same epoch: every weight and bias within
 * 1e-9, or the trial fails with the largest difference, so a DL4J that did something else (a
 * regulariser, a different mean, momentum) is never timed.
 *
 * <p><b>Pitfalls.</b> As {@link Dl4jBenchmark}'s: ND4J's native threads set to one, as tinynn's
 * nd4j backend's are by default; the score returned; the weights reset every iteration (through
 * {@code getParam(...).assign}, which copies into DL4J's own flattened parameter array).
 *
 * <p><b>Running it</b>:
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar Dl4jNetworkBenchmark -p net=xor,10000x64
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseTransparentHugePages", "--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class Dl4jNetworkBenchmark {

    @Param({"xor", "10000x2", "10000x4", "10000x16", "10000x64", "10000x256", "10000x1024", "100000x16", "100000x64"})
    public String net;

    MultiLayerNetwork network;
    INDArray x;
    INDArray y;
    double[][] initial;

    @Setup(Level.Trial)
    public void open() {
        Nd4jThreads.start(1);
        Dataset data = Networks.dataset(net);
        int d = data.features();
        int h = Networks.hidden(net);
        x = Dl4jPeer.inputs(data);
        y = Dl4jPeer.labels(data);
        MultiLayerConfiguration conf = Dl4jPeer.layers()
                .layer(new DenseLayer.Builder().nIn(d).nOut(h).activation(Activation.SIGMOID).build())
                .layer(Dl4jPeer.output(h))
                .build();
        network = new MultiLayerNetwork(conf);
        network.init();
        initial = Networks.initialLayers(net);
        reset();
        network.fit(x, y);
        NetworkFloors.ArraysFloor reference = new NetworkFloors.ArraysFloor(data, h);
        reference.set(initial);
        reference.epoch(BenchData.LEARNING_RATE);
        Networks.check("Deeplearning4j", layers(), reference.layers());
    }

    @Setup(Level.Iteration)
    public void reset() {
        int d = Networks.features(net);
        int h = Networks.hidden(net);
        network.getParam("0_W").assign(Nd4j.create(initial[0], new long[] {d, h}, DataType.DOUBLE));
        network.getParam("0_b").assign(Nd4j.create(initial[1], new long[] {1, h}, DataType.DOUBLE));
        network.getParam("1_W").assign(Nd4j.create(initial[2], new long[] {h, 1}, DataType.DOUBLE));
        network.getParam("1_b").assign(initial[3][0]);
    }

    /** [W₁, b₁, w₂, b₂] as DL4J holds them now, row-major. */
    double[][] layers() {
        return new double[][] {flat("0_W"), flat("0_b"), flat("1_W"), flat("1_b")};
    }

    private double[] flat(String name) {
        return network.getParam(name).dup('c').data().asDouble();
    }

    @TearDown(Level.Trial)
    public void close() {
        x.close();
        y.close();
    }

    @Benchmark
    public double epoch() {
        network.fit(x, y);
        return network.score();
    }
}
