package dev.tinynn.fast;

/**
 * The fast backend's matrix product for networks, C = A·B on a block of rows, and the sigmoid:
 * what {@link FastNetworkWorkspace} hands to {@link VectorMatrixKernel} (the Vector API) or
 * {@link ScalarMatrixKernel} (plain Java, when the JVM has no {@code jdk.incubator.vector}).
 *
 * <p>B comes in panels of {@link #panel()} columns, its columns padded with zeros to a whole
 * number of panels; C's rows are as wide as B's padded columns, so every store is a whole panel.
 * Entry (t, column p·panel + c) of B is at {@code b[bAt + p·panelStride + t·rowStride + c]}: a
 * packed matrix (panel after panel) has {@code panelStride = steps·panel, rowStride = panel}, a
 * padded row-major one {@code panelStride = panel, rowStride = its row length}.
 *
 * <p>Entry (r, t) of A is at {@code a[aAt + r·rowStride + t·stepStride]}, so the same code takes
 * A (stepStride 1) and Aᵀ (rowStride 1): the forward product A·W, the gradient Aᵀ·Δ and the
 * error sent back Δ·Wᵀ are all this one product.
 *
 * <p>Each entry of C is one running sum over t in increasing order, whichever tile of rows it is
 * computed in: its bits do not depend on how the rows are cut into blocks or tiles.
 */
interface MatrixKernel {

    /** Columns per panel of B. */
    int panel();

    /**
     * C[r, ·] (+)= Σ_t A[r, t]·B[t, ·] for {@code rows} rows of C, {@code columns} columns (a
     * multiple of {@link #panel()}) and {@code steps} terms; C row r at {@code c[cAt + r·ldc ..]}.
     * With {@code add} false, C is overwritten; with it true, the sums go on from C's values.
     * With {@code bias} not null, {@code bias[c]} is added to column c after the last term.
     */
    void multiply(double[] a, int aAt, int aRowStride, int aStepStride, int rows, int steps,
            double[] b, int bAt, int bPanelStride, int bRowStride,
            double[] c, int cAt, int ldc, int columns, boolean add, double[] bias);

    /** out = σ(z) for {@code count} values from {@code at}, in both arrays. */
    void sigmoid(double[] z, double[] out, int at, int count);

    /** What the docs call this kernel, e.g. "scalar" or "vector, 8 lanes". */
    String description();
}
