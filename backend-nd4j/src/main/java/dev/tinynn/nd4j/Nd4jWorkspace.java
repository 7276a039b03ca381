package dev.tinynn.nd4j;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_daxpy;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_ddot;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemv;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;
import java.util.Objects;
import org.bytedeco.javacpp.DoublePointer;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.loss.BaseLoss;
import org.nd4j.linalg.api.ops.impl.loss.MeanSquaredErrorLoss;
import org.nd4j.linalg.api.ops.impl.loss.SigmoidCrossEntropyLoss;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The neuron's arithmetic as ND4J operations on double-precision INDArrays, every one allocated
 * here, once; the operations write into them in place. Read {@code PlainWorkspace} first: this
 * class has its fields (b and g_b live at the ends of w and g, see below) and its methods in the
 * same order, each method saying the same thing in ND4J's words.
 *
 * <p><b>The bias is folded into the product.</b> X is stored with an extra column of ones, and
 * w with the bias as its last entry, so that each step is one call instead of two:
 * <pre>
 *   z = [X 1]·[w; b]  = X·w + b                     (forward: one product)
 *   g = [X 1]ᵀ·δ / n  = [Xᵀ·δ / n;  Σδ / n]          (gradient: one product, g_b comes last)
 *   [w; b] −= lr·g                                  (update: one axpy)
 * </pre>
 * Nothing outside sees this: {@code read(WEIGHTS)} and {@code read(GRADIENT)} copy the first d
 * entries, {@link #bias()} and {@link #biasGradient()} return the last one. Both products are
 * OpenBLAS's dgemv (the BLAS that ND4J bundles and its own gemm ends in), called directly on the
 * arrays' memory like the online steps' ddot and axpy, and with the transpose flag for g: Xᵀ is never
 * made. Going through {@code Nd4j.gemm} instead cost ~20 µs of op set-up per product, most of a
 * tutorial-size epoch.
 *
 * <p><b>Native calls</b> (each one a trip through JNI into libnd4j or OpenBLAS that does
 * arithmetic; counted with ND4J's {@code OpProfiler} in {@code Nd4jWorkspaceTest}):
 * <ul>
 *   <li>one batch epoch with cross-entropy, the tutorial's loss: 6, one per operation (BLAS
 *       product, sigmoid, loss, subtract, BLAS transposed product, BLAS axpy); with squared error: 8,
 *       as its δ = 2·(p − y)·σ'(z) takes three (subtract, sigmoid derivative, scale). The subtract
 *       is ND4J's legacy "axpy" transform, δ = −1·y + p, because its custom SubOp spent ~15 µs
 *       setting up for four numbers;</li>
 *   <li>one online row: 2, a BLAS dot for {@link #forwardRow} and a BLAS axpy for
 *       {@link #updateRow}, straight on the row's memory.</li>
 * </ul>
 * ND4J's "custom" operations (the losses, the sigmoid derivative) also make a few
 * JNI calls each to build their argument list, which do no arithmetic.
 *
 * <p><b>Allocation.</b> The arrays never change, but ND4J allocates small Java objects for every
 * operation (the op itself, its argument lists, its native argument context): about 17 KB of
 * garbage per batch epoch with cross-entropy, 23 KB with squared error, the same at 4×1 as at
 * 10,000×64. The online methods allocate nothing (tested): they call OpenBLAS's
 * {@code cblas_ddot} and {@code cblas_daxpy}, the functions ND4J's own level-1 BLAS calls, with a
 * pointer moved to row i, where ND4J's API would first make a view of the row.
 *
 * <p><b>Rounding.</b> Not always plain's bits: OpenBLAS adds a long dot product's terms in its own
 * order, the gradient is multiplied by 1/n instead of divided by n, and libnd4j's {@code exp} and
 * {@code log} are C's, not Java's. Measured against plain: the tutorial's online runs agree bit for
 * bit; its batch run (1,000 epochs) to 5e-15; 100 epochs on random 10,000×64 data to 3e-16.
 *
 * <p>After {@link #close()} the native memory is freed and the workspace must not be used.
 */
final class Nd4jWorkspace implements Workspace {
    private final int n;            // rows
    private final int d;            // features
    private final INDArray x;       // n×(d+1) inputs, row-major, then a column of ones
    private final INDArray y;       // n labels
    private final INDArray w;       // d weights, then the bias b
    private final INDArray z;       // n raw scores
    private final INDArray p;       // n probabilities
    private final INDArray delta;   // n values of ∂ℓ/∂z
    private final INDArray g;       // d gradient entries, then the gradient for b
    private final INDArray one;     // the loss operations' weight for every row: 1
    private final INDArray sum;     // the loss operations' result: Σ ℓ
    private final DoublePointer xi; // row i of x, moved by forwardRow and updateRow
    private final DoublePointer wb; // w, for the same BLAS calls
    private final DoublePointer xb; // x, for the BLAS products of forward and gradient
    private final DoublePointer zb; // z
    private final DoublePointer db; // δ
    private final DoublePointer gb; // g

    Nd4jWorkspace(Dataset data) {
        n = data.rows();
        d = data.features();
        x = Nd4j.create(withOnes(data.rowMajor(), n, d), new long[] {n, d + 1}, DataType.DOUBLE);
        y = Nd4j.create(data.labels(), new long[] {n, 1}, DataType.DOUBLE);
        w = Nd4j.zeros(DataType.DOUBLE, d + 1, 1);
        z = Nd4j.zeros(DataType.DOUBLE, n, 1);
        p = Nd4j.zeros(DataType.DOUBLE, n, 1);
        delta = Nd4j.zeros(DataType.DOUBLE, n, 1);
        g = Nd4j.zeros(DataType.DOUBLE, d + 1, 1);
        one = Nd4j.scalar(DataType.DOUBLE, 1.0);
        sum = Nd4j.scalar(DataType.DOUBLE, 0.0);
        xi = new DoublePointer(x.data().addressPointer());
        wb = new DoublePointer(w.data().addressPointer());
        xb = new DoublePointer(x.data().addressPointer());
        zb = new DoublePointer(z.data().addressPointer());
        db = new DoublePointer(delta.data().addressPointer());
        gb = new DoublePointer(g.data().addressPointer());
    }

    /** Row-major n×d values with a 1 appended to every row. */
    private static double[] withOnes(double[] rowMajor, int n, int d) {
        double[] out = new double[n * (d + 1)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rowMajor, i * d, out, i * (d + 1), d);
            out[i * (d + 1) + d] = 1;
        }
        return out;
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
        for (int j = 0; j < d; j++) {
            w.putScalar(j, weights[j]);
        }
        w.putScalar(d, bias);
    }

    // z = X·w + b
    @Override
    public void forward() {
        // OpenBLAS's dgemv on the arrays' memory: Nd4j.gemm ends in the same BLAS routine, after ~20 µs
        // of op set-up that dominated a tutorial-size epoch.
        cblas_dgemv(CblasRowMajor, CblasNoTrans, n, d + 1, 1.0, xb, d + 1, wb, 1, 0.0, zb, 1);
    }

    // p = σ(z)
    @Override
    public void sigmoid() {
        Nd4j.exec(new Sigmoid(z, p));
    }

    // L = (1/n)·Σ ℓ(zᵢ, pᵢ, yᵢ)
    @Override
    public double loss(Loss loss) {
        BaseLoss op = switch (loss) {
            case SQUARED_ERROR -> new MeanSquaredErrorLoss(y, p, one, LossReduce.SUM);             // Σ (p − y)²
            case CROSS_ENTROPY -> new SigmoidCrossEntropyLoss(y, z, one, LossReduce.SUM, 0.0);    // from z, as Loss says
        };
        op.addOutputArgument(sum);
        Nd4j.exec(op);
        return sum.getDouble(0) / n;
    }

    // δᵢ = ∂ℓ/∂zᵢ
    @Override
    public void delta(Loss loss) {
        // δ = p − y, as δ = −1·y + p: ND4J's legacy "axpy" transform, one pass like SubOp but without
        // the custom-op set-up (argument context, shape checks) that made SubOp ~15 µs at 4 rows; the
        // bits are the same, as −1·y is exact.
        Nd4j.exec(new Axpy(y, p, delta, -1.0));
        if (loss == Loss.SQUARED_ERROR) {
            Nd4j.exec(new SigmoidDerivative(z, delta, delta));  // δ = (p − y)·p·(1 − p)
            delta.muli(2);                                      // δ = 2·(p − y)·p·(1 − p)
        }
    }

    // g = Xᵀ·δ / n,  g_b = Σδ / n
    @Override
    public void gradient() {
        cblas_dgemv(CblasRowMajor, CblasTrans, n, d + 1, 1.0 / n, xb, d + 1, db, 1, 0.0, gb, 1);
    }

    // w −= lr·g,  b −= lr·g_b
    @Override
    public void update(double learningRate) {
        Nd4j.getBlasWrapper().level1().axpy(d + 1, -learningRate, g, w);
    }

    // zᵢ = xᵢ·w + b
    @Override
    public double forwardRow(int i) {
        Objects.checkIndex(i, n); // a raw pointer has no bounds of its own
        return cblas_ddot(d + 1, xi.position((long) i * (d + 1)), 1, wb, 1);
    }

    // w −= step·xᵢ,  b −= step
    @Override
    public void updateRow(int i, double step) {
        Objects.checkIndex(i, n);
        cblas_daxpy(d + 1, -step, xi.position((long) i * (d + 1)), 1, wb, 1);
    }

    @Override
    public void read(Buffer buffer, double[] out) {
        INDArray source = switch (buffer) {
            case WEIGHTS -> w;
            case GRADIENT -> g;
            case Z -> z;
            case P -> p;
            case DELTA -> delta;
        };
        for (int k = 0; k < buffer.length(n, d); k++) {
            out[k] = source.getDouble(k);
        }
    }

    @Override
    public double bias() {
        return w.getDouble(d);
    }

    @Override
    public double biasGradient() {
        return g.getDouble(d);
    }

    @Override
    public void close() {
        for (INDArray array : new INDArray[] {x, y, w, z, p, delta, g, one, sum}) {
            array.close();
        }
    }
}
