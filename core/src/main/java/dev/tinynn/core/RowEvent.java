package dev.tinynn.core;

/**
 * One online step: row i's forward pass, its error and the update it caused. Arrays are copies.
 *
 * @param epoch the epoch
 * @param row i, the row's index in the data
 * @param x the row's inputs
 * @param y the row's label
 * @param weightsBefore w before this row's step
 * @param biasBefore b before this row's step
 * @param z xᵢ·w + b
 * @param p σ(z)
 * @param loss ℓ(z, p, y)
 * @param delta δ = ∂ℓ/∂z
 * @param step lr·δ, what w moves by per unit of input (w −= step·x) and b moves by (b −= step)
 * @param weightsAfter w after the step
 * @param biasAfter b after the step
 */
public record RowEvent(
        int epoch,
        int row,
        double[] x,
        double y,
        double[] weightsBefore,
        double biasBefore,
        double z,
        double p,
        double loss,
        double delta,
        double step,
        double[] weightsAfter,
        double biasAfter) {

    /** The tutorial's "error": p − y. */
    public double error() {
        return p - y;
    }
}
