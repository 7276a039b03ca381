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
 * every vector (w, y, z, p, δ, g) an n×1 or d×1 column, and the bias a plain {@code double}, as in
 * PlainWorkspace. Read it beside PlainWorkspace and EjmlWorkspace: the same fields (and a few of
 * ND4J's own), the same methods in the same order. The two products read as the tutorial's NumPy
 * tab writes them ({@code X @ w + b} is {@code x.mmuli(w, z); z.addi(b)}, {@code X.T @ δ / n} is
 * {@code xt.mmuli(delta, g); g.divi(n)}); σ, the loss and squared error's δ are ND4J operations of
 * their own, and the update is BLAS's axpy. A batch epoch is 9 native calls with cross-entropy and
 * 11 with squared error, one more each with one feature ({@code Nd4jWorkspaceTest} lists them).
 *
 * <p>Every array is made here, once, and each operation writes into the one it is given (z and g
 * column-major, so that {@code mmuli} writes into them directly; Xᵀ a view made once; row i copied
 * into a scratch column for the online steps), because every new array or view costs ND4J a native
 * buffer. What it still allocates per operation: benchmarks/results/nd4j-idiom.md.
 *
 * <p>Rounding: OpenBLAS adds a long sum's terms in its own order and libnd4j's {@code exp} and
 * {@code log} are C's, so this is not always plain's bits; the agreement test holds it to 1e-10.
 * After {@link #close()} the native memory is freed and the workspace must not be used.
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
