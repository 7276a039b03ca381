package dev.tinynn.plain;

import dev.tinynn.core.Activation;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.spi.NetworkChecks;
import dev.tinynn.core.spi.NetworkWorkspace;
import java.util.Arrays;

/**
 * A network's arithmetic as loops over {@code double[]}, each formula beside its loop. Every
 * matrix is one row-major array (entry (r, c) of an R×C matrix at {@code r*C + c}), as the SPI
 * passes them: X is n×d, Wₗ is inputs(l)×units(l), and Zₗ, Aₗ and Δₗ hold n rows of units(l),
 * of which the first m are the selected rows. Every array is allocated here, once; the operations
 * only write into them. Arrays are indexed by layer l from 1, as the formulas are; index 0 is
 * unused (A₀ is X itself, read from the first selected row on).
 *
 * <p>Sums run in index order, one term at a time, like {@link PlainWorkspace}'s.
 */
final class PlainNetworkWorkspace implements NetworkWorkspace {
    private final NetworkShape shape;
    private final int n;              // rows
    private final int d;              // features
    private final int layers;         // L: the hidden layers and the output neuron
    private final double[] x;         // n×d inputs, row-major
    private final double[] y;         // n labels
    private final double[][] w;       // Wₗ: inputs(l)×units(l)
    private final double[][] b;       // bₗ: units(l)
    private final double[][] gw;      // Gₗ = Aₗ₋₁ᵀ·Δₗ / m
    private final double[][] gb;      // gₗ = column sums of Δₗ / m
    private final double[][] z;       // Zₗ: n×units(l), first m rows in use
    private final double[][] a;       // Aₗ = fₗ(Zₗ)
    private final double[][] delta;   // Δₗ = ∂ℓ/∂Zₗ
    private int from;                 // first selected row
    private int m;                    // selected rows

