package dev.tinynn.core.spi;

import dev.tinynn.core.Activation;
import dev.tinynn.core.Loss;
import dev.tinynn.core.NetworkShape;

/**
 * One dataset and one network (hidden layers, then the output neuron) held in a backend's own
 * storage, with every buffer allocated up front. Like {@link Workspace} for the single neuron,
 * it offers the linear algebra and element-wise arithmetic the training loop needs and nothing
 * else; the order of the steps is written once, in {@link #step}.
 *
 * <p>Notation. Rows are examples, as in NumPy: A₀ = X is n×d. Layer l (1 ≤ l ≤ L, where
 * L = {@link NetworkShape#layers()} and layer L is the output neuron) has weights Wₗ, a
 * {@code inputs(l)}×{@code units(l)} matrix, and biases bₗ, one per unit. The steps work on the
 * selected rows (all n for a batch epoch, one for an online step; m of them):
 * <pre>
 *   forward(l)         Zₗ = Aₗ₋₁·Wₗ + bₗ          (m×units, bₗ added to every row)
 *   activate(l)        Aₗ = fₗ(Zₗ)                 (fₗ = the shape's activation; σ for l = L, so A_L = p)
 *   loss(loss)         mean over the m rows of ℓ(z, p, y), with z = Z_L and p = A_L
 *   delta(loss)        Δ_L = ∂ℓ/∂z, row by row
 *   gradient(l)        Gₗ = Aₗ₋₁ᵀ·Δₗ / m,   gₗ = column sums of Δₗ / m
 *   backpropagate(l)   Δₗ₋₁ = (Δₗ·Wₗᵀ) ⊙ fₗ₋₁′(Zₗ₋₁, Aₗ₋₁)     (2 ≤ l ≤ L)
 *   update(l, lr)      Wₗ −= lr·Gₗ,   bₗ −= lr·gₗ
 * </pre>
 *
 * <p>Matrices cross this interface as {@code double[]} in row-major order: entry (r, c) of an
 * R×C matrix at index {@code r*C + c}. So Wₗ's entry for input k and unit j is at
 * {@code k*units(l) + j}, and Zₗ's entry for selected row i and unit j at {@code i*units(l) + j}.
 *
 * <p>The operations allocate no buffers of their own (the plain, EJML and fast backends allocate
 * nothing at all; each has a test that counts the bytes). A workspace is used by one thread at a
 * time.
 */
public interface NetworkWorkspace extends AutoCloseable {

    /** The buffers a network workspace keeps, for reading back with {@link #read}. */
    enum Matrix {
        /** Wₗ: inputs(l) × units(l). */
        WEIGHTS,
        /** bₗ: 1 × units(l). */
        BIASES,
        /** Gₗ = Aₗ₋₁ᵀ·Δₗ / m: inputs(l) × units(l), as of the last {@link #gradient}. */
        WEIGHT_GRADIENT,
        /** gₗ = column sums of Δₗ / m: 1 × units(l), as of the last {@link #gradient}. */
        BIAS_GRADIENT,
        /** Zₗ, the raw scores of the selected rows: m × units(l). */
        Z,
        /** Aₗ = fₗ(Zₗ), the activations of the selected rows: m × units(l); A_L is p. */
        A,
        /** Δₗ = ∂ℓ/∂Zₗ for the selected rows: m × units(l). */
        DELTA;

        /** How many entries this buffer has for layer l of {@code shape}, with m rows selected. */
        public int length(NetworkShape shape, int layer, int selectedRows) {
            return switch (this) {
                case WEIGHTS, WEIGHT_GRADIENT -> shape.inputs(layer) * shape.units(layer);
                case BIASES, BIAS_GRADIENT -> shape.units(layer);
                case Z, A, DELTA -> selectedRows * shape.units(layer);
            };
        }
    }

    /** n, the number of rows of the data. */
    int rows();

    /** The network's sizes and hidden activation. */
    NetworkShape shape();

    /** Sets Wₗ (row-major, inputs(l)×units(l) values, copied) and bₗ (units(l) values, copied). */
    void setLayer(int layer, double[] weights, double[] biases);

    /**
     * Chooses the rows the next steps work on: rows {@code from} (inclusive) to {@code to}
     * (exclusive), 0 ≤ from &lt; to ≤ n. A new workspace has all n rows selected. The training
     * loop selects all rows for batch epochs and one row at a time for online steps.
     */
    void selectRows(int from, int to);

    /** m, the number of rows selected. */
    int selectedRows();

    /** Zₗ = Aₗ₋₁·Wₗ + bₗ for the selected rows (A₀ is their rows of X). */
    void forward(int layer);

    /** Aₗ = fₗ(Zₗ), element by element, with fₗ = {@link NetworkShape#activationOf}. */
    void activate(int layer);

    /** L = mean over the selected rows of {@link Loss#of ℓ(z, p, y)}, z = Z_L and p = A_L. */
    double loss(Loss loss);

    /** Δ_L = {@link Loss#dz ∂ℓ/∂z}, for every selected row. */
    void delta(Loss loss);

    /** Gₗ = Aₗ₋₁ᵀ·Δₗ / m and gₗ = column sums of Δₗ / m. Needs Δₗ. */
    void gradient(int layer);

    /**
     * Δₗ₋₁ = (Δₗ·Wₗᵀ) ⊙ fₗ₋₁′(Zₗ₋₁, Aₗ₋₁), for 2 ≤ l ≤ L: the error of layer l sent back through
     * its weights, times the slope ({@link Activation#slope}) of the layer before. Uses Wₗ as it
     * is, so it must come before {@link #update}.
     */
    void backpropagate(int layer);

    /** Wₗ −= lr·Gₗ and bₗ −= lr·gₗ. Needs {@link #gradient}. */
    void update(int layer, double learningRate);

    /**
     * One step of gradient descent on the selected rows: forward through every layer, the loss,
     * back through every layer, then every update. Returns the mean loss of the selected rows,
     * computed before the update. A backend may override this with a fused version that leaves
     * the same numbers behind; the conformance suite checks it against these calls.
     */
    default double step(Loss loss, double learningRate) {
        int last = shape().layers();
        for (int l = 1; l <= last; l++) {
            forward(l);                      // Zₗ = Aₗ₋₁·Wₗ + bₗ
            activate(l);                     // Aₗ = fₗ(Zₗ);  A_L = p = σ(z)
        }
        double value = loss(loss);           // L = mean ℓ(z, p, y)
        delta(loss);                         // Δ_L = ∂ℓ/∂z
        for (int l = last; l >= 1; l--) {
            gradient(l);                     // Gₗ = Aₗ₋₁ᵀ·Δₗ / m,  gₗ = Σ rows of Δₗ / m
            if (l > 1) {
                backpropagate(l);            // Δₗ₋₁ = (Δₗ·Wₗᵀ) ⊙ fₗ₋₁′(Zₗ₋₁)
            }
        }
        for (int l = 1; l <= last; l++) {
            update(l, learningRate);         // Wₗ −= lr·Gₗ,  bₗ −= lr·gₗ
        }
        return value;
    }

    /** Copies one buffer of layer l into {@code out}, which must have {@link Matrix#length} entries. */
    void read(Matrix matrix, int layer, double[] out);

    /** A new copy of one buffer of layer l. */
    default double[] read(Matrix matrix, int layer) {
        double[] out = new double[matrix.length(shape(), layer, selectedRows())];
        read(matrix, layer, out);
        return out;
    }

    /** Frees native memory, if the backend has any. */
    @Override
    default void close() {
    }
}
