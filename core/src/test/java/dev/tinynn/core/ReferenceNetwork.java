package dev.tinynn.core;

/**
 * A network with hidden layers and its training, written straight from the formulas one number at
 * a time, as the oracle for {@link NetworkConformance}: nested arrays indexed the way the formulas
 * read, plain loops, {@code Math.exp} and {@code Math.tanh}, and nothing from any backend,
 * {@link NetworkTrainer}, {@link Sigmoid}, {@link Loss}'s or {@link Activation}'s own arithmetic (the
 * enums only name which formula to use). Like {@link ReferenceNeuron} it is slow and obvious on
 * purpose; if a backend disagrees with it, one of the two has a bug, and this one is short enough
 * to check by hand.
 *
 * <p>Layers are counted from 0 here, as the arrays are: {@code weights[l][j][k]} is the weight
 * from input k of layer l (a feature for l = 0, else unit k of layer l − 1) to its unit j, and
 * {@code biases[l][j]} that unit's bias. The last layer has one unit, the output neuron.
 *
 * <pre>
 *   forward:   zₗᵢⱼ = bₗⱼ + Σₖ aₗ₋₁ᵢₖ·wₗⱼₖ      aₗᵢⱼ = f(zₗᵢⱼ)   (a₋₁ = x; f = σ for the last layer)
 *   loss:      ℓᵢ as in ReferenceNeuron, from the output's zᵢ and pᵢ;  L = Σℓᵢ / m
 *   delta:     δ_last,i = ∂ℓᵢ/∂zᵢ                (cross-entropy: p − y; squared error: 2·(p − y)·p·(1 − p))
 *   back:      δₗ₋₁ᵢₖ = (Σⱼ δₗᵢⱼ·wₗⱼₖ) · f′(zₗ₋₁ᵢₖ)
 *   gradient:  ∂L/∂wₗⱼₖ = Σᵢ δₗᵢⱼ·aₗ₋₁ᵢₖ / m      ∂L/∂bₗⱼ = Σᵢ δₗᵢⱼ / m
 *   f′:        sigmoid σ(z)·(1 − σ(z));  tanh 1 − tanh²(z);  relu 1 where z &gt; 0, else 0
 *   batch:     one pass over all n rows, then every w −= lr·∂L/∂w, b −= lr·∂L/∂b
 *   online:    the same on one row at a time, in order; the epoch's loss is the mean of the rows' ℓ
 * </pre>
 */
public final class ReferenceNetwork {
    private ReferenceNetwork() {
    }

    /**
     * One forward and backward pass over m rows. Every array is indexed [layer][row][unit], rows
     * counted within the pass; the gradients [layer][unit][input] and [layer][unit].
     */
    public record Expected(double[][][] z, double[][][] a, double loss, double[][][] delta,
            double[][][] weightGradients, double[][] biasGradients) {
    }

    /** Where a training run ended: the weights and biases, each epoch's loss, the final model's loss. */
    public record Run(double[][][] weights, double[][] biases, double[] lossHistory, double finalLoss) {
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    static double f(Activation activation, double z) {
        return switch (activation) {
            case SIGMOID -> sigmoid(z);
            case TANH -> Math.tanh(z);
            case RELU -> Math.max(0, z);
        };
    }

    static double slope(Activation activation, double z) {
        return switch (activation) {
            case SIGMOID -> {
                double s = sigmoid(z);
                yield s * (1 - s);
            }
            case TANH -> 1 - Math.tanh(z) * Math.tanh(z);
            case RELU -> z > 0 ? 1 : 0;
        };
    }

