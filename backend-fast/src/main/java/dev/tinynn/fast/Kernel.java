package dev.tinynn.fast;

/**
 * The per-row arithmetic of the fast backend, for one chunk of rows at a time (at most
 * {@link FastWorkspace#CHUNK}): what {@link FastWorkspace} does to a chunk, without the order of
 * the steps, the blocks or the threads, which stay in the workspace. Two implementations:
 * {@link ScalarKernel} (one row at a time, plain Java) and {@link VectorKernel} (several rows or
 * columns per instruction, with the JDK's Vector API).
 *
 * <p>Each method gives the same bits whatever the chunk's position, and the fused epoch and the
 * six steps call the same methods on the same chunks: that is why they agree to the last bit.
 */
interface Kernel {

    /** zᵢ = xᵢ·w + b for row i. */
    double score(int i, double[] w, double b);

    /** zᵢ = xᵢ·w + b for the m rows from {@code from}, into {@code out[at ..]}. */
    default void scores(int from, int m, double[] w, double b, double[] out, int at) {
        for (int r = 0; r < m; r++) {
            out[at + r] = score(from + r, w, b);
        }
    }

    /** pᵢ = σ(zᵢ) for m values, {@code zs[zAt ..]} into {@code ps[pAt ..]}. */
    void probabilities(double[] zs, int zAt, double[] ps, int pAt, int m);

    /**
     * Σ ℓᵢ of the stable cross-entropy max(zᵢ, 0) − yᵢ·zᵢ + ln(1 + e^−|zᵢ|) over the m rows from
     * {@code from}, with their z at {@code zs[zAt ..]} and p at {@code ps[pAt ..]}. At most
     * {@link FastWorkspace#CHUNK} rows: the product of their likely probabilities, each at least ½,
     * must stay far above the smallest double.
     */
    double crossEntropy(double[] zs, int zAt, double[] ps, int pAt, int from, int m);

    /** sums[0 .. d−1] += Σ δᵢ·xᵢ and sums[d] += Σ δᵢ over the m rows from {@code from}, δ at {@code ds[dAt ..]}. */
    void addGradient(double[] sums, double[] ds, int dAt, int from, int m);

    /** What the report and the docs call this kernel, e.g. "scalar" or "vector, 8 lanes". */
    String description();
}
