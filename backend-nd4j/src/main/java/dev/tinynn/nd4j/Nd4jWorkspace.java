package dev.tinynn.nd4j;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;
import java.util.Objects;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.loss.BaseLoss;
import org.nd4j.linalg.api.ops.impl.loss.MeanSquaredErrorLoss;
import org.nd4j.linalg.api.ops.impl.loss.SigmoidCrossEntropyLoss;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The neuron's arithmetic as ND4J operations on double-precision INDArrays: X is an n×d matrix,
 * and every vector (w, y, z, p, δ, g) is a column, n×1 or d×1. Read it beside the plain backend's
 * PlainWorkspace and the EJML backend's EjmlWorkspace: the same fields (and a few of ND4J's own),
 * the same methods in the same order, each step written the way the tutorial's NumPy tab writes it
 * ({@code blas} is {@code Nd4j.getBlasWrapper().level1()}):
 * <pre>
 *   NumPy                          here
 *   z = X @ w + b                  x.mmuli(w, z);  z.addi(b)
 *   p = sigmoid(z)                 Nd4j.exec(new Sigmoid(z, p))
 *   δ = p − y                      p.subi(y, delta)
 *   g = X.T @ δ / n                xt.mmuli(delta, g);  g.divi(n)
 *   w -= lr * g                    blas.axpy(d, −lr, g, w)
 * </pre>
 * The bias is a plain {@code double}, as in PlainWorkspace, not a column of ones inside X.
 *
 * <p>Every array is allocated here, once; each operation writes into the one it is given. z and
 * g are column-major ('f') because {@code mmuli} hands a column-major result straight to ND4J's
 * matmul operation (libnd4j, which calls BLAS) and would otherwise compute into a fresh array and
 * copy it over; xt is a view (the same memory, read as Xᵀ), made once because every view ND4J
 * makes allocates a native buffer for its shape. What still allocates: every ND4J operation makes
 * small Java objects (the op, its argument lists), and with one feature ND4J treats the 1×1 w as a
 * scalar in forward and computes the 1×1 product of gradient into a scratch array before copying it
 * into g. The online steps copy row i into a scratch column, as EjmlWorkspace does, rather than take
 * a view of it. Time and garbage per epoch, and why the tutorial-size epoch is slower than the
 * same arithmetic in direct BLAS calls: benchmarks/results/nd4j-idiom.md.
 *
 * <p>Rounding: not always plain's bits. OpenBLAS adds a long dot product's terms in its own order,
 * and libnd4j's {@code exp} and {@code log} are C's, not Java's; the agreement test holds ND4J to
 * plain within 1e-10.
 *
 * <p>After {@link #close()} the native memory is freed and the workspace must not be used.
 */
final class Nd4jWorkspace implements Workspace {
    private final int n;            // rows
    private final int d;            // features
    private final INDArray x;       // n×d inputs, row-major
    private final INDArray xt;      // Xᵀ: a d×n view of the same memory, made once
    private final INDArray y;       // n×1 labels
    private final INDArray w;       // d×1 weights
    private double b;               // bias
    private final INDArray z;       // n×1 raw scores
    private final INDArray p;       // n×1 probabilities
    private final INDArray delta;   // n×1 values of ∂ℓ/∂z
    private final INDArray g;       // d×1 gradient entries
    private double gb;              // gradient for b
    private final INDArray one;     // the loss operations' weight for every row: 1
    private final INDArray sum;     // a scalar result: Σ ℓ for loss, Σδ for gradient
    private final INDArray xi;      // d×1 scratch: one row of X, for the online steps

    Nd4jWorkspace(Dataset data) {
        n = data.rows();
        d = data.features();
        x = Nd4j.create(data.rowMajor(), new long[] {n, d}, DataType.DOUBLE);
        xt = x.transpose();
        y = column(n);
        y.data().setData(data.labels());
        w = column(d);
        z = column(n);
        p = column(n);
        delta = column(n);
        g = column(d);
        one = Nd4j.scalar(DataType.DOUBLE, 1.0);
        sum = Nd4j.scalar(DataType.DOUBLE, 0.0);
        xi = column(d);
    }

    /** A column of zeros, column-major so that mmuli writes into it directly. */
    private static INDArray column(int length) {
        return Nd4j.create(DataType.DOUBLE, new long[] {length, 1}, 'f');
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
        w.data().setData(weights);
        b = bias;
    }

    // z = X·w + b
    @Override
    public void forward() {
        x.mmuli(w, z);
        z.addi(b);
    }

    // p = σ(z)
    @Override
    public void sigmoid() {
        // Transforms.sigmoid(z) would overwrite z or make a new array; the op writes σ(z) into p.
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
        p.subi(y, delta);                                       // δ = p − y
        if (loss == Loss.SQUARED_ERROR) {
            Nd4j.exec(new SigmoidDerivative(z, delta, delta));  // δ = (p − y)·p·(1 − p)
            delta.muli(2);                                      // δ = 2·(p − y)·p·(1 − p)
        }
    }

    // g = Xᵀ·δ / n,  g_b = Σδ / n
    @Override
    public void gradient() {
        xt.mmuli(delta, g);
        g.divi(n);
        gb = delta.sum(sum).getDouble(0) / n;
    }

    // w −= lr·g,  b −= lr·g_b
    @Override
    public void update(double learningRate) {
        Nd4j.getBlasWrapper().level1().axpy(d, -learningRate, g, w);
        b -= learningRate * gb;
    }

    // zᵢ = xᵢ·w + b
    @Override
    public double forwardRow(int i) {
        extractRow(i);
        return Nd4j.getBlasWrapper().dot(xi, w) + b;
    }

    // w −= step·xᵢ,  b −= step
    @Override
    public void updateRow(int i, double step) {
        extractRow(i);
        Nd4j.getBlasWrapper().level1().axpy(d, -step, xi, w);
        b -= step;
    }

    /**
     * Copies row i of X into xi, element by element in Java. Not {@code x.getRow(i)}: every view
     * ND4J makes allocates a native buffer for its shape and registers it for freeing, far more work
     * than copying d numbers.
     */
    private void extractRow(int i) {
        Objects.checkIndex(i, n);
        xi.data().copyAtStride(x.data(), d, 1, 1, 0, (long) i * d);
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
        return b;
    }

    @Override
    public double biasGradient() {
        return gb;
    }

    @Override
    public void close() {
        for (INDArray array : new INDArray[] {x, y, w, z, p, delta, g, one, sum, xi}) {
            array.close();
        }
    }
}
