package dev.tinynn.fast;

import dev.tinynn.core.Activation;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.spi.NetworkChecks;
import dev.tinynn.core.spi.NetworkWorkspace;
import java.lang.ref.Cleaner;
import java.util.Arrays;

/**
 * A network's arithmetic as loops over {@code double[]}, written for speed. Read
 * PlainNetworkWorkspace first: this one does the same steps, in the same order, on the same
 * formulas. The three products of a step (Zₗ = Aₗ₋₁·Wₗ, Gₗ = Aₗ₋₁ᵀ·Δₗ, Δₗ·Wₗᵀ) are one register-
 * and cache-blocked product ({@link MatrixKernel}: {@link VectorMatrixKernel} with the Vector API,
 * {@link ScalarMatrixKernel} without), taken {@value #TERMS} terms by {@value #ROWS} rows at a
 * time so that a panel's chunk of B stays in the level-1 cache and A's chunk in level 2. Zₗ, Aₗ
 * and Δₗ are row-major, each row padded with zeros to whole panels so that every store is whole
 * vectors; Wₗ is kept row-major and also packed into panels as Wₗ and as Wₗᵀ, repacked by
 * {@link #update} and {@link #setLayer} (2·inputs·units copies, against m·inputs·units
 * multiply-adds per product).
 *
 * <p>From {@value #PARALLEL_THRESHOLD} multiply-adds per step the selected rows are cut into one
 * block per thread. Everything but the gradient is row by row, so {@link #step} runs each block's
 * rows forward and back through every layer on its own, each block keeping its own partial Gₗ and
 * gₗ, added in block order afterwards: one hand-over to the workspace's parked threads
 * ({@link Crew}) per step, not one per operation. Every array is allocated here, once, so a step
 * allocates nothing (tested).
 *
 * <p>Rounding: the products add in another order than plain's, so the conformance suite holds it
 * to 1e-10. Z, A, Δ and the loss's terms have the same bits for any thread count; G and g, and so
 * the weights after an update, depend on the thread count (the order of the blocks' sums), never
 * on timing. {@link #step} calls the same per-block methods in the same order as the single calls
 * do, so both leave the same bits.
 */
final class FastNetworkWorkspace implements NetworkWorkspace {
    /** Multiply-adds per step from which the rows are split among the threads. */
    static final long PARALLEL_THRESHOLD = 1 << 20;
    /** Terms of a product per chunk: a panel's chunk of B (terms × panel doubles) stays in level 1. */
    static final int TERMS = 128;
    /** Rows of a product per chunk: A's chunk (rows × terms doubles) stays in level 2. */
    static final int ROWS = 256;

    private final int n;                   // rows
    private final int d;                   // features
    private final NetworkShape shape;      // sizes and hidden activation
    private final int last;                // L, the output layer
    private final double[] x;              // n×d inputs, row-major
    private final double[] y;              // n labels
    private final int panel;               // the kernel's panel width
    private final int[] ld;                // ld[l]: row length of Zₗ, Aₗ, Δₗ, units(l) padded to panels; ld[0] = d
    private final double[][] w;            // Wₗ: inputs(l)×units(l), row-major
    private final double[][] wPacked;      // Wₗ in panels of its columns, for Aₗ₋₁·Wₗ
    private final double[][] wtPacked;     // Wₗᵀ in panels of its columns (Wₗ's rows), for Δₗ·Wₗᵀ
    private final double[][] bias;         // bₗ, padded to ld[l]
    private final double[][] gw;           // Gₗ: inputs(l)×units(l)
    private final double[][] gb;           // gₗ: units(l)
    private final double[][] z;            // Zₗ: n×ld[l] (the first m rows used)
    private final double[][] a;            // Aₗ: n×ld[l]
    private final double[][] delta;        // Δₗ: n×ld[l]
    private final double[][][] blockGw;    // [block][l]: the block's Σ Aₗ₋₁ᵀ·Δₗ, inputs(l)×ld[l]
    private final double[][][] blockGb;    // [block][l]: the block's Σ rows of Δₗ
    private final double[] blockLoss;      // each block's Σ ℓ
    private final double[][] packedDelta;  // each block's scratch: a chunk of Δₗ's rows in panels
    private final int[] start;             // block k is selected rows start[k] .. start[k+1]−1
    private final long workPerRow;         // multiply-adds of one row's step
    private final MatrixKernel kernel;
    private final Crew crew;               // the threads of blocks 1, 2, …; null with one thread
    private final Cleaner.Cleanable closing;
    private final Runnable[] tasks;        // task k runs block k of the current operation

