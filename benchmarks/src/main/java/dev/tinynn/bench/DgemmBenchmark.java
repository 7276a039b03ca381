package dev.tinynn.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The hardware's ceiling for the network epochs: C = A·B for two square matrices of doubles, as
 * fast as each library does it. {@code nd4j-default} is ND4J's raw {@code mmuli} (OpenBLAS's dgemm,
 * bundled with ND4J) on every core, {@code nd4j} the same on one thread; {@code ejml} is
 * {@code CommonOps_DDRM.mult} (blocked Java, one thread); {@code plain} a plain i-k-j loop. NumPy's
 * {@code @} is the other ceiling, timed by {@code benchmarks/network_peers.py}. GFLOP/s is
 * 2·n³ / time.
 *
 * <p><b>Pitfalls.</b>
 * <ul>
 *   <li><i>Size.</i> At 1,024 the three matrices are 8 MB each, larger than the caches: the
 *       number is what a blocked kernel gets with data streaming from memory, which is also what
 *       the widest network epoch faces. At 256 (0.5 MB each) they fit in the level-2 cache.</li>
 *   <li><i>Threads.</i> OpenBLAS's thread count is set through ND4J the way the nd4j backend sets
 *       it ({@link Nd4jThreads}), once per fork (the library is a {@code @Param}).</li>
 *   <li><i>Dead code.</i> One entry of C is returned; C is written in place, so nothing is
 *       allocated per call except ND4J's op objects.</li>
 *   <li><i>Turbo.</i> A dgemm at full tilt on every core may run the cores at a lower clock than
 *       a one-core loop; both figures are what a program gets, which is the point.</li>
 * </ul>
 *
 * <p><b>Running it</b>:
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar DgemmBenchmark -p library=nd4j,nd4j-default -p n=1024
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseTransparentHugePages", "--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class DgemmBenchmark {

    @Param({"nd4j-default", "nd4j", "ejml", "plain"})
    public String library;

    @Param({"256", "1024"})
    public int n;

    INDArray a;
    INDArray b;
    INDArray c;
    DMatrixRMaj ea;
    DMatrixRMaj eb;
    DMatrixRMaj ec;
    double[] pa;
    double[] pb;
    double[] pc;

    @Setup
    public void open() {
        double[] left = random(n, 1);
        double[] right = random(n, 2);
        switch (library) {
            case "nd4j", "nd4j-default" -> {
                Nd4jThreads.start(Nd4jThreads.forName(library));
                a = Nd4j.create(left, new long[] {n, n}, DataType.DOUBLE);
                b = Nd4j.create(right, new long[] {n, n}, DataType.DOUBLE);
                c = Nd4j.create(DataType.DOUBLE, new long[] {n, n}, 'c');
            }
            case "ejml" -> {
                ea = DMatrixRMaj.wrap(n, n, left);
                eb = DMatrixRMaj.wrap(n, n, right);
                ec = new DMatrixRMaj(n, n);
            }
            case "plain" -> {
                pa = left;
                pb = right;
                pc = new double[n * n];
            }
            default -> throw new IllegalArgumentException("no dgemm for '" + library + "'");
        }
    }

    private static double[] random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n * n];
        for (int k = 0; k < values.length; k++) {
            values[k] = random.nextDouble(-1, 1);
        }
        return values;
    }

    @TearDown
    public void close() {
        if (a != null) {
            a.close();
            b.close();
            c.close();
        }
    }

    @Benchmark
    public double multiply() {
        switch (library) {
            case "ejml" -> {
                CommonOps_DDRM.mult(ea, eb, ec);
                return ec.data[n + 1];
            }
            case "plain" -> {
                return plain(pa, pb, pc, n);
            }
            default -> {
                a.mmuli(b, c);
                return c.getDouble(1, 1);
            }
        }
    }

    /** C = A·B, i-k-j: the inner loop runs along a row of B and of C, which the JIT vectorises. */
    static double plain(double[] a, double[] b, double[] c, int n) {
        java.util.Arrays.fill(c, 0);
        for (int i = 0; i < n; i++) {
            int ci = i * n;
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                int bk = k * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aik * b[bk + j];
                }
            }
        }
        return c[n + 1];
    }
}
