package dev.tinynn.core;

/**
 * The neuron and its training written straight from the formulas, one number at a time, as an
 * oracle for the agreement and property suites: plain loops over the rows, {@code Math.exp} for σ,
 * the numerically stable form of cross-entropy, and nothing from any backend, {@link Trainer},
 * {@link Sigmoid} or {@link Loss}'s own arithmetic (the enum only names which formula to use).
 * It is deliberately slow and obvious; if a backend, the plain one included, disagrees with it,
 * one of the two has a bug, and this one is short enough to check by hand.
 *
 * <pre>
 *   zᵢ = Σⱼ xᵢⱼ·wⱼ + b          pᵢ = 1 / (1 + e^(−zᵢ))
 *   cross-entropy: ℓᵢ = max(zᵢ, 0) − yᵢ·zᵢ + ln(1 + e^(−|zᵢ|))      δᵢ = pᵢ − yᵢ
 *   squared error: ℓᵢ = (pᵢ − yᵢ)²                                 δᵢ = 2·(pᵢ − yᵢ)·pᵢ·(1 − pᵢ)
 *   batch:  L = Σℓᵢ / n,  gⱼ = Σᵢ δᵢ·xᵢⱼ / n,  g_b = Σδᵢ / n,  w −= lr·g,  b −= lr·g_b
 *   online: for each row in order: w −= lr·δᵢ·xᵢ,  b −= lr·δᵢ;  the epoch's loss is the mean of the rows' ℓᵢ
 * </pre>
 *
 * Training stops where the training loop's contract says it must: an epoch whose loss is not
 * finite, an online row whose z is not finite, or a final model, loss or score that is not finite.
 */
public final class ReferenceNeuron {
    private ReferenceNeuron() {
    }

    /** One forward and backward pass: z, p, the mean loss, δ, and the gradient with ∂L/∂b as its last entry. */
    public record Expected(double[] z, double[] p, double loss, double[] delta, double[] gradient) {
    }

    /**
     * A training run's outcome.
     *
     * @param weights     w at the end (or where it stopped)
     * @param bias        b at the end
     * @param lossHistory the loss of each epoch run (batch: before the update; online: mean of the rows' losses)
     * @param finalLoss   the loss of the final model
     * @param divergedAt  the epoch at which training stopped, or −1 if it ended finite
     */
    public record Run(double[] weights, double bias, double[] lossHistory, double finalLoss, int divergedAt) {
        public boolean diverged() {
            return divergedAt >= 0;
        }
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    static double loss(Loss loss, double z, double p, double y) {
        return switch (loss) {
            case CROSS_ENTROPY -> Math.max(z, 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
            case SQUARED_ERROR -> (p - y) * (p - y);
        };
    }

    static double delta(Loss loss, double p, double y) {
        return switch (loss) {
            case CROSS_ENTROPY -> p - y;
            case SQUARED_ERROR -> 2 * (p - y) * p * (1 - p);
        };
    }

    static double score(Dataset data, int i, double[] w, double b) {
        double z = b;
        for (int j = 0; j < w.length; j++) {
            z += data.x(i, j) * w[j];
        }
        return z;
    }

    /** The pass at w and b over every row. */
    public static Expected pass(Dataset data, double[] w, double b, Loss loss) {
        int n = data.rows();
        int d = data.features();
        double[] z = new double[n];
        double[] p = new double[n];
        double[] delta = new double[n];
        double[] g = new double[d + 1];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            z[i] = score(data, i, w, b);
            p[i] = sigmoid(z[i]);
            sum += loss(loss, z[i], p[i], data.y(i));
            delta[i] = delta(loss, p[i], data.y(i));
        }
        for (int j = 0; j <= d; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += delta[i] * (j < d ? data.x(i, j) : 1);
            }
            g[j] = s / n;
        }
        return new Expected(z, p, sum / n, delta, g);
    }

    /** Trains from the config's start, as {@link Trainer#train} is specified to. */
    public static Run train(Dataset data, TrainingConfig config) {
        int d = data.features();
        double[] w = config.initialWeights() == null ? new double[d] : config.initialWeights().clone();
        double b = config.initialBias();
        double lr = config.learningRate();
        double[] history = new double[config.epochs()];
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            if (config.updates() == Updates.BATCH) {
                Expected pass = pass(data, w, b, config.loss());
                history[epoch] = pass.loss();
                for (int j = 0; j < d; j++) {
                    w[j] -= lr * pass.gradient()[j];
                }
                b -= lr * pass.gradient()[d];
            } else {
                double sum = 0;
                for (int i = 0; i < data.rows(); i++) {
                    double z = score(data, i, w, b);
                    if (!Double.isFinite(z)) {
                        return new Run(w, b, history, Double.NaN, epoch);
                    }
                    double p = sigmoid(z);
                    sum += loss(config.loss(), z, p, data.y(i));
                    double step = lr * delta(config.loss(), p, data.y(i));
                    for (int j = 0; j < d; j++) {
                        w[j] -= step * data.x(i, j);
                    }
                    b -= step;
                }
                history[epoch] = sum / data.rows();
            }
            if (!Double.isFinite(history[epoch])) {
                return new Run(w, b, history, Double.NaN, epoch);
            }
        }
        Expected last = pass(data, w, b, config.loss());
        boolean finite = Double.isFinite(last.loss()) && Double.isFinite(b);
        for (double v : w) {
            finite &= Double.isFinite(v);
        }
        for (double z : last.z()) {
            finite &= Double.isFinite(z);
        }
        return new Run(w, b, history, last.loss(), finite ? -1 : config.epochs());
    }
}
