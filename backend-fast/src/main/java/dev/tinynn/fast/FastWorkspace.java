package dev.tinynn.fast;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;
import java.lang.ref.Cleaner;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The neuron's arithmetic as loops over {@code double[]}, like PlainWorkspace, rearranged so that
 * a large epoch costs little more than one read of X from memory. Read PlainWorkspace first: this
 * one does the same steps on the same formulas. The arithmetic on a chunk of rows is a
 * {@link Kernel} ({@link VectorKernel} when the JVM has the Vector API, {@link ScalarKernel}
 * otherwise); this class holds the order of the work.
 *
 * <ul>
 *   <li><b>A fused epoch that reads X once.</b> The six steps one by one read X twice (forward,
 *       gradient). {@link #epoch} instead walks the rows once, {@value #CHUNK} at a time: their z,
 *       p, loss and δ, then their share of g while those rows of X are still in the cache. z, p
 *       and δ never go to memory: they are recomputed from the weights the epoch started with, by
 *       the same arithmetic and so to the same bits, only if someone reads them afterwards.</li>
 *   <li><b>Several cores for large data.</b> From {@value #PARALLEL_THRESHOLD} input values up,
 *       the rows are cut into one contiguous block per thread, run on the workspace's own parked
 *       threads ({@link Crew}), and the blocks' partial sums are added in block order: the bits
 *       depend on the thread count and the kernel, never on which thread finishes first. Below
 *       that, handing work to another thread costs more than it saves, and everything runs on the
 *       caller's thread (measured: benchmarks/results/design-notes.md#fastworkspace).</li>
 * </ul>
 *
 * <p>Every array is allocated here, once, so an epoch allocates nothing on any number of threads
 * (tested); closing the workspace ends its threads. Rounding: the chunks' and blocks' sums are not
 * plain's order, so agreement with plain is tested to the suite's 1e-10; the six steps call the
 * same kernel on the same chunks in the same block order as the fused epoch, so those two agree to
 * the bit (tested to 1e-12).
 */
final class FastWorkspace implements Workspace {
    /** Input values (n·d) from which the steps run on several threads. */
    static final long PARALLEL_THRESHOLD = 1 << 17;

    /**
     * Rows per chunk of the fused epoch: 64 rows of 16 features are 8 KB, still in the level-1
     * cache when the gradient reads them a second time. Smaller chunks pay the per-chunk work more
     * often; larger ones leave the memory idle longer while the chunk is computed (the sizes tried:
     * benchmarks/results/design-notes.md#fastworkspace).
     */
    static final int CHUNK = 64;

    private final int n;          // rows
    private final int d;          // features
    private final double[] x;     // n×d inputs, row-major
    private final double[] y;     // n labels
    private final double[] w;     // d weights
    private double b;             // bias
    private final double[] z;     // n raw scores
    private final double[] p;     // n probabilities
    private final double[] delta; // n values of ∂ℓ/∂z
    private final double[] g;     // d gradient entries
    private double gb;            // gradient for b

    private final int[] start;          // block k is rows start[k] .. start[k+1]−1
    private final double[][] blockG;    // each block's Σ δᵢ·xᵢ, and Σ δᵢ at index d
    private final double[] blockLoss;   // each block's Σ ℓ
    private final double[][] scratch;   // each block's z, p and δ for one chunk: 3 × CHUNK
    private final Runnable[] fusedTasks; // block k's part of the fused epoch

    private Loss blockLossFunction;     // the loss the blocks are computing

    // After a fused epoch, z, p and δ are not in their arrays: they are those of w and b before
    // the update, kept here, and are written out the first time anything needs them.
    private final double[] epochW;
    private double epochB;
    private Loss epochLoss;
    private boolean stale;

    private final Crew crew;            // the threads of blocks 1, 2, …; null with one block
    private final Cleaner.Cleanable closing; // closes the crew when the workspace is closed or dropped
    private final Kernel[] kernels;     // block k's arithmetic on a chunk of rows (a kernel has scratch of its own)

    FastWorkspace(Dataset data, int threads, boolean vectorApi) {
        n = data.rows();
        d = data.features();
        x = data.rowMajor();
        y = data.labels();
        w = new double[d];
        z = new double[n];
        p = new double[n];
        delta = new double[n];
        g = new double[d];
        epochW = new double[d];
        int blocks = (long) n * d >= PARALLEL_THRESHOLD ? Math.max(1, Math.min(threads, n)) : 1;
        start = new int[blocks + 1];
        for (int k = 0; k <= blocks; k++) {
            start[k] = (int) ((long) n * k / blocks);
        }
        blockG = new double[blocks][d + 1];
        blockLoss = new double[blocks];
        scratch = new double[blocks][3 * CHUNK];
        // Fewer rows than a vector holds would all take the vector kernel's one-value path, which is
        // slower than ScalarKernel's (its own e^x against the JIT's Math.exp): the tutorial's 4×1 stays scalar.
        boolean vectors = vectorApi && n >= VectorKernel.LANES;
        kernels = new Kernel[blocks];
        for (int k = 0; k < blocks; k++) {
            kernels[k] = vectors ? new VectorKernel(x, y, d) : new ScalarKernel(x, y, d);
        }
        crew = blocks > 1 ? new Crew(blocks - 1) : null;
        closing = crew == null ? null : Crew.CLEANER.register(this, crew::close);
        fusedTasks = new Runnable[blocks];
        for (int k = 0; k < blocks; k++) {
            int block = k;
            fusedTasks[k] = () -> fusedRows(block);
        }
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public int features() {
        return d;
    }

    @Override
    public void setParameters(double[] weights, double bias) {
        System.arraycopy(weights, 0, w, 0, d);
        b = bias;
    }

    // ---- The fused epoch ----

    @Override
    public double epoch(Loss loss, double learningRate) {
        // z, p and δ of an earlier fused epoch, if never written out, are simply replaced
        System.arraycopy(w, 0, epochW, 0, d);
        epochB = b;
        epochLoss = loss;
        eachBlock(fusedTasks);
        stale = true;
        double value = blockLossSum();
        sumGradient();
        update(learningRate);
        return value;
    }

    /** Block k of the fused epoch: its rows' loss into blockLoss[k] and Σ δᵢ·xᵢ, Σ δᵢ into blockG[k]. */
    private void fusedRows(int k) {
        double[] sums = blockG[k];
        Arrays.fill(sums, 0);
        double[] buffer = scratch[k];
        Kernel kernel = kernels[k];
        double loss = 0;
        for (int from = start[k]; from < start[k + 1]; from += CHUNK) {
            int to = Math.min(from + CHUNK, start[k + 1]);
            int m = to - from;
            kernel.scores(from, m, epochW, epochB, buffer, 0);
            kernel.probabilities(buffer, 0, buffer, CHUNK, m);
            loss += chunkLoss(kernel, epochLoss, buffer, 0, buffer, CHUNK, from, m);
            deltas(epochLoss, buffer, CHUNK, buffer, 2 * CHUNK, from, m);
            kernel.addGradient(sums, buffer, 2 * CHUNK, from, m);
        }
        blockLoss[k] = loss;
    }

    /** Writes the last fused epoch's z, p and δ into their arrays, if they are not there yet. */
    private void writeOut() {
        if (!stale) {
            return;
        }
        stale = false;
        kernels[0].scores(0, n, epochW, epochB, z, 0);
        kernels[0].probabilities(z, 0, p, 0, n);
        deltas(epochLoss, p, 0, delta, 0, 0, n);
    }

    // ---- The losses' arithmetic: cross-entropy's is the kernel's, squared error's is Loss's own ----

    /** Σ ℓ over rows from .. from+m−1, with their z at zs[zAt..] and p at ps[pAt..]. */
    private double chunkLoss(Kernel kernel, Loss loss, double[] zs, int zAt, double[] ps, int pAt, int from, int m) {
        if (loss == Loss.CROSS_ENTROPY) {
            return kernel.crossEntropy(zs, zAt, ps, pAt, from, m);
        }
        double sum = 0;
        for (int r = 0; r < m; r++) {
            sum += loss.of(zs[zAt + r], ps[pAt + r], y[from + r]);
        }
        return sum;
    }

    /** δ for rows from .. from+m−1, from their p at ps[pAt..], into out[outAt..]. */
    private void deltas(Loss loss, double[] ps, int pAt, double[] out, int outAt, int from, int m) {
        if (loss == Loss.CROSS_ENTROPY) {
            for (int r = 0; r < m; r++) {
                out[outAt + r] = ps[pAt + r] - y[from + r];
            }
        } else {
            for (int r = 0; r < m; r++) {
                out[outAt + r] = loss.dz(ps[pAt + r], y[from + r]);
            }
        }
    }

    // ---- The six steps ----

    // z = X·w + b
    @Override
    public void forward() {
        writeOut();
        eachBlock(k -> {
            for (int from = start[k]; from < start[k + 1]; from += CHUNK) {
                kernels[k].scores(from, Math.min(CHUNK, start[k + 1] - from), w, b, z, from);
            }
        });
    }

    // p = σ(z)
    @Override
    public void sigmoid() {
        writeOut();
        eachBlock(k -> {
            for (int from = start[k]; from < start[k + 1]; from += CHUNK) {
                kernels[k].probabilities(z, from, p, from, Math.min(CHUNK, start[k + 1] - from));
            }
        });
    }

    // L = (1/n)·Σ ℓ(zᵢ, pᵢ, yᵢ), chunk by chunk within each block, as the fused epoch adds it up
    @Override
    public double loss(Loss loss) {
        writeOut();
        blockLossFunction = loss;
        eachBlock(this::lossRows);
        return blockLossSum();
    }

    private void lossRows(int k) {
        double sum = 0;
        for (int from = start[k]; from < start[k + 1]; from += CHUNK) {
            int m = Math.min(CHUNK, start[k + 1] - from);
            sum += chunkLoss(kernels[k], blockLossFunction, z, from, p, from, from, m);
        }
        blockLoss[k] = sum;
    }

    private double blockLossSum() {
        double sum = 0;
        for (double s : blockLoss) {
            sum += s;
        }
        return sum / n;
    }

    // δᵢ = ∂ℓ/∂zᵢ
    @Override
    public void delta(Loss loss) {
        writeOut();
        deltas(loss, p, 0, delta, 0, 0, n);
    }

    // g = Xᵀ·δ / n,  g_b = Σδ / n
    @Override
    public void gradient() {
        writeOut();
        eachBlock(this::gradientRows);
        sumGradient();
    }

    private void gradientRows(int k) {
        double[] sums = blockG[k];
        Arrays.fill(sums, 0);
        for (int from = start[k]; from < start[k + 1]; from += CHUNK) {
            kernels[k].addGradient(sums, delta, from, from, Math.min(CHUNK, start[k + 1] - from));
        }
    }

    /** g and g_b from the blocks' partial sums, added in block order. */
    private void sumGradient() {
        Arrays.fill(g, 0);
        gb = 0;
        for (double[] part : blockG) {
            for (int j = 0; j < d; j++) {
                g[j] += part[j];
            }
            gb += part[d];
        }
        for (int j = 0; j < d; j++) {
            g[j] /= n;
        }
        gb /= n;
    }

    // w −= lr·g,  b −= lr·g_b
    @Override
    public void update(double learningRate) {
        for (int j = 0; j < d; j++) {
            w[j] -= learningRate * g[j];
        }
        b -= learningRate * gb;
    }

    // zᵢ = xᵢ·w + b
    @Override
    public double forwardRow(int i) {
        return kernels[0].score(i, w, b);
    }

    // w −= step·xᵢ,  b −= step
    @Override
    public void updateRow(int i, double step) {
        for (int j = 0; j < d; j++) {
            w[j] -= step * x[i * d + j];
        }
        b -= step;
    }

    @Override
    public void read(Buffer buffer, double[] out) {
        if (buffer == Buffer.Z || buffer == Buffer.P || buffer == Buffer.DELTA) {
            writeOut();
        }
        double[] source = switch (buffer) {
            case WEIGHTS -> w;
            case GRADIENT -> g;
            case Z -> z;
            case P -> p;
            case DELTA -> delta;
        };
        System.arraycopy(source, 0, out, 0, source.length);
    }

    @Override
    public double bias() {
        return b;
    }

    @Override
    public double biasGradient() {
        return gb;
    }

    /** Runs {@code block} for every block: block 0 on this thread, the others on the crew's threads. */
    private void eachBlock(IntConsumer block) {
        if (start.length == 2) {
            block.accept(0);
            return;
        }
        Runnable[] tasks = new Runnable[start.length - 1];
        for (int k = 0; k < tasks.length; k++) {
            int index = k;
            tasks[k] = () -> block.accept(index);
        }
        eachBlock(tasks);
    }

    /** Runs task k for every block k: task 0 on this thread, the others on the crew's threads. */
    private void eachBlock(Runnable[] tasks) {
        if (crew == null) {
            tasks[0].run();
        } else {
            crew.run(tasks);
        }
    }

    /** Ends the crew's threads, if the rows were split among several. */
    @Override
    public void close() {
        if (closing != null) {
            closing.clean();
        }
    }
}
