package dev.tinynn.fast;

/**
 * The fast backend's arithmetic one row at a time, in plain Java: what runs when the JDK's Vector
 * API is not there (the JVM was started without {@code --add-modules jdk.incubator.vector}).
 *
 * <ul>
 *   <li><b>σ as plain computes it</b>, 1 / (1 + e^−z), with {@code Math.exp}.</li>
 *   <li><b>One logarithm per chunk for the loss.</b> The stable cross-entropy's ln(1 + e^−|z|)
 *       equals −ln p when z ≥ 0 and −ln(1 − p) when z &lt; 0, and that "likely" probability is
 *       between ½ and 1; so the chunk multiplies them (the product stays above 2^−{@value
 *       FastWorkspace#CHUNK}, far from underflow) and takes one {@code Math.log} of the product.
 *       {@code Math.log1p}, which plain uses, is not a JIT intrinsic in Java 17 but a call into
 *       native fdlibm, and was the largest part of plain's large epoch. Each product rounds once
 *       per row, so the loss is accurate to about 1e-14 relative, far inside the suite's 1e-10.</li>
 *   <li><b>Eight gradient columns at a time</b>, each added up over the chunk in a local variable.</li>
 * </ul>
 *
 * <p>What it does not do: split each row's dot product over four independent sums. A row is a
 * chain of only d adds and the processor already overlaps the chains of consecutive rows, so the
 * unrolled loop was slower. The measurements behind these choices:
 * benchmarks/results/design-notes.md#scalarkernel.
 */
final class ScalarKernel implements Kernel {
    private final double[] x; // n×d inputs, row-major
    private final double[] y; // n labels
    private final int d;      // features

    ScalarKernel(double[] x, double[] y, int d) {
        this.x = x;
        this.y = y;
        this.d = d;
    }

    @Override
    public double score(int i, double[] w, double b) {
        double sum = 0;
        int row = i * d;
        for (int j = 0; j < d; j++) {
            sum += x[row + j] * w[j];
        }
        return sum + b;
    }

    @Override
    public void probabilities(double[] zs, int zAt, double[] ps, int pAt, int m) {
        for (int r = 0; r < m; r++) {
            ps[pAt + r] = 1.0 / (1.0 + Math.exp(-zs[zAt + r]));
        }
    }

    @Override
    public double crossEntropy(double[] zs, int zAt, double[] ps, int pAt, int from, int m) {
        double linear = 0;
        double likely = 1;
        for (int r = 0; r < m; r++) {
            double zi = zs[zAt + r];
            double pi = ps[pAt + r];
            linear += Math.max(zi, 0) - y[from + r] * zi;
            likely *= zi >= 0 ? pi : 1 - pi; // a select, not a branch: random signs cost no mispredictions
        }
        return linear - Math.log(likely);
    }

    /**
     * Eight columns at a time, each added up over the chunk in a local variable: the processor
     * keeps eight sums in registers and overlaps their adds, where {@code sums[j] += δᵢ·xᵢⱼ} row
     * after row would wait for each store to come back from memory (measured: see the class comment).
     */
    @Override
    public void addGradient(double[] sums, double[] ds, int dAt, int from, int m) {
        double[] x = this.x;
        int d = this.d;
        int j = 0;
        for (; j + 8 <= d; j += 8) {
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
            for (int r = 0; r < m; r++) {
                double di = ds[dAt + r];
                int at = (from + r) * d + j;
                a0 += di * x[at];
                a1 += di * x[at + 1];
                a2 += di * x[at + 2];
                a3 += di * x[at + 3];
                a4 += di * x[at + 4];
                a5 += di * x[at + 5];
                a6 += di * x[at + 6];
                a7 += di * x[at + 7];
            }
            sums[j] += a0;
            sums[j + 1] += a1;
            sums[j + 2] += a2;
            sums[j + 3] += a3;
            sums[j + 4] += a4;
            sums[j + 5] += a5;
            sums[j + 6] += a6;
            sums[j + 7] += a7;
        }
        for (; j < d; j++) {
            double a = 0;
            for (int r = 0; r < m; r++) {
                a += ds[dAt + r] * x[(from + r) * d + j];
            }
            sums[j] += a;
        }
        double sumDelta = 0;
        for (int r = 0; r < m; r++) {
            sumDelta += ds[dAt + r];
        }
        sums[d] += sumDelta;
    }

    @Override
    public String description() {
        return "scalar";
    }
}
