package dev.tinynn.core.spi;

import dev.tinynn.core.Loss;

/**
 * One dataset and one neuron held in a backend's own storage (double[], EJML matrices, ND4J
 * arrays), with every buffer allocated up front. These are all the operations the training loop
 * needs: linear algebra and element-wise arithmetic, and nothing else. The loop itself, the order
 * of the steps, the bookkeeping and the checks live once, in {@link dev.tinynn.core.Trainer}.
 *
 * <p>Notation: X is n×d (rows × features), w has d entries, b is a number; z, p, y and δ have
 * one entry per row; g has d entries and g_b is a number.
 *
 * <p>One batch epoch calls, in this order:
 * <pre>
 *   forward()          z = X·w + b
 *   sigmoid()          p = σ(z)
 *   loss(loss)         L = (1/n)·Σ ℓ(zᵢ, pᵢ, yᵢ)
 *   delta(loss)        δ = ∂ℓ/∂z, row by row
 *   gradient()         g = Xᵀ·δ / n,   g_b = Σδ / n
 *   update(lr)         w −= lr·g,      b −= lr·g_b
 * </pre>
 * That order is written once, in {@link #epoch(Loss, double)}, which the training loop calls. A
 * backend may override {@link #epoch} with a fused version (one pass over the rows instead of
 * six) as long as it leaves the same weights, bias, z, p, δ, g and g_b behind and returns the
 * same loss; the conformance suite checks that against the six calls.
 *
 * <p>One online step for row i calls {@link #forwardRow(int)}, then (after the loop has done the
 * scalar work for that row) {@link #updateRow(int, double)}.
 *
 * <p>The operations write into the buffers made by {@link Backend#open} and allocate no buffers of
 * their own. The plain, EJML and fast backends allocate nothing at all per epoch (each has a test
 * that counts the bytes); ND4J's own operation objects leave some garbage per epoch (how much:
 * {@code benchmarks/results/nd4j-idiom.md}). A workspace is used by one thread at a time.
 */
public interface Workspace extends AutoCloseable {

    /** n, the number of rows. */
    int rows();

    /** d, the number of features. */
    int features();

    /** Sets w (copied, d values) and b. */
    void setParameters(double[] weights, double bias);

    /** z = X·w + b, for every row. */
    void forward();

    /** p = σ(z), element by element; see {@link dev.tinynn.core.Sigmoid}. */
    void sigmoid();

    /** L = mean over rows of {@link Loss#of ℓ(zᵢ, pᵢ, yᵢ)}. Needs {@link #forward} and {@link #sigmoid} first. */
    double loss(Loss loss);

    /** δᵢ = {@link Loss#dz ∂ℓ/∂zᵢ}, for every row. Needs {@link #sigmoid} first. */
    void delta(Loss loss);

    /** g = Xᵀ·δ / n and g_b = Σδ / n: the mean gradient. Needs {@link #delta} first. */
    void gradient();

    /** w −= lr·g and b −= lr·g_b. Needs {@link #gradient} first. */
    void update(double learningRate);

    /**
     * One batch epoch: the six steps above, in order. Returns the epoch's loss, computed from the
     * forward pass before the update. Afterwards {@link #read} gives that epoch's z, p, δ and g,
     * and the updated w; {@link #biasGradient} gives its g_b.
     */
    default double epoch(Loss loss, double learningRate) {
        forward();                        // z = X·w + b
        sigmoid();                        // p = σ(z)
        double value = loss(loss);        // L = mean ℓ(z, p, y)
        delta(loss);                      // δ = ∂ℓ/∂z
        gradient();                       // g = Xᵀδ / n,  g_b = Σδ / n
        update(learningRate);             // w −= lr·g,    b −= lr·g_b
        return value;
    }

    /** zᵢ = xᵢ·w + b for one row, returned (online updates). */
    double forwardRow(int i);

    /** w −= step·xᵢ and b −= step, for one row (online updates; the loop passes step = lr·δᵢ). */
    void updateRow(int i, double step);

    /** Copies a buffer into {@code out}, which must have {@link Buffer#length} entries. */
    void read(Buffer buffer, double[] out);

    /** A new copy of a buffer: {@link #read(Buffer, double[])} into an array of the right length. */
    default double[] read(Buffer buffer) {
        double[] out = new double[buffer.length(rows(), features())];
        read(buffer, out);
        return out;
    }

    /** b, the bias. */
    double bias();

    /** g_b = Σδ / n, the mean gradient with respect to b, as of the last {@link #gradient}. */
    double biasGradient();

    /** Frees native memory, if the backend has any. */
    @Override
    default void close() {
    }
}
