package dev.tinynn.plain;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Sigmoid;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;
import java.util.Arrays;

/**
 * The neuron's arithmetic as loops over {@code double[]}. X is stored row-major: row i, feature j
 * at {@code x[i*d + j]}. Every array is allocated here, once; the operations only write into them.
 *
 * <p>Sums run in index order, one term at a time, so the results are exactly what the tutorial's
 * Python computes and what a person adds up on paper.
 */
final class PlainWorkspace implements Workspace {
    private final int n;          // rows
    private final int d;          // features
    private final double[] x;     // n×d inputs, row-major
    private final double[] y;     // n labels
    private final double[] w;     // d weights
    private double b;             // bias
    private final double[] z;     // n raw scores
    private final double[] p;     // n probabilities
    private final double[] delta; // n values of ∂ℓ/∂z
    private final double[] g;     // d gradient entries
    private double gb;            // gradient for b

    PlainWorkspace(Dataset data) {
        n = data.rows();
        d = data.features();
        x = data.rowMajor();
        y = data.labels();
        w = new double[d];
        z = new double[n];
        p = new double[n];
        delta = new double[n];
        g = new double[d];
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public int features() {
        return d;
    }

    @Override
    public void setParameters(double[] weights, double bias) {
        System.arraycopy(weights, 0, w, 0, d);
        b = bias;
    }

    // z = X·w + b
    @Override
    public void forward() {
        for (int i = 0; i < n; i++) {
            z[i] = forwardRow(i);
        }
    }

    // p = σ(z)
    @Override
    public void sigmoid() {
        for (int i = 0; i < n; i++) {
            p[i] = Sigmoid.of(z[i]);
        }
    }

    // L = (1/n)·Σ ℓ(zᵢ, pᵢ, yᵢ)
    @Override
    public double loss(Loss loss) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += loss.of(z[i], p[i], y[i]);
        }
        return sum / n;
    }

    // δᵢ = ∂ℓ/∂zᵢ
    @Override
    public void delta(Loss loss) {
        for (int i = 0; i < n; i++) {
            delta[i] = loss.dz(p[i], y[i]);
        }
    }

    // g = Xᵀ·δ / n,  g_b = Σδ / n
    @Override
    public void gradient() {
        Arrays.fill(g, 0);
        gb = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                g[j] += delta[i] * x[i * d + j];
            }
            gb += delta[i];
        }
        for (int j = 0; j < d; j++) {
            g[j] /= n;
        }
        gb /= n;
    }

    // w −= lr·g,  b −= lr·g_b
    @Override
    public void update(double learningRate) {
        for (int j = 0; j < d; j++) {
            w[j] -= learningRate * g[j];
        }
        b -= learningRate * gb;
    }

    // zᵢ = xᵢ·w + b
    @Override
    public double forwardRow(int i) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            sum += x[i * d + j] * w[j];
        }
        return sum + b;
    }

    // w −= step·xᵢ,  b −= step
    @Override
    public void updateRow(int i, double step) {
        for (int j = 0; j < d; j++) {
            w[j] -= step * x[i * d + j];
        }
        b -= step;
    }

    @Override
    public void read(Buffer buffer, double[] out) {
        double[] source = switch (buffer) {
            case WEIGHTS -> w;
            case GRADIENT -> g;
            case Z -> z;
            case P -> p;
            case DELTA -> delta;
        };
        System.arraycopy(source, 0, out, 0, source.length);
    }

    @Override
    public double bias() {
        return b;
    }

    @Override
    public double biasGradient() {
        return gb;
    }
}
