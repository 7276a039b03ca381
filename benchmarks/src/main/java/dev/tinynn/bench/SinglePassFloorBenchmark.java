package dev.tinynn.bench;

import dev.tinynn.core.Dataset;
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
 * The single-pass floor: one batch epoch as one hand-fused loop over plain arrays that reads X
 * once. For each row it computes zᵢ = xᵢ·w + b, pᵢ, the row's loss and δᵢ = pᵢ − yᵢ, and adds
 * δᵢ·xᵢ into the gradient while row i is still in the cache; then it updates w and b. No tinynn
 * code, no interface, no buffers for z, p or δ.
 *
 * <p><b>Why it matters.</b> tinynn's Workspace has one method per step, so every backend reads X
 * at least twice per epoch (once for X·w, once for Xᵀδ) and writes and re-reads z, p and δ. At
 * 4×1 the difference is the cost of six calls instead of one loop; at 1,000,000×16, where X is
 * 128 MB and no cache holds it, it is an extra trip through memory. This is the speed a
 * hand-tuned program with the same arithmetic could reach on one core, and the plain backend's
 * tutorial-size epoch is asked to stay within 1.5× of it.
 *
 * <p><b>Pitfalls.</b> The loss is returned (no dead code); the arrays are in a non-final
 * {@code @State} (no constant folding); the weights are reset every iteration. The sums run in
 * index order, one term at a time, like the plain backend's, so the result is the same
 * arithmetic with fewer memory trips, not a different rounding.
 *
 * <p><b>Running it</b>:
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar SinglePassFloorBenchmark -p size=4x1,1000000x16
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseTransparentHugePages", "--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class SinglePassFloorBenchmark {

    @Param({"4x1", "4x2", "1000x2", "100000x16", "1000000x16"})
    public String size;

    int n;
    int d;
    double[] x;
    double[] y;
    double[] w;
    double[] g;
    double b;
    double learningRate;

    @Setup(Level.Trial)
    public void open() {
        Dataset data = BenchData.dataset(size);
        n = data.rows();
        d = data.features();
        x = data.rowMajor();
        y = data.labels();
        w = new double[d];
        g = new double[d];
        learningRate = BenchData.LEARNING_RATE;
    }

    @Setup(Level.Iteration)
    public void reset() {
        java.util.Arrays.fill(w, 0.1);
        b = 0;
    }

    @Benchmark
    public double epoch() {
        java.util.Arrays.fill(g, 0);
        double gb = 0;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int row = i * d;
            double z = b;
            for (int j = 0; j < d; j++) {
                z += x[row + j] * w[j];
            }
            double p = 1.0 / (1.0 + Math.exp(-z));
            loss += Math.max(z, 0) - y[i] * z + Math.log1p(Math.exp(-Math.abs(z)));
            double delta = p - y[i];
            for (int j = 0; j < d; j++) {
                g[j] += delta * x[row + j];
            }
            gb += delta;
        }
        for (int j = 0; j < d; j++) {
            w[j] -= learningRate * (g[j] / n);
        }
        b -= learningRate * (gb / n);
        return loss / n;
    }
}
