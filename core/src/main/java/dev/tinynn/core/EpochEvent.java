package dev.tinynn.core;

/**
 * What happened in one epoch. Arrays are copies, the listener's to keep.
 *
 * @param epoch 0, 1, …
 * @param weightsBefore w at the start of the epoch
 * @param biasBefore b at the start of the epoch
 * @param z each row's raw score as used for its update (batch: all from the one forward pass)
 * @param p each row's probability σ(z)
 * @param delta each row's δ = ∂ℓ/∂z
 * @param loss the epoch's recorded loss (see {@link TrainingResult#lossHistory()})
 * @param gradient batch: the mean gradient g = Xᵀδ/n used for the step; online: the mean of the
 *     rows' gradients δᵢ·xᵢ, each taken at the weights of its own step
 * @param biasGradient the same for b: Σδ/n
 * @param weightsAfter w at the end of the epoch
 * @param biasAfter b at the end of the epoch
 */
public record EpochEvent(
        int epoch,
        double[] weightsBefore,
        double biasBefore,
        double[] z,
        double[] p,
        double[] delta,
        double loss,
        double[] gradient,
        double biasGradient,
        double[] weightsAfter,
        double biasAfter) {
}
