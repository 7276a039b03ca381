package dev.tinynn.bench;

import dev.tinynn.core.Dataset;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.loss.SigmoidCrossEntropyLoss;
import org.nd4j.linalg.api.blas.Level1;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The shortest hand-written batch epoch of a one-hidden-layer network (sigmoid hidden units, the
 * sigmoid output neuron, cross-entropy), straight against a library with no tinynn code, as
 * {@link RawFloors} are for the neuron:
 * <pre>
 *   Z₁ = X·W₁ + b₁,  A₁ = σ(Z₁),  z = A₁·w₂ + b₂,  p = σ(z),  L = mean of max(z,0) − y·z + ln(1 + e^−|z|)
 *   δ = p − y,  G₂ = A₁ᵀ·δ / n,  g₂ = Σδ / n,  Δ₁ = (δ·w₂ᵀ) ⊙ A₁ ⊙ (1 − A₁),  G₁ = Xᵀ·Δ₁ / n,  g₁ = column sums of Δ₁ / n
 *   W₁ −= lr·G₁,  b₁ −= lr·g₁,  w₂ −= lr·G₂,  b₂ −= lr·g₂
 * </pre>
 * {@code plain} is loops over {@code double[]} (i-k-j order, so the inner loop runs along a row of
 * W₁ and of Z₁), written apart from tinynn's backends: the peers' weights are checked against
 * tinynn's, and tinynn's plain backend against this ({@link NetworkExchange}). {@code nd4j} and
 * {@code nd4j-default} are ND4J in its own idiom ({@link Nd4jFloor}) on one native thread and on
 * one per core: the floor tinynn's nd4j network epoch is compared with.
 */
final class NetworkFloors {
    private NetworkFloors() {
    }

    /** One network epoch, returning its loss. */
    interface Floor extends AutoCloseable {
        double epoch(double lr);

        /** Sets every weight and bias to {@code layers} = [W₁, b₁, w₂, b₂] ({@link Networks#initialLayers}'s layout). */
        void set(double[][] layers);

        /** A copy of [W₁, b₁, w₂, b₂] as they are now. */
        double[][] layers();

        @Override
        default void close() {
        }
    }

    static Floor of(String library, Dataset data, int hidden) {
        return switch (library) {
            case "plain" -> new ArraysFloor(data, hidden);
            case "nd4j", "nd4j-default" -> {
                Nd4jThreads.start(Nd4jThreads.forName(library));
                yield new Nd4jFloor(data, hidden);
            }
            default -> throw new IllegalArgumentException("no network floor for '" + library + "'");
        };
    }

    /** Loops over double[], one pass per step. */
    static final class ArraysFloor implements Floor {
        final int n;
        final int d;
        final int h;
        final double[] x;
        final double[] y;
        final double[] w1;
        final double[] b1;
        final double[] w2;
        final double[] z1;
        final double[] a1;
        final double[] z2;
        final double[] p;
        final double[] delta;
        final double[] d1;
        final double[] g1;
        final double[] gb1;
        final double[] g2;
        double b2;

        ArraysFloor(Dataset data, int hidden) {
            n = data.rows();
            d = data.features();
            h = hidden;
            x = data.rowMajor();
            y = data.labels();
            w1 = new double[d * h];
            b1 = new double[h];
            w2 = new double[h];
            z1 = new double[n * h];
            a1 = new double[n * h];
            z2 = new double[n];
            p = new double[n];
            delta = new double[n];
            d1 = new double[n * h];
            g1 = new double[d * h];
            gb1 = new double[h];
            g2 = new double[h];
        }

        @Override
        public void set(double[][] layers) {
            System.arraycopy(layers[0], 0, w1, 0, d * h);
            System.arraycopy(layers[1], 0, b1, 0, h);
            System.arraycopy(layers[2], 0, w2, 0, h);
            b2 = layers[3][0];
        }

        @Override
        public double[][] layers() {
            return new double[][] {w1.clone(), b1.clone(), w2.clone(), {b2}};
        }