    private int from;                      // first selected row
    private int m;                         // selected rows
    private int blocks;                    // blocks of the current selection

    private static final int FORWARD = 0, ACTIVATE = 1, LOSS = 2, DELTA = 3, GRADIENT = 4, BACKPROPAGATE = 5,
            STEP = 6;
    private int operation;                 // what the tasks do now
    private int operationLayer;
    private Loss operationLoss;

    FastNetworkWorkspace(Dataset data, NetworkShape shape, int threads, boolean vectorApi) {
        NetworkChecks.requireFits(shape, data);
        this.shape = shape;
        n = data.rows();
        d = data.features();
        last = shape.layers();
        x = data.rowMajor();
        y = data.labels();
        kernel = vectorApi ? new VectorMatrixKernel() : new ScalarMatrixKernel();
        panel = kernel.panel();
        ld = new int[last + 1];
        ld[0] = d;
        w = new double[last + 1][];
        wPacked = new double[last + 1][];
        wtPacked = new double[last + 1][];
        bias = new double[last + 1][];
        gw = new double[last + 1][];
        gb = new double[last + 1][];
        z = new double[last + 1][];
        a = new double[last + 1][];
        delta = new double[last + 1][];
        long work = 0;
        for (int l = 1; l <= last; l++) {
            int in = shape.inputs(l);
            int units = shape.units(l);
            ld[l] = padded(units);
            w[l] = new double[in * units];
            wPacked[l] = new double[in * ld[l]];
            wtPacked[l] = l > 1 ? new double[units * ld[l - 1]] : null;
            bias[l] = new double[ld[l]];
            gw[l] = new double[in * units];
            gb[l] = new double[units];
            z[l] = new double[n * ld[l]];
            a[l] = new double[n * ld[l]];
            delta[l] = new double[n * ld[l]];
            work += 3L * in * units;
        }
        workPerRow = work;
        int most = (long) n * workPerRow >= PARALLEL_THRESHOLD ? Math.max(1, Math.min(threads, n)) : 1;
        blockGw = new double[most][last + 1][];
        blockGb = new double[most][last + 1][];
        for (int k = 0; k < most; k++) {
            for (int l = 1; l <= last; l++) {
                blockGw[k][l] = new double[shape.inputs(l) * ld[l]];
                blockGb[k][l] = new double[ld[l]];
            }
        }
        blockLoss = new double[most];
        int widest = Arrays.stream(ld).max().getAsInt();
        packedDelta = new double[most][TERMS * widest];
        start = new int[most + 1];
        crew = most > 1 ? new Crew(most - 1) : null;
        closing = crew == null ? null : Crew.CLEANER.register(this, crew::close);
        tasks = new Runnable[most];
        for (int k = 0; k < most; k++) {
            int block = k;
            tasks[k] = () -> runBlock(block);
        }
        selectRows(0, n);
    }

