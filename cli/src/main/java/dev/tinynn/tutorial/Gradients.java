package dev.tinynn.tutorial;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;

/**
 * One step's direction at a fixed (w, b), SUMMED over the rows as the tutorial sums it, computed by
 * a backend's {@link Workspace}: forward, sigmoid, delta, gradient, then times n (the workspace's
 * gradient is a mean).
 *
 * @param w ∂L/∂wⱼ summed over the rows, one per input
 * @param b ∂L/∂b summed over the rows
 */
record Gradients(double[] w, double b) {

    /** The gradient of {@code loss}, summed over every row of {@code data}, at the model's w and b. */
    static Gradients of(Backend backend, Dataset data, Model at, Loss loss) {
        try (Workspace ws = backend.open(data)) {
            ws.setParameters(at.weights(), at.bias());
            ws.forward();
            ws.sigmoid();
            ws.delta(loss);
            ws.gradient();
            double[] g = new double[data.features()];
            ws.read(Buffer.GRADIENT, g);
            int n = data.rows();
            for (int j = 0; j < g.length; j++) {
                g[j] *= n;
            }
            return new Gradients(g, ws.biasGradient() * n);
        }
    }

    /**
     * The tutorial's own update direction, written as its loop writes it: error = p − y for every
     * row (p from the backend's forward pass), then Σ error·x and Σ error.
     */
    static Gradients tutorialStep(Backend backend, Dataset data, Model at) {
        double[] p = new double[data.rows()];
        try (Workspace ws = backend.open(data)) {
            ws.setParameters(at.weights(), at.bias());
            ws.forward();
            ws.sigmoid();
            ws.read(Buffer.P, p);
        }
        double[] w = new double[data.features()];
        double b = 0;
        for (int i = 0; i < data.rows(); i++) {
            double error = p[i] - data.y(i);
            for (int j = 0; j < w.length; j++) {
                w[j] += error * data.x(i, j);
            }
            b += error;
        }
        return new Gradients(w, b);
    }
}
