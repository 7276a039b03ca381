package dev.tinynn.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The memory-bandwidth floor: adding up the 16,000,000 doubles of a 1,000,000×16 input (128 MB)
 * once. No epoch can read X faster than this. {@link #sumAllCores} is the floor: the fastest
 * single read of X this machine does, one contiguous block per core (as the fast backend splits
 * its rows) each summed with independent accumulators that the processor overlaps; the epoch
 * target compares {@code fast}'s fused epoch, which reads X once, with it. {@link #sum} is the
 * same read on one thread, and {@link #sumInOrder} the one-accumulator loop.
 *
 * <p><b>Pitfalls.</b>
 * <ul>
 *   <li><i>A loop-carried add is not a bandwidth test.</i> {@code s += a[i]} one term at a time
 *       waits for each add to finish (Java must keep the order of floating-point adds, so the JIT
 *       will not vectorise the reduction), far slower than memory
 *       (benchmarks/results/design-notes.md#bandwidthbenchmark).
 *       {@link #sum} keeps eight independent sums, which lets the CPU overlap the adds and the
 *       JIT use vector loads, so the loop waits on memory instead; {@link #sumInOrder} is the
 *       one-accumulator loop, for comparison: the gap between the two is the price of strict
 *       add order, the effect that also separates the plain backend's dot products from NumPy's.</li>
 *   <li><i>One core may not saturate memory.</i> A single core has only so many cache misses in
 *       flight; two cores reading two halves can go faster, which is why the floor uses all of
 *       them. Their threads live as long as the benchmark and each call hands them one block
 *       each, the same hand-off cost the fast backend pays per parallel epoch.</li>
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
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseTransparentHugePages", "--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class BandwidthBenchmark {

    double[] x;
    int cores;
    ExecutorService pool;

    @Setup
    public void open() {
        x = BenchData.dataset("1000000x16").rowMajor();
        cores = Runtime.getRuntime().availableProcessors();
        pool = Executors.newFixedThreadPool(Math.max(1, cores - 1), task -> {
            Thread thread = new Thread(task, "bandwidth");
            thread.setDaemon(true);
            return thread;
        });
    }

    @TearDown
    public void close() {
        pool.shutdownNow();
    }

    @Benchmark
    public double sum() {
        return sum(x, 0, x.length);
    }

    /** The floor: one block per core, block 0 on this thread, summed in block order. */
    @Benchmark
    public double sumAllCores() throws InterruptedException, ExecutionException {
        double[] a = x;
        int blocks = cores;
        @SuppressWarnings("unchecked")
        Future<Double>[] others = new Future[blocks - 1];
        for (int k = 1; k < blocks; k++) {
            int from = (int) ((long) a.length * k / blocks);
            int to = (int) ((long) a.length * (k + 1) / blocks);
            others[k - 1] = pool.submit(() -> sum(a, from, to));
        }
        double total = sum(a, 0, (int) ((long) a.length / blocks));
        for (Future<Double> other : others) {
            total += other.get();
        }
        return total;
    }

    /** a[from] + … + a[to − 1] with eight independent sums. */
    private static double sum(double[] a, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
        }
        for (; i < to; i++) {
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
