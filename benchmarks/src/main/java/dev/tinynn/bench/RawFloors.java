package dev.tinynn.bench;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemv;

import dev.tinynn.core.Dataset;
import org.bytedeco.javacpp.DoublePointer;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.loss.SigmoidCrossEntropyLoss;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each library's shortest hand-written batch epoch with cross-entropy: the same math as tinynn's
 * (z = X·w + b, p = σ(z), L = mean of max(z,0) − y·z + ln(1 + e^−|z|), δ = p − y, g = Xᵀδ/n,
 * g_b = Σδ/n, w −= lr·g, b −= lr·g_b), written straight against the library with no tinynn code:
 * no interface, no Workspace, no core helpers. The data come from a tinynn {@link Dataset} only
 * when the floor is built, outside the timing. ND4J has two: {@code nd4j}, the calls its backend
 * makes in ND4J's own idiom (the floor tinynn's nd4j epoch is compared with), and {@code nd4j-blas},
 * direct OpenBLAS calls on ND4J's memory, how far below its own API the same arithmetic can go.
 */
final class RawFloors {
    private RawFloors() {
    }

    /** One epoch, returning its loss. */
    interface Floor extends AutoCloseable {
        double epoch(double lr);

        /** Sets w = 0.1 each and b = 0, the start of every iteration. */
        void reset();

        @Override
        default void close() {
        }
    }

    static Floor of(String library, Dataset data) {
        return switch (library) {
            case "plain" -> new ArraysFloor(data);
            case "ejml" -> new EjmlFloor(data);
            case "nd4j", "nd4j-default" -> {
                Nd4jThreads.start(Nd4jThreads.forName(library));
                yield new Nd4jFloor(data);
            }
            case "nd4j-blas" -> {
                Nd4jThreads.start(1);
                yield new Nd4jBlasFloor(data);
            }
            default -> throw new IllegalArgumentException("no raw floor for '" + library + "'");
        };
    }

    /** Loops over double[], in the plain backend's order, one pass per step. */
    static final class ArraysFloor implements Floor {
        final int n;
        final int d;
        final double[] x;
        final double[] y;
        final double[] w;
        final double[] z;
        final double[] p;
        final double[] delta;
        final double[] g;
        double b;

