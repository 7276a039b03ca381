package dev.tinynn.bench;

import dev.tinynn.core.Activation;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.NetworkShape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The networks every network benchmark, floor and peer shares: one hidden layer of sigmoid units,
 * then the output neuron, trained with cross-entropy at learning rate 0.1.
 *
 * <p>A network is named {@code n x w}: n rows of w features and w hidden units (d = H = w, so one
 * number says how wide the matrices are), on {@link BenchData#dataset random data} of that size;
 * or {@code xor}: the four rows of XOR, d = 2, H = 4, the tutorial's network. Every benchmark
 * and peer starts from the same {@link #initialLayers initial weights}, drawn from a fixed seed.
 *
 * <p><b>Flops.</b> One batch epoch makes five matrix products; counting a product of an a×k and a
 * k×b matrix as 2·a·k·b flops (one multiply and one add per term), they are
 * <pre>
 *   Z₁ = X·W₁          n×d · d×H     2·n·d·H
 *   z  = A₁·w₂         n×H · H×1     2·n·H
 *   G₂ = A₁ᵀ·δ         H×n · n×1     2·n·H
 *   Δ₁ = (δ·w₂ᵀ) ⊙ …   n×1 · 1×H     2·n·H    (inner size 1: n·H multiplies, counted as a product)
 *   G₁ = Xᵀ·Δ₁         d×n · n×H     2·n·d·H
 * </pre>
 * so {@link #flops} = 4·n·d·H + 6·n·H = 2·n·H·(2d + 3). The element-wise work (the sigmoids,
 * their slopes, the loss, the updates) is O(n·H) and not counted: GFLOP/s here is the products'
 * rate, comparable with a matrix multiply's. For d = H ≥ 16 the two big products are over 90%
 * of the count.
 */
public final class Networks {
    /** The batch sweep: XOR, then n = 10,000 at every width, then n = 100,000 where an epoch takes under a second. */
    public static final List<String> BATCH = List.of("xor", "10000x2", "10000x4", "10000x16", "10000x64",
            "10000x256", "10000x1024", "100000x16", "100000x64");

    /** The online sweep (one update per row): n = 10,000 at H = 4, 64 and 256. */
    public static final List<String> ONLINE = List.of("10000x4", "10000x64", "10000x256");

    /** XOR's hidden units (the tutorial's {@code tinynn train --data xor --hidden 4}). */
    static final int XOR_HIDDEN = 4;

    /** The seed of every initial weight. */
    static final long WEIGHT_SEED = 20261207L;

    private Networks() {
    }

    /** n, the rows of a network's data. */
    public static int rows(String net) {
        return net.equals("xor") ? 4 : BenchData.rows(net);
    }

    /** d, its features. */
    public static int features(String net) {
        return net.equals("xor") ? 2 : BenchData.features(net);
    }

    /** H, its hidden units. */
    public static int hidden(String net) {
        return net.equals("xor") ? XOR_HIDDEN : BenchData.features(net);
    }

    /** The width a chart or a crossover puts this network at: H. */
    public static int width(String net) {
        return hidden(net);
    }

    /** The flops of one batch epoch's products, 2·n·H·(2d + 3) (see the class comment). */
    public static double flops(String net) {
        return flops(rows(net), features(net), hidden(net));
    }

    /** 2·n·H·(2d + 3) (see the class comment); for m selected rows, m in place of n. */
    public static double flops(long n, long d, long h) {
        return 2.0 * n * h * (2 * d + 3);
    }

    /** The data: XOR's four rows, or {@link BenchData#dataset} of n × w. */
    public static Dataset dataset(String net) {
        return net.equals("xor") ? Datasets.xor() : BenchData.dataset(net);
    }

    /** d → H sigmoid units → the output neuron. */
    public static NetworkShape shape(String net) {
        return new NetworkShape(features(net), new int[] {hidden(net)}, Activation.SIGMOID);
    }

    /**
     * The starting weights, {@code [W₁ (d×H, row-major), b₁ (H), w₂ (H), b₂ (1)]}: Glorot's uniform
     * rule, each weight of layer l uniform in ±√(6 / (inputs + units)), so the sigmoids start in
     * their steep middle; biases 0. Drawn from {@link #WEIGHT_SEED}, the same for every benchmark
     * and peer.
     */
    public static double[][] initialLayers(String net) {
        int d = features(net);
        int h = hidden(net);
        SplittableRandom random = new SplittableRandom(WEIGHT_SEED);
        double[] w1 = new double[d * h];
        double limit1 = Math.sqrt(6.0 / (d + h));
        for (int k = 0; k < w1.length; k++) {
            w1[k] = random.nextDouble(-limit1, limit1);
        }
        double[] w2 = new double[h];
        double limit2 = Math.sqrt(6.0 / (h + 1));
        for (int j = 0; j < h; j++) {
            w2[j] = random.nextDouble(-limit2, limit2);
        }
        return new double[][] {w1, new double[h], w2, new double[1]};
    }

    /** How far a peer's weights after one epoch may be from the reference's. */
    public static final double TOLERANCE = 1e-9;

    /**
     * Throws unless every value of {@code actual} is within {@link #TOLERANCE}·max(1, |expected|) of
     * {@code expected}; the message names the peer and the first value out of tolerance.
     */
    public static void check(String peer, double[][] actual, double[][] expected) {
        String[] names = {"W1", "b1", "w2", "b2"};
        for (int l = 0; l < expected.length; l++) {
            if (actual[l].length != expected[l].length) {
                throw new IllegalStateException(peer + "'s " + names[l] + " has " + actual[l].length + " values, expected "
                        + expected[l].length);
            }
            for (int k = 0; k < expected[l].length; k++) {
                double diff = Math.abs(actual[l][k] - expected[l][k]);
                if (!(diff <= TOLERANCE * Math.max(1, Math.abs(expected[l][k])))) {
                    throw new IllegalStateException(peer + " does not train the same network: after one epoch its "
                            + names[l] + "[" + k + "] is " + actual[l][k] + ", the reference's " + expected[l][k]
                            + " (difference " + diff + ", allowed " + TOLERANCE + ")");
                }
            }
        }
    }
}