    PlainNetworkWorkspace(Dataset data, NetworkShape shape) {
        NetworkChecks.requireFits(shape, data);
        this.shape = shape;
        n = data.rows();
        d = data.features();
        layers = shape.layers();
        x = data.rowMajor();
        y = data.labels();
        w = new double[layers + 1][];
        b = new double[layers + 1][];
        gw = new double[layers + 1][];
        gb = new double[layers + 1][];
        z = new double[layers + 1][];
        a = new double[layers + 1][];
        delta = new double[layers + 1][];
        for (int l = 1; l <= layers; l++) {
            int units = shape.units(l);
            w[l] = new double[shape.inputs(l) * units];
            b[l] = new double[units];
            gw[l] = new double[shape.inputs(l) * units];
            gb[l] = new double[units];
            z[l] = new double[n * units];
            a[l] = new double[n * units];
            delta[l] = new double[n * units];
        }
        m = n;
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public NetworkShape shape() {
        return shape;
    }

    @Override
    public void setLayer(int layer, double[] weights, double[] biases) {
        NetworkChecks.requireLayer(shape, layer, weights, biases);
        System.arraycopy(weights, 0, w[layer], 0, weights.length);
        System.arraycopy(biases, 0, b[layer], 0, biases.length);
    }

    @Override
    public void selectRows(int from, int to) {
        NetworkChecks.requireRows(from, to, n);
        this.from = from;
        this.m = to - from;
    }

    @Override
    public int selectedRows() {
        return m;
    }

    // Zₗ = Aₗ₋₁·Wₗ + bₗ:  zᵢⱼ = bⱼ + Σₖ aᵢₖ·wₖⱼ
    @Override
    public void forward(int layer) {
        int inputs = shape.inputs(layer);
        int units = shape.units(layer);
        double[] in = input(layer);
        int offset = inputOffset(layer);
        double[] weights = w[layer];
        double[] out = z[layer];
        for (int i = 0; i < m; i++) {
            System.arraycopy(b[layer], 0, out, i * units, units);
            for (int k = 0; k < inputs; k++) {
                double aik = in[offset + i * inputs + k];
                for (int j = 0; j < units; j++) {
                    out[i * units + j] += aik * weights[k * units + j];
                }
            }
        }
    }

    // Aₗ = fₗ(Zₗ), element by element
    @Override
    public void activate(int layer) {
        Activation f = shape.activationOf(layer);
        int size = m * shape.units(layer);
        for (int e = 0; e < size; e++) {
            a[layer][e] = f.of(z[layer][e]);
        }
    }

    // L = (1/m)·Σ ℓ(zᵢ, pᵢ, yᵢ), with z and p the output neuron's
    @Override
    public double loss(Loss loss) {
        double sum = 0;
        for (int i = 0; i < m; i++) {
            sum += loss.of(z[layers][i], a[layers][i], y[from + i]);
        }
        return sum / m;
    }

    // Δ_L: δᵢ = ∂ℓ/∂zᵢ
    @Override
    public void delta(Loss loss) {
        for (int i = 0; i < m; i++) {
            delta[layers][i] = loss.dz(a[layers][i], y[from + i]);
        }
    }

    // Gₗ = Aₗ₋₁ᵀ·Δₗ / m:  gₖⱼ = Σᵢ aᵢₖ·δᵢⱼ / m;   gₗ = Σᵢ δᵢⱼ / m
    @Override
    public void gradient(int layer) {
        int inputs = shape.inputs(layer);
        int units = shape.units(layer);
        double[] in = input(layer);
        int offset = inputOffset(layer);
        double[] g = gw[layer];
        double[] dl = delta[layer];
        Arrays.fill(g, 0);
        Arrays.fill(gb[layer], 0);
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < inputs; k++) {
                double aik = in[offset + i * inputs + k];
                for (int j = 0; j < units; j++) {
                    g[k * units + j] += aik * dl[i * units + j];
                }
            }
            for (int j = 0; j < units; j++) {
                gb[layer][j] += dl[i * units + j];
            }
        }
        for (int e = 0; e < g.length; e++) {
            g[e] /= m;
        }
        for (int j = 0; j < units; j++) {
            gb[layer][j] /= m;
        }
    }

    // Δₗ₋₁ = (Δₗ·Wₗᵀ) ⊙ fₗ₋₁′(Zₗ₋₁, Aₗ₋₁):  δᵢₖ = (Σⱼ δᵢⱼ·wₖⱼ) · f′(zᵢₖ, aᵢₖ)
    @Override
    public void backpropagate(int layer) {
        NetworkChecks.requireLayerBefore(shape, layer);
        int inputs = shape.inputs(layer);
        int units = shape.units(layer);
        Activation f = shape.activationOf(layer - 1);
        double[] weights = w[layer];
        double[] dl = delta[layer];
        double[] before = delta[layer - 1];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < inputs; k++) {
                double sum = 0;
                for (int j = 0; j < units; j++) {
                    sum += dl[i * units + j] * weights[k * units + j];
                }
                int e = i * inputs + k;
                before[e] = sum * f.slope(z[layer - 1][e], a[layer - 1][e]);
            }
        }
    }

    // Wₗ −= lr·Gₗ,  bₗ −= lr·gₗ
    @Override
    public void update(int layer, double learningRate) {
        NetworkChecks.layer(shape, layer);
        double[] weights = w[layer];
        for (int e = 0; e < weights.length; e++) {
            weights[e] -= learningRate * gw[layer][e];
        }
        for (int j = 0; j < b[layer].length; j++) {
            b[layer][j] -= learningRate * gb[layer][j];
        }
    }

    /** Aₗ₋₁: X for the first layer (read from the first selected row), else the layer before's A. */
    private double[] input(int layer) {
        NetworkChecks.layer(shape, layer);
        return layer == 1 ? x : a[layer - 1];
    }

    /** Where the selected rows of {@link #input} start. */
    private int inputOffset(int layer) {
        return layer == 1 ? from * d : 0;
    }

    @Override
    public void read(Matrix matrix, int layer, double[] out) {
        int length = NetworkChecks.requireLength(matrix, shape, layer, m, out);
        double[] source = switch (matrix) {
            case WEIGHTS -> w[layer];
            case BIASES -> b[layer];
            case WEIGHT_GRADIENT -> gw[layer];
            case BIAS_GRADIENT -> gb[layer];
            case Z -> z[layer];
            case A -> a[layer];
            case DELTA -> delta[layer];
        };
        System.arraycopy(source, 0, out, 0, length);
    }
}
