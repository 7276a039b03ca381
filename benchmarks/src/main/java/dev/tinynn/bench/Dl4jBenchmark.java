package dev.tinynn.bench;

import dev.tinynn.core.Dataset;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
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
 * The same neuron in the framework a Java learner would otherwise reach for: Deeplearning4j
 * 1.0.0-M2.1, a {@link MultiLayerNetwork} with a single {@link OutputLayer} of one sigmoid unit,
 * binary cross-entropy (XENT), double precision, plain SGD at the tutorial's learning rate 0.1,
 * and one full-batch {@code fit(X, y)} per epoch. That is one batch epoch in DL4J's terms:
 * forward pass, loss, backpropagation, update, with the gradient averaged over the batch as
 * tinynn's is.
 *
 * <p><b>What the number includes.</b> Everything {@code fit} does: building the layer's
 * workspaces, the listeners' bookkeeping, the score, the updater. That overhead is the point of
 * the comparison: it is what a learner pays for the framework, and it is why a tutorial-size epoch
 * costs far more here than in plain Java (benchmarks/results/design-notes.md#dl4jbenchmark).
 *
 * <p><b>Pitfalls.</b> DL4J runs on ND4J, so it has ND4J's native threads: set to one, like tinynn's
 * nd4j backend, so the two compare like for like. {@code fit} returns nothing; the network's score
 * is returned instead, which reads the result of the epoch. The network is rebuilt for each trial
 * from zero weights, and the weights are reset to w = 0.1, b = 0 every iteration.
 *
 * <p><b>Running it</b>:
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar Dl4jBenchmark -p size=4x1 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseTransparentHugePages", "--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class Dl4jBenchmark {

    @Param({"4x1", "4x2", "1000x2", "100000x16", "1000000x16"})
    public String size;

    MultiLayerNetwork net;
    INDArray x;
    INDArray y;
    int d;

    @Setup(Level.Trial)
    public void open() {
        Nd4jThreads.start(1);
        Dataset data = BenchData.dataset(size);
        d = data.features();
        x = Dl4jPeer.inputs(data);
        y = Dl4jPeer.labels(data);
        MultiLayerConfiguration conf = Dl4jPeer.layers()
                .layer(Dl4jPeer.output(d))
                .build();
        net = new MultiLayerNetwork(conf);
        net.init();
    }

    @Setup(Level.Iteration)
    public void reset() {
        net.getParam("0_W").assign(0.1);
        net.getParam("0_b").assign(0.0);
    }

    @TearDown(Level.Trial)
    public void close() {
        x.close();
        y.close();
    }

    @Benchmark
    public double epoch() {
        net.fit(x, y);
        return net.score();
    }
}