    /** The pass over rows {@code from} to {@code to} (exclusive) of the data. */
    public static Expected pass(Dataset data, int from, int to, Activation hidden, double[][][] w, double[][] b,
            Loss loss) {
        int m = to - from;
        int layers = w.length;
        int last = layers - 1;
        double[][][] z = new double[layers][m][];
        double[][][] a = new double[layers][m][];
        double[][][] delta = new double[layers][m][];
        double[][][] gw = new double[layers][][];
        double[][] gb = new double[layers][];
        for (int l = 0; l < layers; l++) {
            gw[l] = new double[w[l].length][w[l][0].length];
            gb[l] = new double[w[l].length];
        }
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double[] x = data.row(from + i);
            double[] input = x;
            for (int l = 0; l < layers; l++) {
                int units = w[l].length;
                z[l][i] = new double[units];
                a[l][i] = new double[units];
                for (int j = 0; j < units; j++) {
                    double s = b[l][j];
                    for (int k = 0; k < input.length; k++) {
                        s += input[k] * w[l][j][k];
                    }
                    z[l][i][j] = s;
                    a[l][i][j] = l == last ? sigmoid(s) : f(hidden, s);
                }
                input = a[l][i];
            }
            double zi = z[last][i][0];
            double p = a[last][i][0];
            double y = data.y(from + i);
            sum += switch (loss) {
                case CROSS_ENTROPY -> Math.max(zi, 0) - y * zi + Math.log1p(Math.exp(-Math.abs(zi)));
                case SQUARED_ERROR -> (p - y) * (p - y);
            };
            delta[last][i] = new double[] {switch (loss) {
                case CROSS_ENTROPY -> p - y;
                case SQUARED_ERROR -> 2 * (p - y) * p * (1 - p);
            }};
            for (int l = last; l > 0; l--) {
                int inputs = w[l][0].length;
                delta[l - 1][i] = new double[inputs];
                for (int k = 0; k < inputs; k++) {
                    double s = 0;
                    for (int j = 0; j < w[l].length; j++) {
                        s += delta[l][i][j] * w[l][j][k];
                    }
                    delta[l - 1][i][k] = s * slope(hidden, z[l - 1][i][k]);
                }
            }
            // This row's share of every gradient: δ times the input that the weight multiplied.
            for (int l = 0; l < layers; l++) {
                double[] in = l == 0 ? x : a[l - 1][i];
                for (int j = 0; j < w[l].length; j++) {
                    for (int k = 0; k < in.length; k++) {
                        gw[l][j][k] += delta[l][i][j] * in[k];
                    }
                    gb[l][j] += delta[l][i][j];
                }
            }
        }
        for (int l = 0; l < layers; l++) {
            for (int j = 0; j < w[l].length; j++) {
                for (int k = 0; k < w[l][j].length; k++) {
                    gw[l][j][k] /= m;
                }
                gb[l][j] /= m;
            }
        }
        return new Expected(z, a, sum / m, delta, gw, gb);
    }

    /** Trains from the given start (which is not changed) for {@code epochs} epochs. */
    public static Run train(Dataset data, Activation hidden, double[][][] startWeights, double[][] startBiases,
            Loss loss, Updates updates, double learningRate, int epochs) {
        double[][][] w = copy(startWeights);
        double[][] b = copy(startBiases);
        double[] history = new double[epochs];
        int n = data.rows();
        for (int epoch = 0; epoch < epochs; epoch++) {
            if (updates == Updates.BATCH) {
                Expected pass = pass(data, 0, n, hidden, w, b, loss);
                history[epoch] = pass.loss();
                step(w, b, pass, learningRate);
            } else {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    Expected pass = pass(data, i, i + 1, hidden, w, b, loss);
                    sum += pass.loss();
                    step(w, b, pass, learningRate);
                }
                history[epoch] = sum / n;
            }
        }
        return new Run(w, b, history, pass(data, 0, n, hidden, w, b, loss).loss());
    }

    private static void step(double[][][] w, double[][] b, Expected pass, double learningRate) {
        for (int l = 0; l < w.length; l++) {
            for (int j = 0; j < w[l].length; j++) {
                for (int k = 0; k < w[l][j].length; k++) {
                    w[l][j][k] -= learningRate * pass.weightGradients()[l][j][k];
                }
                b[l][j] -= learningRate * pass.biasGradients()[l][j];
            }
        }
    }

    static double[][][] copy(double[][][] w) {
        double[][][] c = new double[w.length][][];
        for (int l = 0; l < w.length; l++) {
            c[l] = copy(w[l]);
        }
        return c;
    }

    static double[][] copy(double[][] b) {
        double[][] c = new double[b.length][];
        for (int l = 0; l < b.length; l++) {
            c[l] = b[l].clone();
        }
        return c;
    }
}