        @Override
        public double epoch(double lr) {
            return step(0, n, lr);
        }

        /** One online epoch: one step per row, in order; returns the mean of the rows' losses before their steps. */
        double onlineEpoch(double lr) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += step(i, i + 1, lr);
            }
            return sum / n;
        }

        /** One gradient-descent step on rows from..to − 1 (m of them): the epoch above, with m in place of n. */
        double step(int from, int to, double lr) {
            int m = to - from;
            for (int i = from; i < to; i++) {                   // Z₁ = X·W₁ + b₁, A₁ = σ(Z₁)
                int row = i * h;
                System.arraycopy(b1, 0, z1, row, h);
                for (int k = 0; k < d; k++) {
                    double xik = x[i * d + k];
                    int wk = k * h;
                    for (int j = 0; j < h; j++) {
                        z1[row + j] += xik * w1[wk + j];
                    }
                }
                for (int j = 0; j < h; j++) {
                    a1[row + j] = 1.0 / (1.0 + Math.exp(-z1[row + j]));
                }
            }
            double loss = 0;
            for (int i = from; i < to; i++) {                   // z = A₁·w₂ + b₂, p = σ(z), the loss, δ = p − y
                double s = b2;
                for (int j = 0; j < h; j++) {
                    s += a1[i * h + j] * w2[j];
                }
                z2[i] = s;
                p[i] = 1.0 / (1.0 + Math.exp(-s));
                loss += Math.max(s, 0) - y[i] * s + Math.log1p(Math.exp(-Math.abs(s)));
                delta[i] = p[i] - y[i];
            }
            java.util.Arrays.fill(g2, 0);
            java.util.Arrays.fill(g1, 0);
            java.util.Arrays.fill(gb1, 0);
            double gb2 = 0;
            for (int i = from; i < to; i++) {                   // G₂ = A₁ᵀ·δ, Δ₁ = (δ·w₂ᵀ) ⊙ σ′, G₁ = Xᵀ·Δ₁
                int row = i * h;
                double di = delta[i];
                gb2 += di;
                for (int j = 0; j < h; j++) {
                    double a = a1[row + j];
                    g2[j] += a * di;
                    double e = di * w2[j] * (a * (1 - a));
                    d1[row + j] = e;
                    gb1[j] += e;
                }
                for (int k = 0; k < d; k++) {
                    double xik = x[i * d + k];
                    int gk = k * h;
                    for (int j = 0; j < h; j++) {
                        g1[gk + j] += xik * d1[row + j];
                    }
                }
            }
            for (int k = 0; k < d * h; k++) {
                w1[k] -= lr * (g1[k] / m);
            }
            for (int j = 0; j < h; j++) {
                b1[j] -= lr * (gb1[j] / m);
                w2[j] -= lr * (g2[j] / m);
            }
            b2 -= lr * (gb2 / m);
            return loss / m;
        }
    }

    /**
     * ND4J in its own idiom, as NumPy users write the epoch, one operation per NumPy expression and
     * each the cheapest ND4J has for it: {@code mmuli} into column-major ('f') results (ND4J's matmul
     * writes into those directly; into a row-major one it makes a new array and copies), the
     * transposes views made once, σ and σ′ as single ops writing where they are told, the loss as
     * one op, the updates through ND4J's BLAS wrapper (axpy).
     */
    static final class Nd4jFloor implements Floor {
        final int n;
        final int d;
        final int h;
        final INDArray x;
        final INDArray xt;
        final INDArray y;
        final INDArray w1;
        final INDArray b1;
        final INDArray w2;
        final INDArray w2t;
        final INDArray b2;
        final INDArray z1;
        final INDArray a1;
        final INDArray a1t;
        final INDArray z2;
        final INDArray p;
        final INDArray delta;
        final INDArray d1;
        final INDArray g1;
        final INDArray gb1;
        final INDArray g2;
        final INDArray gb2;
        final INDArray one;
        final INDArray sum;

        Nd4jFloor(Dataset data, int hidden) {
            n = data.rows();
            d = data.features();
            h = hidden;
            x = Nd4j.create(data.rowMajor(), new long[] {n, d}, DataType.DOUBLE);
            xt = x.transpose();                                  // views, made once
            y = matrix(n, 1);
            y.assign(Nd4j.create(data.labels(), new long[] {n, 1}, DataType.DOUBLE));
            w1 = matrix(d, h);
            b1 = matrix(1, h);
            w2 = matrix(h, 1);
            w2t = w2.transpose();
            b2 = matrix(1, 1);
            z1 = matrix(n, h);
            a1 = matrix(n, h);
            a1t = a1.transpose();
            z2 = matrix(n, 1);
            p = matrix(n, 1);
            delta = matrix(n, 1);
            d1 = matrix(n, h);
            g1 = matrix(d, h);
            gb1 = matrix(1, h);
            g2 = matrix(h, 1);
            gb2 = matrix(1, 1);
            one = Nd4j.scalar(DataType.DOUBLE, 1.0);
            sum = Nd4j.scalar(DataType.DOUBLE, 0.0);
        }

        private static INDArray matrix(int rows, int columns) {
            return Nd4j.create(DataType.DOUBLE, new long[] {rows, columns}, 'f');
        }

        @Override
        public void set(double[][] layers) {
            w1.assign(Nd4j.create(layers[0], new long[] {d, h}, DataType.DOUBLE));
            b1.assign(Nd4j.create(layers[1], new long[] {1, h}, DataType.DOUBLE));
            w2.assign(Nd4j.create(layers[2], new long[] {h, 1}, DataType.DOUBLE));
            b2.assign(layers[3][0]);
        }

        @Override
        public double[][] layers() {
            return new double[][] {w1.dup('c').data().asDouble(), b1.dup('c').data().asDouble(),
                    w2.dup('c').data().asDouble(), {b2.getDouble(0)}};
        }

        @Override
        public double epoch(double lr) {
            x.mmuli(w1, z1).addiRowVector(b1);                  // Z₁ = X·W₁ + b₁
            Nd4j.exec(new Sigmoid(z1, a1));                      // A₁ = σ(Z₁)
            a1.mmuli(w2, z2).addiRowVector(b2);                  // z = A₁·w₂ + b₂
            Nd4j.exec(new Sigmoid(z2, p));                       // p = σ(z)
            SigmoidCrossEntropyLoss op = new SigmoidCrossEntropyLoss(y, z2, one, LossReduce.SUM, 0.0);
            op.addOutputArgument(sum);
            Nd4j.exec(op);                                       // L = Σℓ / n
            double loss = sum.getDouble(0) / n;
            p.subi(y, delta);                                    // δ = p − y
            a1t.mmuli(delta, g2).divi(n);                        // G₂ = A₁ᵀ·δ / n
            delta.sum(gb2, true, 0).divi(n);                     // g₂ = Σδ / n
            delta.mmuli(w2t, d1);                                // Δ₁ = (δ·w₂ᵀ) ⊙ σ′(Z₁)
            Nd4j.exec(new SigmoidDerivative(z1, d1, d1));
            xt.mmuli(d1, g1).divi(n);                            // G₁ = Xᵀ·Δ₁ / n
            d1.sum(gb1, true, 0).divi(n);                        // g₁ = column sums of Δ₁ / n
            Level1 blas = Nd4j.getBlasWrapper().level1();        // W −= lr·G, b −= lr·g
            blas.axpy(w1.length(), -lr, g1, w1);
            blas.axpy(h, -lr, gb1, b1);
            blas.axpy(h, -lr, g2, w2);
            blas.axpy(1, -lr, gb2, b2);
            return loss;
        }

        @Override
        public void close() {
            for (INDArray a : new INDArray[] {x, y, w1, b1, w2, b2, z1, a1, z2, p, delta, d1, g1, gb1, g2, gb2, one, sum}) {
                a.close();
            }
        }
    }
}