    /** units rounded up to a whole number of panels. */
    private int padded(int units) {
        return (units + panel - 1) / panel * panel;
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public NetworkShape shape() {
        return shape;
    }

    @Override
    public void setLayer(int layer, double[] weights, double[] biases) {
        NetworkChecks.requireLayer(shape, layer, weights, biases);
        System.arraycopy(weights, 0, w[layer], 0, weights.length);
        System.arraycopy(biases, 0, bias[layer], 0, biases.length);
        pack(layer);
    }

    @Override
    public void selectRows(int from, int to) {
        NetworkChecks.requireRows(from, to, n);
        this.from = from;
        m = to - from;
        blocks = (long) m * workPerRow >= PARALLEL_THRESHOLD ? Math.min(tasks.length, m) : 1;
        for (int k = 0; k <= blocks; k++) {
            start[k] = (int) ((long) m * k / blocks);
        }
    }

    @Override
    public int selectedRows() {
        return m;
    }

    // ---- The steps: each runs its per-block method on every block ----

    // Zₗ = Aₗ₋₁·Wₗ + bₗ
    @Override
    public void forward(int layer) {
        eachBlock(FORWARD, NetworkChecks.layer(shape, layer), null);
    }

    // Aₗ = fₗ(Zₗ)
    @Override
    public void activate(int layer) {
        eachBlock(ACTIVATE, NetworkChecks.layer(shape, layer), null);
    }

    // L = (1/m)·Σ ℓ(zᵢ, pᵢ, yᵢ)
    @Override
    public double loss(Loss loss) {
        eachBlock(LOSS, last, loss);
        return blockLossSum();
    }

    // Δ_L = ∂ℓ/∂z
    @Override
    public void delta(Loss loss) {
        eachBlock(DELTA, last, loss);
    }

    // Gₗ = Aₗ₋₁ᵀ·Δₗ / m,  gₗ = Σ rows of Δₗ / m
    @Override
    public void gradient(int layer) {
        eachBlock(GRADIENT, NetworkChecks.layer(shape, layer), null);
        sumGradient(layer);
    }

    // Δₗ₋₁ = (Δₗ·Wₗᵀ) ⊙ fₗ₋₁′(Zₗ₋₁, Aₗ₋₁)
    @Override
    public void backpropagate(int layer) {
        NetworkChecks.requireLayerBefore(shape, layer);
        eachBlock(BACKPROPAGATE, layer, null);
    }

    // Wₗ −= lr·Gₗ,  bₗ −= lr·gₗ
    @Override
    public void update(int layer, double learningRate) {
        double[] wl = w[NetworkChecks.layer(shape, layer)];
        double[] gl = gw[layer];
        for (int q = 0; q < wl.length; q++) {
            wl[q] -= learningRate * gl[q];
        }
        for (int j = 0; j < gb[layer].length; j++) {
            bias[layer][j] -= learningRate * gb[layer][j];
        }
        pack(layer);
    }

    /** The default {@link NetworkWorkspace#step}'s calls, each block running all of them on its rows at once. */
    @Override
    public double step(Loss loss, double learningRate) {
        eachBlock(STEP, last, loss);
        for (int l = last; l >= 1; l--) {
            sumGradient(l);
        }
        double value = blockLossSum();
        for (int l = 1; l <= last; l++) {
            update(l, learningRate);
        }
        return value;
    }

    // ---- One block's share of each step ----

    private void runBlock(int k) {
        if (k >= blocks) {
            return;
        }
        switch (operation) {
            case FORWARD -> forwardRows(k, operationLayer);
            case ACTIVATE -> activateRows(k, operationLayer);
            case LOSS -> lossRows(k, operationLoss);
            case DELTA -> deltaRows(k, operationLoss);
            case GRADIENT -> gradientRows(k, operationLayer);
            case BACKPROPAGATE -> backpropagateRows(k, operationLayer);
            default -> stepRows(k, operationLoss);
        }
    }

    /** Block k's part of {@link #step}: the single calls' per-block methods, in the default step's order. */
    private void stepRows(int k, Loss loss) {
        for (int l = 1; l <= last; l++) {
            forwardRows(k, l);
            activateRows(k, l);
        }
        lossRows(k, loss);
        deltaRows(k, loss);
        for (int l = last; l >= 1; l--) {
            gradientRows(k, l);
            if (l > 1) {
                backpropagateRows(k, l);
            }
        }
    }

    /** The array holding Aₗ₋₁'s rows (X for the first layer). */
    private double[] input(int layer) {
        return layer == 1 ? x : a[layer - 1];
    }

    /** Where selected row r of Aₗ₋₁ starts in {@link #input}. */
    private int inputAt(int layer, int r) {
        return layer == 1 ? (from + r) * d : r * ld[layer - 1];
    }

    private void forwardRows(int k, int l) {
        int r0 = start[k];
        product(input(l), inputAt(l, r0), ld[l - 1], 1, start[k + 1] - r0, shape.inputs(l),
                wPacked[l], 0, shape.inputs(l) * panel, panel, z[l], r0 * ld[l], ld[l], false, bias[l]);
    }

    private void activateRows(int k, int l) {
        int units = shape.units(l);
        if (units == ld[l]) { // no padding: the block's rows are one run of values
            activate(l, start[k] * units, (start[k + 1] - start[k]) * units);
        } else {
            for (int r = start[k]; r < start[k + 1]; r++) {
                activate(l, r * ld[l], units);
            }
        }
    }

    /** Aₗ = fₗ(Zₗ) for {@code count} values from {@code at}. */
    private void activate(int l, int at, int count) {
        double[] zl = z[l];
        double[] al = a[l];
        Activation f = shape.activationOf(l);
        if (f == Activation.SIGMOID) {
            kernel.sigmoid(zl, al, at, count);
        } else {
            for (int q = at; q < at + count; q++) {
                al[q] = f.of(zl[q]);
            }
        }
    }

    private void lossRows(int k, Loss loss) {
        int step = ld[last];
        double sum = 0;
        for (int r = start[k]; r < start[k + 1]; r++) {
            sum += loss.of(z[last][r * step], a[last][r * step], y[from + r]);
        }
        blockLoss[k] = sum;
    }

    private void deltaRows(int k, Loss loss) {
        int step = ld[last];
        for (int r = start[k]; r < start[k + 1]; r++) {
            delta[last][r * step] = loss.dz(a[last][r * step], y[from + r]);
        }
    }

    private void gradientRows(int k, int l) {
        int r0 = start[k];
        int r1 = start[k + 1];
        double[] packed = packedDelta[k];
        // Aₗ₋₁ᵀ·Δₗ: the rows are the sum's terms, so A is read with its strides swapped, and Δₗ's
        // rows are packed a chunk at a time (its rows are far apart in memory; packed, they are not)
        for (int t0 = r0; t0 < r1; t0 += TERMS) {
            int terms = Math.min(TERMS, r1 - t0);
            packRows(delta[l], t0, terms, ld[l], packed);
            product(input(l), inputAt(l, t0), 1, ld[l - 1], shape.inputs(l), terms,
                    packed, 0, terms * panel, panel, blockGw[k][l], 0, ld[l], t0 > r0, null);
        }
        double[] sums = blockGb[k][l];
        Arrays.fill(sums, 0);
        int units = shape.units(l);
        for (int r = r0; r < r1; r++) {
            for (int j = 0; j < units; j++) {
                sums[j] += delta[l][r * ld[l] + j];
            }
        }
    }

    /** Rows from .. from+count−1 of a padded row-major matrix (ldm columns) into panels. */
    private void packRows(double[] matrix, int from, int count, int ldm, double[] packed) {
        for (int p = 0; p < ldm / panel; p++) {
            for (int t = 0; t < count; t++) {
                System.arraycopy(matrix, (from + t) * ldm + p * panel, packed, (p * count + t) * panel, panel);
            }
        }
    }

    private void backpropagateRows(int k, int l) {
        int r0 = start[k];
        int r1 = start[k + 1];
        int before = l - 1;
        product(delta[l], r0 * ld[l], ld[l], 1, r1 - r0, shape.units(l),
                wtPacked[l], 0, shape.units(l) * panel, panel, delta[before], r0 * ld[before], ld[before], false, null);
        Activation f = shape.activationOf(before);
        int units = shape.units(before);
        double[] db = delta[before];
        for (int r = r0; r < r1; r++) {
            for (int q = r * ld[before]; q < r * ld[before] + units; q++) {
                db[q] *= f.slope(z[before][q], a[before][q]);
            }
        }
    }

    /**
     * C = A·B (+ bias), or C += A·B with {@code add}, for {@code rows} rows of C, in chunks of
     * {@value #TERMS} terms and {@value #ROWS} rows; see {@link MatrixKernel#multiply} for the
     * arguments. Row r of C at {@code c[cAt + r·ldc]}, ldc columns (a whole number of panels).
     */
    private void product(double[] a, int aAt, int aRowStride, int aStepStride, int rows, int steps,
            double[] b, int bAt, int bPanelStride, int bRowStride, double[] c, int cAt, int ldc, boolean add,
            double[] bias) {
        for (int t0 = 0; t0 < steps; t0 += TERMS) {
            int terms = Math.min(TERMS, steps - t0);
            double[] lastBias = t0 + terms == steps ? bias : null;
            for (int r0 = 0; r0 < rows; r0 += ROWS) {
                kernel.multiply(a, aAt + r0 * aRowStride + t0 * aStepStride, aRowStride, aStepStride,
                        Math.min(ROWS, rows - r0), terms, b, bAt + t0 * bRowStride, bPanelStride, bRowStride,
                        c, cAt + r0 * ldc, ldc, ldc, add || t0 > 0, lastBias);
            }
        }
    }

    // ---- After the blocks ----

    /** Gₗ and gₗ from the blocks' partial sums, added in block order, over m. */
    private void sumGradient(int l) {
        int in = shape.inputs(l);
        int units = shape.units(l);
        for (int k2 = 0; k2 < in; k2++) {
            for (int j = 0; j < units; j++) {
                double sum = 0;
                for (int k = 0; k < blocks; k++) {
                    sum += blockGw[k][l][k2 * ld[l] + j];
                }
                gw[l][k2 * units + j] = sum / m;
            }
        }
        for (int j = 0; j < units; j++) {
            double sum = 0;
            for (int k = 0; k < blocks; k++) {
                sum += blockGb[k][l][j];
            }
            gb[l][j] = sum / m;
        }
    }

    private double blockLossSum() {
        double sum = 0;
        for (int k = 0; k < blocks; k++) {
            sum += blockLoss[k];
        }
        return sum / m;
    }

    /** Packs Wₗ (for Aₗ₋₁·Wₗ) and Wₗᵀ (for Δₗ·Wₗᵀ) into panels, zeros beyond the last column. */
    private void pack(int l) {
        int in = shape.inputs(l);
        int units = shape.units(l);
        double[] wl = w[l];
        double[] packed = wPacked[l];
        for (int p = 0; p < ld[l] / panel; p++) {
            for (int t = 0; t < in; t++) {
                for (int c = 0; c < panel; c++) {
                    int column = p * panel + c;
                    packed[(p * in + t) * panel + c] = column < units ? wl[t * units + column] : 0;
                }
            }
        }
        if (l > 1) {
            double[] transposed = wtPacked[l];
            for (int p = 0; p < ld[l - 1] / panel; p++) {
                for (int t = 0; t < units; t++) {
                    for (int c = 0; c < panel; c++) {
                        int column = p * panel + c;
                        transposed[(p * units + t) * panel + c] = column < in ? wl[column * units + t] : 0;
                    }
                }
            }
        }
    }

    /** Runs {@code operation} on every block: block 0 on this thread, the others on the crew's threads. */
    private void eachBlock(int operation, int layer, Loss loss) {
        this.operation = operation;
        this.operationLayer = layer;
        this.operationLoss = loss;
        if (blocks == 1) {
            runBlock(0);
        } else {
            crew.run(tasks);
        }
    }

    @Override
    public void read(Matrix matrix, int layer, double[] out) {
        int length = NetworkChecks.requireLength(matrix, shape, layer, m, out);
        switch (matrix) {
            case WEIGHTS -> System.arraycopy(w[layer], 0, out, 0, length);
            case BIASES -> System.arraycopy(bias[layer], 0, out, 0, length);
            case WEIGHT_GRADIENT -> System.arraycopy(gw[layer], 0, out, 0, length);
            case BIAS_GRADIENT -> System.arraycopy(gb[layer], 0, out, 0, length);
            case Z -> unpad(z[layer], layer, out);
            case A -> unpad(a[layer], layer, out);
            case DELTA -> unpad(delta[layer], layer, out);
        }
    }

    /** The selected rows of a padded buffer, without the padding. */
    private void unpad(double[] padded, int layer, double[] out) {
        int units = shape.units(layer);
        for (int r = 0; r < m; r++) {
            System.arraycopy(padded, r * ld[layer], out, r * units, units);
        }
    }


    /** Ends the crew's threads, if the rows can be split among several. */
    @Override
    public void close() {
        if (closing != null) {
            closing.clean();
        }
    }
}
