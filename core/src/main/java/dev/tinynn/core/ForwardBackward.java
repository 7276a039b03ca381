package dev.tinynn.core;

import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;
import java.util.Arrays;

/**
 * One forward and one backward pass at a fixed neuron, with every number they make: the question a
 * learner asks with pencil and paper, "at these weights and this bias, on this data, with this
 * loss, what are z, p, the loss, δ and the gradient?". Nothing is updated; training is
 * {@link Trainer}'s job, and {@link Forward} is the forward pass alone, for inputs without labels.
 * The steps are the first five of a batch epoch, in the same order:
 *
 * <pre>
 *   z = X·w + b        p = σ(z)        L = mean ℓ(z, p, y)        δ = ∂ℓ/∂z        g = Xᵀδ / n,  g_b = Σδ / n
 * </pre>
 *
 * @param model        the neuron the pass was made at (w and b)
 * @param z            the raw scores, one per row
 * @param p            the probabilities σ(z), one per row
 * @param loss         the mean loss over the rows
 * @param delta        δ = ∂ℓ/∂z, one per row
 * @param gradient     g = Xᵀδ / n, the mean gradient with respect to w, one per feature
 * @param biasGradient g_b = Σδ / n, the mean gradient with respect to b
 */
public record ForwardBackward(Model model, double[] z, double[] p, double loss, double[] delta, double[] gradient,
        double biasGradient) {

    /** The pass at {@code model} over every row of {@code data}, computed by {@code backend}. */
    public static ForwardBackward at(Backend backend, Dataset data, Model model, Loss loss) {
        try (Workspace ws = backend.open(data)) {
            ws.setParameters(model.weights(), model.bias());
            ws.forward();                      // z = X·w + b
            ws.sigmoid();                      // p = σ(z)
            double value = ws.loss(loss);      // L = mean ℓ(z, p, y)
            ws.delta(loss);                    // δ = ∂ℓ/∂z
            ws.gradient();                     // g = Xᵀδ / n,  g_b = Σδ / n
            return new ForwardBackward(model, ws.read(Buffer.Z), ws.read(Buffer.P), value, ws.read(Buffer.DELTA),
                    ws.read(Buffer.GRADIENT), ws.biasGradient());
        }
    }

    /** The pass at weights w and bias b. */
    public static ForwardBackward at(Backend backend, Dataset data, double[] weights, double bias, Loss loss) {
        return at(backend, data, new Model(weights, bias), loss);
    }

    /**
     * The pass computed by the backend with this name (see {@link Backends#named}), so that a
     * program that only names its backend never handles the backend itself.
     */
    public static ForwardBackward at(String backend, Dataset data, Model model, Loss loss) {
        return at(Backends.named(backend), data, model, loss);
    }

    public ForwardBackward {
        z = z.clone();
        p = p.clone();
        delta = delta.clone();
        gradient = gradient.clone();
    }

    @Override
    public double[] z() {
        return z.clone();
    }

    @Override
    public double[] p() {
        return p.clone();
    }

    @Override
    public double[] delta() {
        return delta.clone();
    }

    @Override
    public double[] gradient() {
        return gradient.clone();
    }

    /** n·g = Xᵀδ: the gradient SUMMED over the rows, as the tutorial sums it (no division by n). */
    public double[] summedGradient() {
        double[] sum = gradient.clone();
        for (int j = 0; j < sum.length; j++) {
            sum[j] *= z.length;
        }
        return sum;
    }

    /** n·g_b = Σδ, the bias gradient summed over the rows. */
    public double summedBiasGradient() {
        return biasGradient * z.length;
    }

    /** The mean gradient, the weights' then the bias's: d + 1 numbers, laid out as {@link #tutorialStep} is. */
    public double[] gradientWithBias() {
        return withBias(gradient, biasGradient);
    }

    /** The summed gradient, the weights' then the bias's: d + 1 numbers, laid out as {@link #tutorialStep} is. */
    public double[] summedGradientWithBias() {
        return withBias(summedGradient(), summedBiasGradient());
    }

    private static double[] withBias(double[] weights, double bias) {
        double[] all = Arrays.copyOf(weights, weights.length + 1);
        all[weights.length] = bias;
        return all;
    }

    /**
     * The tutorial's own update direction, written as its loop writes it and independently of any
     * loss: error = p − y for every row, then Σ error·x (one per feature) and, last, Σ error. For
     * cross-entropy this equals {@link #summedGradient()} and {@link #summedBiasGradient()}; for the
     * squared error it does not, which is the point the tutorial glosses over.
     *
     * @return d + 1 numbers: the weights' directions, then the bias's
     */
    public static double[] tutorialStep(Dataset data, double[] p) {
        double[] step = new double[data.features() + 1];
        for (int i = 0; i < data.rows(); i++) {
            double error = p[i] - data.y(i);
            for (int j = 0; j < data.features(); j++) {
                step[j] += error * data.x(i, j);
            }
            step[data.features()] += error;
        }
        return step;
    }
}
