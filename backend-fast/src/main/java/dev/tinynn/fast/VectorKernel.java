package dev.tinynn.fast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast backend's arithmetic several values per instruction, with the JDK's Vector API
 * ({@code jdk.incubator.vector}, an incubator module in Java 17: the JVM needs
 * {@code --add-modules jdk.incubator.vector}, and without it {@link FastWorkspace} uses
 * {@link ScalarKernel}). A vector holds {@link #LANES} doubles: 8 with AVX-512, 4 with AVX2.
 *
 * <ul>
 *   <li><b>z</b>: each row's dot product {@link #LANES} columns at a time, its lanes then added
 *       up in a fixed order.</li>
 *   <li><b>p and the loss</b>: {@link #LANES} rows at a time, with an e^x of our own
 *       ({@link #expOfMinusAbs}) built from adds, multiplies, fused multiply-adds and bit shifts only.</li>
 *   <li><b>g</b>: {@link #LANES} columns at a time, four rows in flight so the adds overlap.</li>
 * </ul>
 *
 * <p><b>Why our own e^x, and not the Vector API's {@code EXP} lanes.</b> Those are computed by
 * Intel's SVML library once the JIT compiles the loop, but by {@code Math.exp} one lane at a time
 * before it does: the two differ in the last bit for some inputs, so the same training would give
 * different bits depending on how warm the JVM is. Adds, multiplies, fused multiply-adds and bit
 * shifts are exactly rounded by IEEE 754 (or exact), so ours gives the same bits interpreted or
 * compiled, one lane or eight ({@link #exp(double)} is the same arithmetic on one double, for the
 * values that do not fill a vector). It is within 1 ulp of {@code Math.exp} (tested).
 */
final class VectorKernel implements Kernel {
    /** The machine's widest vectors, up to 512 bits (8 doubles): {@link #score} adds up at most 8 lanes. */
    static final VectorSpecies<Double> SPECIES =
            DoubleVector.SPECIES_PREFERRED.length() > 8 ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_PREFERRED;

    /** Doubles per vector on this machine. */
    static final int LANES = SPECIES.length();

    private final double[] x; // n×d inputs, row-major
    private final double[] y; // n labels
    private final int d;      // features
    private final int vectorColumns; // the columns that fill whole vectors: d rounded down to LANES
    private final double[] lanes = new double[LANES]; // one vector's lanes, to add them up (one kernel per block: no sharing)

    VectorKernel(double[] x, double[] y, int d) {
        this.x = x;
        this.y = y;
        this.d = d;
        this.vectorColumns = d - d % LANES;
    }

    @Override
    public double score(int i, double[] w, double b) {
        int row = i * d;
        double sum = 0;
        if (vectorColumns > 0) {
            DoubleVector products = DoubleVector.zero(SPECIES); // lane l: Σ of columns l, l + LANES, l + 2·LANES, …
            for (int j = 0; j < vectorColumns; j += LANES) {
                products = DoubleVector.fromArray(SPECIES, x, row + j).fma(DoubleVector.fromArray(SPECIES, w, j), products);
            }
            // its lanes added up in a fixed order, lane l first with lane l + LANES/2 (the Vector
            // API's own ADD reduction promises no order, and the JIT's may differ from the
            // interpreter's: the order decides the last bit)
            sum = switch (LANES) {
                case 8 -> ((products.lane(0) + products.lane(4)) + (products.lane(1) + products.lane(5)))
                        + ((products.lane(2) + products.lane(6)) + (products.lane(3) + products.lane(7)));
                case 4 -> (products.lane(0) + products.lane(2)) + (products.lane(1) + products.lane(3));
                case 2 -> products.lane(0) + products.lane(1);
                default -> products.lane(0);
            };
        }
        for (int j = vectorColumns; j < d; j++) {
            sum += x[row + j] * w[j];
        }
        return sum + b;
    }

    @Override
    public void probabilities(double[] zs, int zAt, double[] ps, int pAt, int m) {
        sigmoids(zs, zAt, ps, pAt, m);
    }

    /** pᵢ = σ(zᵢ) for m values, {@code zs[zAt ..]} into {@code ps[pAt ..]}: the neuron's and the network's sigmoid. */
    static void sigmoids(double[] zs, int zAt, double[] ps, int pAt, int m) {
        expOfMinusAbs(zs, zAt, ps, pAt, m);
        int r = 0;
        for (; r + LANES <= m; r += LANES) {
            DoubleVector z = DoubleVector.fromArray(SPECIES, zs, zAt + r);
            DoubleVector e = DoubleVector.fromArray(SPECIES, ps, pAt + r);
            // σ(z) = 1 / (1 + e^−z) for z ≥ 0, and e^z / (1 + e^z) for z < 0: e never overflows
            DoubleVector numerator = e.blend(1.0, z.compare(VectorOperators.GE, 0.0));
            numerator.div(e.add(1.0)).intoArray(ps, pAt + r);
        }
        for (; r < m; r++) {
            double e = ps[pAt + r];
            ps[pAt + r] = (zs[zAt + r] >= 0 ? 1.0 : e) / (1.0 + e);
        }
    }

    /**
     * out = e^−|z| for m values: the arithmetic of {@link #exp(double)} on every lane, written
     * out here because the JIT keeps vectors in registers only within one compiled method, and
     * in a method of its own because the JIT compiles each method within a budget of nodes
     * (NodeCountInliningCutoff) that the Vector API's calls, hundreds of nodes each until they
     * become single instructions, soon spend: past it, calls are no longer inlined and every
     * vector they take or return is copied to the heap. So the constants are vectors made once
     * ({@link #V_F2} …), not broadcast in the loop: each broadcast is one more such call, and with
     * them this method sat at the edge of the budget, crossing it or not with the profile it was
     * compiled from (FastWideNetworkAllocationTest).
     */
    private static void expOfMinusAbs(double[] zs, int zAt, double[] out, int outAt, int m) {
        int r = 0;
        for (; r + LANES <= m; r += LANES) {
            DoubleVector t = DoubleVector.fromArray(SPECIES, zs, zAt + r).abs().neg().max(V_LOWEST);
            DoubleVector shifted = t.mul(V_LOG2_E).add(V_SHIFTER);
            DoubleVector k = shifted.sub(V_SHIFTER);
            DoubleVector minusK = k.neg();
            DoubleVector reduced = minusK.fma(V_LN2_HI, t);
            reduced = minusK.fma(V_LN2_LO, reduced);
            DoubleVector e = reduced.fma(V_F13, V_F12);
            e = e.fma(reduced, V_F11);
            e = e.fma(reduced, V_F10);
            e = e.fma(reduced, V_F9);
            e = e.fma(reduced, V_F8);
            e = e.fma(reduced, V_F7);
            e = e.fma(reduced, V_F6);
            e = e.fma(reduced, V_F5);
            e = e.fma(reduced, V_F4);
            e = e.fma(reduced, V_F3);
            e = e.fma(reduced, V_F2);
            e = e.fma(reduced, V_ONE);
            e = e.fma(reduced, V_ONE);
            LongVector power = shifted.reinterpretAsLongs().sub(V_SHIFTER_BITS);
            LongVector half = power.lanewise(VectorOperators.ASHR, 1);
            e.mul(twoTo(half)).mul(twoTo(power.sub(half))).intoArray(out, outAt + r);
        }
        for (; r < m; r++) {
            out[outAt + r] = exp(-Math.abs(zs[zAt + r]));
        }
    }

    /** σ(z) as {@link #probabilities} computes it, for one value. */
    static double sigma(double z) {
        double e = exp(-Math.abs(z));
        return (z >= 0 ? 1.0 : e) / (1.0 + e);
    }

    /**
     * As {@link ScalarKernel#crossEntropy}: ln(1 + e^−|z|) = −ln(likely), likely = p (z ≥ 0) or
     * 1 − p (z &lt; 0), and one {@code Math.log} of the product of the chunk's likely values; each
     * lane multiplies its own rows' values, then the lanes are multiplied together.
     */
    @Override
    public double crossEntropy(double[] zs, int zAt, double[] ps, int pAt, int from, int m) {
        DoubleVector linearLanes = DoubleVector.zero(SPECIES);
        DoubleVector likelyLanes = all(1.0);
        int r = 0;
        for (; r + LANES <= m; r += LANES) {
            DoubleVector z = DoubleVector.fromArray(SPECIES, zs, zAt + r);
            DoubleVector p = DoubleVector.fromArray(SPECIES, ps, pAt + r);
            DoubleVector labels = DoubleVector.fromArray(SPECIES, y, from + r);
            linearLanes = linearLanes.add(z.max(0.0).sub(labels.mul(z)));
            VectorMask<Double> nonNegative = z.compare(VectorOperators.GE, 0.0);
            likelyLanes = likelyLanes.mul(all(1.0).sub(p).blend(p, nonNegative));
        }
        double linear = sumOfLanes(linearLanes);
        double likely = productOfLanes(likelyLanes);
        for (; r < m; r++) {
            double zi = zs[zAt + r];
            double pi = ps[pAt + r];
            linear += Math.max(zi, 0) - y[from + r] * zi;
            likely *= zi >= 0 ? pi : 1 - pi;
        }
        return linear - Math.log(likely);
    }

    @Override
    public void addGradient(double[] sums, double[] ds, int dAt, int from, int m) {
        for (int j = 0; j < vectorColumns; j += LANES) {
            // four sums, one per row in four, so that consecutive fused multiply-adds do not wait on each other
            DoubleVector a0 = DoubleVector.zero(SPECIES);
            DoubleVector a1 = a0;
            DoubleVector a2 = a0;
            DoubleVector a3 = a0;
            int r = 0;
            for (; r + 4 <= m; r += 4) {
                int at = (from + r) * d + j;
                a0 = DoubleVector.fromArray(SPECIES, x, at).fma(all(ds[dAt + r]), a0);
                a1 = DoubleVector.fromArray(SPECIES, x, at + d).fma(all(ds[dAt + r + 1]), a1);
                a2 = DoubleVector.fromArray(SPECIES, x, at + 2 * d).fma(all(ds[dAt + r + 2]), a2);
                a3 = DoubleVector.fromArray(SPECIES, x, at + 3 * d).fma(all(ds[dAt + r + 3]), a3);
            }
            for (; r < m; r++) {
                a0 = DoubleVector.fromArray(SPECIES, x, (from + r) * d + j).fma(all(ds[dAt + r]), a0);
            }
            a0.add(a1).add(a2.add(a3)).add(DoubleVector.fromArray(SPECIES, sums, j)).intoArray(sums, j);
        }
        for (int j = vectorColumns; j < d; j++) {
            double a = 0;
            for (int r = 0; r < m; r++) {
                a += ds[dAt + r] * x[(from + r) * d + j];
            }
            sums[j] += a;
        }
        DoubleVector deltaLanes = DoubleVector.zero(SPECIES);
        int r = 0;
        for (; r + LANES <= m; r += LANES) {
            deltaLanes = deltaLanes.add(DoubleVector.fromArray(SPECIES, ds, dAt + r));
        }
        double sumDelta = sumOfLanes(deltaLanes);
        for (; r < m; r++) {
            sumDelta += ds[dAt + r];
        }
        sums[d] += sumDelta;
    }

    // The two folds below take a vector and so must be inlined by the JIT, or the vector is
    // copied to the heap: a method of up to 35 bytes of bytecode always is, whence the split.

    /** v's lanes added up in lane order. */
    private double sumOfLanes(DoubleVector v) {
        v.intoArray(lanes, 0);
        return foldLanes(false);
    }

    /** v's lanes multiplied together in lane order. */
    private double productOfLanes(DoubleVector v) {
        v.intoArray(lanes, 0);
        return foldLanes(true);
    }

    private double foldLanes(boolean multiply) {
        double result = lanes[0];
        for (int l = 1; l < LANES; l++) {
            result = multiply ? result * lanes[l] : result + lanes[l];
        }
        return result;
    }

    @Override
    public String description() {
        return "vector, " + LANES + " lanes";
    }

    // ---- e^x for x ≤ 0 ----
    //
    // e^x = 2^k · e^r with k = round(x / ln 2) and r = x − k·ln 2, |r| ≤ ½·ln 2 ≈ 0.347;
    // e^r is its Taylor series to r¹³/13! (the next term is under 1e-17 of e^r); 2^k is built
    // from its bits, in two halves so that it stays a normal number down to x = −746.

    private static final double LOG2_E = 1.4426950408889634;          // 1 / ln 2
    private static final double LN2_HI = 6.93147180369123816490e-01;  // ln 2 to 32 bits: k·LN2_HI is exact
    private static final double LN2_LO = 1.90821492927058770002e-10;  // ln 2 − LN2_HI
    private static final double SHIFTER = 0x1.8p52;                   // t + SHIFTER rounds t to an integer, kept in the low bits
    private static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    private static final double LOWEST = -746;                        // e^x rounds to 0 below −745.2
    private static final double F2 = 1.0 / 2;
    private static final double F3 = 1.0 / 6;
    private static final double F4 = 1.0 / 24;
    private static final double F5 = 1.0 / 120;
    private static final double F6 = 1.0 / 720;
    private static final double F7 = 1.0 / 5_040;
    private static final double F8 = 1.0 / 40_320;
    private static final double F9 = 1.0 / 362_880;
    private static final double F10 = 1.0 / 3_628_800;
    private static final double F11 = 1.0 / 39_916_800;
    private static final double F12 = 1.0 / 479_001_600;
    private static final double F13 = 1.0 / 6_227_020_800L;

    // The same constants in every lane, for expOfMinusAbs (see there why not all(…) in the loop).
    private static final DoubleVector V_LOWEST = all(LOWEST);
    private static final DoubleVector V_LOG2_E = all(LOG2_E);
    private static final DoubleVector V_SHIFTER = all(SHIFTER);
    private static final LongVector V_SHIFTER_BITS = LongVector.broadcast(SPECIES.withLanes(long.class), SHIFTER_BITS);
    private static final LongVector V_EXPONENT_BIAS = LongVector.broadcast(SPECIES.withLanes(long.class), 1023);
    private static final DoubleVector V_LN2_HI = all(LN2_HI);
    private static final DoubleVector V_LN2_LO = all(LN2_LO);
    private static final DoubleVector V_ONE = all(1.0);
    private static final DoubleVector V_F2 = all(F2);
    private static final DoubleVector V_F3 = all(F3);
    private static final DoubleVector V_F4 = all(F4);
    private static final DoubleVector V_F5 = all(F5);
    private static final DoubleVector V_F6 = all(F6);
    private static final DoubleVector V_F7 = all(F7);
    private static final DoubleVector V_F8 = all(F8);
    private static final DoubleVector V_F9 = all(F9);
    private static final DoubleVector V_F10 = all(F10);
    private static final DoubleVector V_F11 = all(F11);
    private static final DoubleVector V_F12 = all(F12);
    private static final DoubleVector V_F13 = all(F13);

    /** Every lane v. */
    private static DoubleVector all(double v) {
        return DoubleVector.broadcast(SPECIES, v);
    }

    /** 2^k for each lane's k, −1022 ≤ k ≤ 1023. */
    private static DoubleVector twoTo(LongVector k) {
        return k.add(V_EXPONENT_BIAS).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    }

    /** e^x for x ≤ 0 (or NaN, which stays NaN): the arithmetic {@link #probabilities} does on each lane, so the same bits. */
    static double exp(double x) {
        x = Math.max(x, LOWEST);
        double shifted = x * LOG2_E + SHIFTER;
        double k = shifted - SHIFTER;
        double r = Math.fma(-k, LN2_HI, x);
        r = Math.fma(-k, LN2_LO, r);
        double e = Math.fma(r, F13, F12);
        e = Math.fma(e, r, F11);
        e = Math.fma(e, r, F10);
        e = Math.fma(e, r, F9);
        e = Math.fma(e, r, F8);
        e = Math.fma(e, r, F7);
        e = Math.fma(e, r, F6);
        e = Math.fma(e, r, F5);
        e = Math.fma(e, r, F4);
        e = Math.fma(e, r, F3);
        e = Math.fma(e, r, F2);
        e = Math.fma(e, r, 1.0);
        e = Math.fma(e, r, 1.0);
        long power = Double.doubleToRawLongBits(shifted) - SHIFTER_BITS;
        long half = power >> 1;
        return e * twoTo(half) * twoTo(power - half);
    }

    private static double twoTo(long k) {
        return Double.longBitsToDouble((k + 1023) << 52);
    }
}
