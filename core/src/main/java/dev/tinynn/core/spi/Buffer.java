package dev.tinynn.core.spi;

/** The vectors a {@link Workspace} keeps, for reading back with {@link Workspace#read}. */
public enum Buffer {
    /** w, the weights: one per feature. */
    WEIGHTS,
    /** g = Xᵀ·δ / n, the mean gradient of the loss with respect to w: one per feature. */
    GRADIENT,
    /** z = X·w + b, the raw scores: one per row. */
    Z,
    /** p = σ(z), the probabilities: one per row. */
    P,
    /** δ = ∂ℓ/∂z, each row's loss gradient with respect to its raw score: one per row. */
    DELTA;

    /** How long this buffer is, for n rows and d features. */
    public int length(int rows, int features) {
        return this == WEIGHTS || this == GRADIENT ? features : rows;
    }
}
