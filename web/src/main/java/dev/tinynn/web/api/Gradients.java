package dev.tinynn.web.api;

/**
 * A gradient summed over the rows, [Σ ∂ℓ/∂w₁, …, Σ ∂ℓ/∂b], three ways: the tutorial's step, and
 * the backend's for the cross-entropy and the squared-error loss (pages 4 and 7 set them side by side).
 */
public record Gradients(double[] tutorial, double[] crossEntropy, double[] squaredError) {
}