        ArraysFloor(Dataset data) {
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
        public void reset() {
            java.util.Arrays.fill(w, 0.1);
            b = 0;
        }

        @Override
        public double epoch(double lr) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += x[i * d + j] * w[j];
                }
                z[i] = s + b;
            }
            for (int i = 0; i < n; i++) {
                p[i] = 1.0 / (1.0 + Math.exp(-z[i]));
            }
            double loss = 0;
            for (int i = 0; i < n; i++) {
                loss += Math.max(z[i], 0) - y[i] * z[i] + Math.log1p(Math.exp(-Math.abs(z[i])));
            }
            loss /= n;
            for (int i = 0; i < n; i++) {
                delta[i] = p[i] - y[i];
            }
            java.util.Arrays.fill(g, 0);
            double gb = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    g[j] += delta[i] * x[i * d + j];
                }
                gb += delta[i];
            }
            for (int j = 0; j < d; j++) {
                w[j] -= lr * (g[j] / n);
            }
            b -= lr * (gb / n);
            return loss;
        }
    }

    /** CommonOps_DDRM calls on DMatrixRMaj, plus the loops EJML has no call for (σ and the loss). */
    static final class EjmlFloor implements Floor {
        final int n;
        final DMatrixRMaj x;
        final DMatrixRMaj y;
        final DMatrixRMaj w;
        final DMatrixRMaj z;
        final DMatrixRMaj p;
        final DMatrixRMaj delta;
        final DMatrixRMaj g;
        double b;

        EjmlFloor(Dataset data) {
            n = data.rows();
            int d = data.features();
            x = DMatrixRMaj.wrap(n, d, data.rowMajor());
            y = DMatrixRMaj.wrap(n, 1, data.labels());
            w = new DMatrixRMaj(d, 1);
            z = new DMatrixRMaj(n, 1);
            p = new DMatrixRMaj(n, 1);
            delta = new DMatrixRMaj(n, 1);
            g = new DMatrixRMaj(d, 1);
        }

        @Override
        public void reset() {
            CommonOps_DDRM.fill(w, 0.1);
            b = 0;
        }

        @Override
        public double epoch(double lr) {
            CommonOps_DDRM.mult(x, w, z);
            CommonOps_DDRM.add(z, b);
            double[] zd = z.data;
            double[] pd = p.data;
            double[] yd = y.data;
            for (int i = 0; i < n; i++) {
                pd[i] = 1.0 / (1.0 + Math.exp(-zd[i]));
            }
            double loss = 0;
            for (int i = 0; i < n; i++) {
                loss += Math.max(zd[i], 0) - yd[i] * zd[i] + Math.log1p(Math.exp(-Math.abs(zd[i])));
            }
            loss /= n;
            CommonOps_DDRM.subtract(p, y, delta);
            CommonOps_DDRM.multTransA(x, delta, g);
            CommonOps_DDRM.divide(g, n);
            double gb = CommonOps_DDRM.elementSum(delta) / n;
            CommonOps_DDRM.addEquals(w, -lr, g);
            b -= lr * gb;
            return loss;
        }
    }

    /**
     * ND4J in its own idiom, the calls the nd4j backend makes, one line per step: INDArray
     * operations writing into preallocated arrays ({@code mmuli} into a column-major z and g, the
     * transpose a view made once), ND4J's sigmoid and loss operations, the update through ND4J's BLAS wrapper,
     * and the bias a plain {@code double}. tinynn's nd4j epoch divided by this is the cost of
     * tinynn's abstraction on ND4J.
     */
    static final class Nd4jFloor implements Floor {
        final int n;
        final int d;
        final INDArray x;
        final INDArray xt;
        final INDArray y;
        final INDArray w;
        final INDArray z;
        final INDArray p;
        final INDArray delta;
        final INDArray g;
        final INDArray one;
        final INDArray sum;
        double b;

        Nd4jFloor(Dataset data) {
            n = data.rows();
            d = data.features();
            x = Nd4j.create(data.rowMajor(), new long[] {n, d}, DataType.DOUBLE);
            xt = x.transpose();                              // a view, made once
            y = Nd4j.create(DataType.DOUBLE, new long[] {n, 1}, 'f');
            y.data().setData(data.labels());
            w = Nd4j.create(DataType.DOUBLE, new long[] {d, 1}, 'f');
            z = Nd4j.create(DataType.DOUBLE, new long[] {n, 1}, 'f');
            p = Nd4j.create(DataType.DOUBLE, new long[] {n, 1}, 'f');
            delta = Nd4j.create(DataType.DOUBLE, new long[] {n, 1}, 'f');
            g = Nd4j.create(DataType.DOUBLE, new long[] {d, 1}, 'f');
            one = Nd4j.scalar(DataType.DOUBLE, 1.0);
            sum = Nd4j.scalar(DataType.DOUBLE, 0.0);
        }

        @Override
        public void reset() {
            w.assign(0.1);
            b = 0;
        }

        @Override
        public double epoch(double lr) {
            x.mmuli(w, z);                                   // z = X·w + b
            z.addi(b);
            Nd4j.exec(new Sigmoid(z, p));                    // p = σ(z)
            SigmoidCrossEntropyLoss op = new SigmoidCrossEntropyLoss(y, z, one, LossReduce.SUM, 0.0);
            op.addOutputArgument(sum);
            Nd4j.exec(op);                                   // L = Σℓ / n
            double loss = sum.getDouble(0) / n;
            p.subi(y, delta);                                // δ = p − y
            xt.mmuli(delta, g);                              // g = Xᵀ·δ / n
            g.divi(n);
            double gb = delta.sum(sum).getDouble(0) / n;     // g_b = Σδ / n
            Nd4j.getBlasWrapper().level1().axpy(d, -lr, g, w); // w −= lr·g
            b -= lr * gb;
            return loss;
        }

        @Override
        public void close() {
            for (INDArray a : new INDArray[] {x, y, w, z, p, delta, g, one, sum}) {
                a.close();
            }
        }
    }

    /**
     * ND4J's fewest and cheapest calls, below its own API: six, with the bias folded into the
     * product as a column of ones; the products go straight to the OpenBLAS that ND4J bundles
     * ({@code cblas_dgemv} on the arrays' memory), the update through ND4J's BLAS wrapper (axpy),
     * δ = p − y is the legacy axpy transform, the sigmoid and the loss are ND4J ops. The nd4j
     * backend was written this way before it moved to ND4J's own idiom; this floor keeps that
     * version measurable beside {@link Nd4jFloor}.
     */
    static final class Nd4jBlasFloor implements Floor {
        final int n;
        final int d;
        final INDArray x;
        final INDArray y;
        final INDArray w;
        final INDArray z;
        final INDArray p;
        final INDArray delta;
        final INDArray g;
        final INDArray one;
        final INDArray sum;
        final DoublePointer xb;
        final DoublePointer wb;
        final DoublePointer zb;
        final DoublePointer db;
        final DoublePointer gb;

        Nd4jBlasFloor(Dataset data) {
            n = data.rows();
            d = data.features();
            double[] flat = new double[n * (d + 1)];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    flat[i * (d + 1) + j] = data.x(i, j);
                }
                flat[i * (d + 1) + d] = 1;
            }
            x = Nd4j.create(flat, new long[] {n, d + 1}, DataType.DOUBLE);
            y = Nd4j.create(data.labels(), new long[] {n, 1}, DataType.DOUBLE);
            w = Nd4j.zeros(DataType.DOUBLE, d + 1, 1);
            z = Nd4j.zeros(DataType.DOUBLE, n, 1);
            p = Nd4j.zeros(DataType.DOUBLE, n, 1);
            delta = Nd4j.zeros(DataType.DOUBLE, n, 1);
            g = Nd4j.zeros(DataType.DOUBLE, d + 1, 1);
            one = Nd4j.scalar(DataType.DOUBLE, 1.0);
            sum = Nd4j.scalar(DataType.DOUBLE, 0.0);
            xb = new DoublePointer(x.data().addressPointer());
            wb = new DoublePointer(w.data().addressPointer());
            zb = new DoublePointer(z.data().addressPointer());
            db = new DoublePointer(delta.data().addressPointer());
            gb = new DoublePointer(g.data().addressPointer());
        }

        @Override
        public void reset() {
            for (int j = 0; j < d; j++) {
                w.putScalar(j, 0.1);
            }
            w.putScalar(d, 0.0);
        }

        @Override
        public double epoch(double lr) {
            cblas_dgemv(CblasRowMajor, CblasNoTrans, n, d + 1, 1.0, xb, d + 1, wb, 1, 0.0, zb, 1); // ND4J's OpenBLAS
            Nd4j.exec(new Sigmoid(z, p));
            SigmoidCrossEntropyLoss loss = new SigmoidCrossEntropyLoss(y, z, one, LossReduce.SUM, 0.0);
            loss.addOutputArgument(sum);
            Nd4j.exec(loss);
            Nd4j.exec(new Axpy(y, p, delta, -1.0)); // δ = −1·y + p, the legacy transform (no custom-op set-up)
            cblas_dgemv(CblasRowMajor, CblasTrans, n, d + 1, 1.0 / n, xb, d + 1, db, 1, 0.0, gb, 1);
            Nd4j.getBlasWrapper().level1().axpy(d + 1, -lr, g, w);
            return sum.getDouble(0) / n;
        }

        @Override
        public void close() {
            for (INDArray a : new INDArray[] {x, y, w, z, p, delta, g, one, sum}) {
                a.close();
            }
        }
    }
}
