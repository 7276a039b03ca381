package dev.tinynn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The memory-bandwidth reference: adding up the 16,000,000 doubles of a 1,000,000×16 input
 * (128 MB) once. No epoch can read X faster than this, so an epoch at 1,000,000×16 that reads X
 * twice cannot beat about twice this time; the target asks the fastest backend to be within 2× of it.
 *
 * <p><b>Pitfalls.</b>
 * <ul>
 *   <li><i>A loop-carried add is not a bandwidth test.</i> {@code s += a[i]} one term at a time
 *       waits for each add to finish (Java must keep the order of floating-point adds, so the JIT
 *       will not vectorise the reduction): about 4 cycles per element, far slower than memory.
 *       {@link #sum} keeps eight independent sums, which lets the CPU overlap the adds and the
 *       JIT use vector loads, so the loop waits on memory instead; {@link #sumInOrder} is the
 *       one-accumulator loop, for comparison: the gap between the two is the price of strict
 *       add order, the effect that also separates the plain backend's dot products from NumPy's.</li>
 *   <li><i>Dead code.</i> The sum is returned.</li>
 *   <li><i>Caches.</i> 128 MB is far bigger than any cache here, so every iteration reads from
 *       DRAM; a smaller array would measure the cache instead.</li>
 * </ul>
 *
 * <p><b>Running it</b>:
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar BandwidthBenchmark
 * </pre>
 * Bandwidth in GB/s is 128,000,000 / (ns per op).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Thread)
public class BandwidthBenchmark {

    double[] x;

    @Setup
    public void open() {
        x = BenchData.dataset("1000000x16").rowMajor();
    }

    @Benchmark
    public double sum() {
        double[] a = x;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int i = 0;
        for (; i + 8 <= a.length; i += 8) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
        }
        for (; i < a.length; i++) {
            s0 += a[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    @Benchmark
    public double sumInOrder() {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }
}
