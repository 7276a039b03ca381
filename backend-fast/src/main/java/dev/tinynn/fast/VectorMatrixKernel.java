package dev.tinynn.fast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MatrixKernel} with the JDK's Vector API: a register-blocked product. Each call walks B's
 * panels of two vectors' width ({@code 2·}{@link VectorKernel#LANES} columns); within a panel it
 * computes C four rows at a time, holding the 4 × 2 vectors of running sums in registers while it
 * runs through the terms: per term, two loads of B, four broadcasts of A and eight fused
 * multiply-adds. The caller cuts the terms and the rows into chunks that keep a panel's chunk of
 * B in the level-1 cache and A's chunk in level 2 (FastNetworkWorkspace.product).
 *
 * <p>The sigmoid is {@link VectorKernel}'s, of exactly rounded operations only, so its bits do not
 * depend on the JIT.
 */
final class VectorMatrixKernel implements MatrixKernel {
    private static final VectorSpecies<Double> SPECIES = VectorKernel.SPECIES;
    private static final int LANES = VectorKernel.LANES;
    static final int PANEL = 2 * LANES;

    @Override
    public int panel() {
        return PANEL;
    }

    @Override
    public void multiply(double[] a, int aAt, int aRowStride, int aStepStride, int rows, int steps,
            double[] b, int bAt, int bPanelStride, int bRowStride,
            double[] c, int cAt, int ldc, int columns, boolean add, double[] bias) {
        for (int column = 0; column < columns; column += PANEL) {
            int bp = bAt + column / PANEL * bPanelStride;
            int r = 0;
            for (; r + 4 <= rows; r += 4) {
                tile4(a, aAt + r * aRowStride, aRowStride, aStepStride, steps, b, bp, bRowStride,
                        c, cAt + r * ldc + column, ldc, add, bias, column);
            }
            for (; r < rows; r++) {
                tile1(a, aAt + r * aRowStride, aStepStride, steps, b, bp, bRowStride, c, cAt + r * ldc + column, add,
                        bias, column);
            }
        }
    }

    /** Four rows of C by one panel: 8 vectors of sums in registers. */
    private static void tile4(double[] a, int aAt, int rs, int ts, int steps, double[] b, int bAt, int bRowStride,
            double[] c, int cAt, int ldc, boolean add, double[] bias, int biasAt) {
        DoubleVector c00, c01, c10, c11, c20, c21, c30, c31;
        if (add) {
            c00 = DoubleVector.fromArray(SPECIES, c, cAt);
            c01 = DoubleVector.fromArray(SPECIES, c, cAt + LANES);
            c10 = DoubleVector.fromArray(SPECIES, c, cAt + ldc);
            c11 = DoubleVector.fromArray(SPECIES, c, cAt + ldc + LANES);
            c20 = DoubleVector.fromArray(SPECIES, c, cAt + 2 * ldc);
            c21 = DoubleVector.fromArray(SPECIES, c, cAt + 2 * ldc + LANES);
            c30 = DoubleVector.fromArray(SPECIES, c, cAt + 3 * ldc);
            c31 = DoubleVector.fromArray(SPECIES, c, cAt + 3 * ldc + LANES);
        } else {
            c00 = DoubleVector.zero(SPECIES);
            c01 = c00;
            c10 = c00;
            c11 = c00;
            c20 = c00;
            c21 = c00;
            c30 = c00;
            c31 = c00;
        }
        int a0 = aAt;
        int a1 = aAt + rs;
        int a2 = aAt + 2 * rs;
        int a3 = aAt + 3 * rs;
        for (int t = 0; t < steps; t++) {
            int bt = bAt + t * bRowStride;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bt);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bt + LANES);
            int at = t * ts;
            DoubleVector x0 = DoubleVector.broadcast(SPECIES, a[a0 + at]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(SPECIES, a[a1 + at]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(SPECIES, a[a2 + at]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(SPECIES, a[a3 + at]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
        }
        if (bias != null) {
            DoubleVector bias0 = DoubleVector.fromArray(SPECIES, bias, biasAt);
            DoubleVector bias1 = DoubleVector.fromArray(SPECIES, bias, biasAt + LANES);
            c00 = c00.add(bias0);
            c01 = c01.add(bias1);
            c10 = c10.add(bias0);
            c11 = c11.add(bias1);
            c20 = c20.add(bias0);
            c21 = c21.add(bias1);
            c30 = c30.add(bias0);
            c31 = c31.add(bias1);
        }
        c00.intoArray(c, cAt);
        c01.intoArray(c, cAt + LANES);
        c10.intoArray(c, cAt + ldc);
        c11.intoArray(c, cAt + ldc + LANES);
        c20.intoArray(c, cAt + 2 * ldc);
        c21.intoArray(c, cAt + 2 * ldc + LANES);
        c30.intoArray(c, cAt + 3 * ldc);
        c31.intoArray(c, cAt + 3 * ldc + LANES);
    }

    /** One row of C by one panel, the same arithmetic as one row of {@link #tile4}. */
    private static void tile1(double[] a, int aAt, int ts, int steps, double[] b, int bAt, int bRowStride,
            double[] c, int cAt, boolean add, double[] bias, int biasAt) {
        DoubleVector c0;
        DoubleVector c1;
        if (add) {
            c0 = DoubleVector.fromArray(SPECIES, c, cAt);
            c1 = DoubleVector.fromArray(SPECIES, c, cAt + LANES);
        } else {
            c0 = DoubleVector.zero(SPECIES);
            c1 = c0;
        }
        for (int t = 0; t < steps; t++) {
            int bt = bAt + t * bRowStride;
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[aAt + t * ts]);
            c0 = x.fma(DoubleVector.fromArray(SPECIES, b, bt), c0);
            c1 = x.fma(DoubleVector.fromArray(SPECIES, b, bt + LANES), c1);
        }
        if (bias != null) {
            c0 = c0.add(DoubleVector.fromArray(SPECIES, bias, biasAt));
            c1 = c1.add(DoubleVector.fromArray(SPECIES, bias, biasAt + LANES));
        }
        c0.intoArray(c, cAt);
        c1.intoArray(c, cAt + LANES);
    }

    @Override
    public void sigmoid(double[] z, double[] out, int at, int count) {
        VectorKernel.sigmoids(z, at, out, at, count);
    }

    @Override
    public String description() {
        return "vector, " + LANES + " lanes";
    }
}
