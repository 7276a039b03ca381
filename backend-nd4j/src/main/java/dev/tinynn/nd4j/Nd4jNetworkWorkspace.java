package dev.tinynn.nd4j;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.spi.NetworkChecks;
import dev.tinynn.core.spi.NetworkWorkspace;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.loss.BaseLoss;
import org.nd4j.linalg.api.ops.impl.loss.MeanSquaredErrorLoss;
import org.nd4j.linalg.api.ops.impl.loss.SigmoidCrossEntropyLoss;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's arithmetic as ND4J operations on double-precision INDArrays, rows as examples as in
 * NumPy: Zₗ, Aₗ and Δₗ are m×units, Wₗ is inputs×units and bₗ a 1×units row. Read it beside
 * PlainNetworkWorkspace and EjmlNetworkWorkspace: the same steps in the same order. The products
 * read as NumPy writes them ({@code A @ W + b} is {@code a.mmuli(w, z); z.addiRowVector(b)},
 * {@code A.T @ Δ} is {@code aT.mmuli(delta, gw)}, {@code Δ @ W.T} is {@code delta.mmuli(wT, before)});
 * the activations, their slopes and the loss are ND4J operations of their own, and the update is
 * BLAS's axpy. One batch epoch is 11·L + 1 native operations with cross-entropy, 2 more with
 * squared error (23 for one hidden layer), because ND4J fuses nothing: one expression, one
 * operation ({@code Nd4jNetworkWorkspaceTest} counts them, docs/backends.md lists them).
 *
 * <p>Every array is made here, once (one set for all n rows, one for a single row, one for any
 * other number of rows when first selected), and each operation writes into the one it is given
 * (results of {@code mmuli} column-major; Aᵀ and Wᵀ views made once; a selected row copied, not
 * viewed), because every new array or view costs ND4J a native buffer. What still allocates is
 * ND4J's own Java objects for each operation, the same whatever the size of the data (tested;
 * measured in docs/backends.md, "Networks").
 *
 * <p>Rounding: OpenBLAS orders a product's sums its own way and libnd4j's {@code exp} is C's, so
 * this is not plain's bits; the conformance suite holds it to 1e-10.
 */
final class Nd4jNetworkWorkspace implements NetworkWorkspace {
    private final int n;                 // rows
    private final NetworkShape shape;    // sizes and hidden activation
    private final int last;              // L, the output layer
    private final INDArray x;            // n×d inputs, row-major
    private final double[] labels;       // n labels, to copy the selected ones from
    private final INDArray[] w;          // Wₗ: inputs(l)×units(l)
    private final INDArray[] wT;         // Wₗᵀ: a view of Wₗ, made once
    private final INDArray[] b;          // bₗ: 1×units(l)
    private final INDArray[] gw;         // Gₗ: inputs(l)×units(l)
    private final INDArray[] gb;         // gₗ: 1×units(l)
    private final INDArray one;          // the loss operations' weight for every row: 1
    private final INDArray sum;          // the loss operations' result: Σ ℓ
    private final Rows all;              // the buffers for all n rows
    private final Rows single;           // the buffers for one row
    private Rows other;                  // the buffers for another number of rows, once selected
    private Rows rows;                   // the selected rows' buffers: all, single or other

    /** The buffers of m selected rows: their X and y, and each layer's Z, A and Δ. */
    private final class Rows {
        final int m;
        final INDArray x;        // m×d: the data's X for all rows, else a copy of the selected rows
        final INDArray y;        // m×1 labels
        final INDArray[] z;      // Zₗ: m×units(l)
        final INDArray[] a;      // Aₗ: m×units(l); a[0] is x
        final INDArray[] aT;     // Aₗᵀ: views, made once
        final INDArray[] delta;  // Δₗ: m×units(l)

        Rows(int m) {
            this.m = m;
            x = m == n ? Nd4jNetworkWorkspace.this.x : Nd4j.create(DataType.DOUBLE, m, shape.features());
            y = Nd4j.create(DataType.DOUBLE, new long[] {m, 1}, 'f');
            z = new INDArray[last + 1];
            a = new INDArray[last + 1];
            aT = new INDArray[last + 1];
            delta = new INDArray[last + 1];
            a[0] = x;
            aT[0] = x.transpose();
            for (int l = 1; l <= last; l++) {
                long[] size = {m, shape.units(l)};
                z[l] = Nd4j.create(DataType.DOUBLE, size, 'f');
                a[l] = Nd4j.create(DataType.DOUBLE, size, 'f');
                aT[l] = a[l].transpose();
                delta[l] = Nd4j.create(DataType.DOUBLE, size, 'f');
            }
        }

        /** Copies rows from .. from+m−1 of X and y into this set's own x and y (element by element, no view). */
        void copyRows(int from) {
            if (x != Nd4jNetworkWorkspace.this.x) {
                int d = shape.features();
                x.data().copyAtStride(Nd4jNetworkWorkspace.this.x.data(), (long) m * d, 1, 1, 0, (long) from * d);
            }
            for (int i = 0; i < m; i++) {
                y.putScalar(i, labels[from + i]);
            }
        }

        void close() {
            if (x != Nd4jNetworkWorkspace.this.x) {
                x.close();
            }
            y.close();
            for (int l = 1; l <= last; l++) {
                z[l].close();
                a[l].close();
                delta[l].close();
            }
        }
    }

    Nd4jNetworkWorkspace(Dataset data, NetworkShape shape) {
        NetworkChecks.requireFits(shape, data);
        this.shape = shape;
        n = data.rows();
        last = shape.layers();
        x = Nd4j.create(data.rowMajor(), new long[] {n, data.features()}, DataType.DOUBLE);
        labels = data.labels();
        w = new INDArray[last + 1];
        wT = new INDArray[last + 1];
        b = new INDArray[last + 1];
        gw = new INDArray[last + 1];
        gb = new INDArray[last + 1];
        for (int l = 1; l <= last; l++) {
            long[] size = {shape.inputs(l), shape.units(l)};
            w[l] = Nd4j.create(DataType.DOUBLE, size, 'f');
            wT[l] = w[l].transpose();
            b[l] = Nd4j.create(DataType.DOUBLE, new long[] {1, shape.units(l)}, 'f');
            gw[l] = Nd4j.create(DataType.DOUBLE, size, 'f');
            gb[l] = Nd4j.create(DataType.DOUBLE, new long[] {1, shape.units(l)}, 'f');
        }
        one = Nd4j.scalar(DataType.DOUBLE, 1.0);
        sum = Nd4j.scalar(DataType.DOUBLE, 0.0);
        all = new Rows(n);
        all.copyRows(0);
        single = n == 1 ? all : new Rows(1);
        rows = all;
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
        set(w[layer], weights);
        set(b[layer], biases);
    }

    /** Copies row-major values into an array (of either order), through a temporary row-major array. */
    private static void set(INDArray into, double[] values) {
        try (INDArray rowMajor = Nd4j.create(values, into.shape(), DataType.DOUBLE)) {
            into.assign(rowMajor);
        }
    }

    @Override
    public void selectRows(int from, int to) {
        NetworkChecks.requireRows(from, to, n);
        int m = to - from;
        if (m == n) {
            rows = all;
            return;
        }
        if (m == 1) {
            rows = single;
        } else {
            if (other == null || other.m != m) {
                if (other != null) {
                    other.close();
                }
                other = new Rows(m);
            }
            rows = other;
        }
        rows.copyRows(from);
    }

    @Override
    public int selectedRows() {
        return rows.m;
    }

    // Zₗ = Aₗ₋₁·Wₗ + bₗ
    @Override
    public void forward(int layer) {
        NetworkChecks.layer(shape, layer);
        rows.a[layer - 1].mmuli(w[layer], rows.z[layer]);
        rows.z[layer].addiRowVector(b[layer]);
    }

    // Aₗ = fₗ(Zₗ)
    @Override
    public void activate(int layer) {
        NetworkChecks.layer(shape, layer);
        // Transforms.sigmoid(z) would overwrite Z or make a new array; the op writes f(Z) into A.
        INDArray z = rows.z[layer];
        INDArray a = rows.a[layer];
        Nd4j.exec((Op) switch (shape.activationOf(layer)) {
            case SIGMOID -> new Sigmoid(z, a);
            case TANH -> new Tanh(z, a);
            case RELU -> new RectifiedLinear(z, a, 0.0);
        });
    }

    // L = (1/m)·Σ ℓ(zᵢ, pᵢ, yᵢ)
    @Override
    public double loss(Loss loss) {
        BaseLoss op = switch (loss) {
            case SQUARED_ERROR -> new MeanSquaredErrorLoss(rows.y, rows.a[last], one, LossReduce.SUM);          // Σ (p − y)²
            case CROSS_ENTROPY -> new SigmoidCrossEntropyLoss(rows.y, rows.z[last], one, LossReduce.SUM, 0.0); // from z
        };
        op.addOutputArgument(sum);
        Nd4j.exec(op);
        return sum.getDouble(0) / rows.m;
    }

    // Δ_L = ∂ℓ/∂z
    @Override
    public void delta(Loss loss) {
        INDArray delta = rows.delta[last];
        rows.a[last].subi(rows.y, delta);                                  // Δ = p − y
        if (loss == Loss.SQUARED_ERROR) {
            Nd4j.exec(new SigmoidDerivative(rows.z[last], delta, delta));  // Δ = (p − y)·p·(1 − p)
            delta.muli(2);                                                 // Δ = 2·(p − y)·p·(1 − p)
        }
    }

    // Gₗ = Aₗ₋₁ᵀ·Δₗ / m,  gₗ = Σ rows of Δₗ / m
    @Override
    public void gradient(int layer) {
        NetworkChecks.layer(shape, layer);
        rows.aT[layer - 1].mmuli(rows.delta[layer], gw[layer]);
        gw[layer].divi(rows.m);
        rows.delta[layer].sum(gb[layer], true, 0);
        gb[layer].divi(rows.m);
    }

    // Δₗ₋₁ = (Δₗ·Wₗᵀ) ⊙ fₗ₋₁′(Zₗ₋₁, Aₗ₋₁)
    @Override
    public void backpropagate(int layer) {
        NetworkChecks.requireLayerBefore(shape, layer);
        INDArray before = rows.delta[layer - 1];
        INDArray z = rows.z[layer - 1];
        rows.delta[layer].mmuli(wT[layer], before);
        Nd4j.exec((CustomOp) switch (shape.activationOf(layer - 1)) {  // Δ ⊙ f′(Z), from Z
            case SIGMOID -> new SigmoidDerivative(z, before, before);
            case TANH -> new TanhDerivative(z, before, before);
            case RELU -> new RectifiedLinearDerivative(z, before, before);
        });
    }

    // Wₗ −= lr·Gₗ,  bₗ −= lr·gₗ
    @Override
    public void update(int layer, double learningRate) {
        NetworkChecks.layer(shape, layer);
        Nd4j.getBlasWrapper().level1().axpy(w[layer].length(), -learningRate, gw[layer], w[layer]);
        Nd4j.getBlasWrapper().level1().axpy(b[layer].length(), -learningRate, gb[layer], b[layer]);
    }

    @Override
    public void read(Matrix matrix, int layer, double[] out) {
        int length = NetworkChecks.requireLength(matrix, shape, layer, selectedRows(), out);
        INDArray source = switch (matrix) {
            case WEIGHTS -> w[layer];
            case BIASES -> b[layer];
            case WEIGHT_GRADIENT -> gw[layer];
            case BIAS_GRADIENT -> gb[layer];
            case Z -> rows.z[layer];
            case A -> rows.a[layer];
            case DELTA -> rows.delta[layer];
        };
        long columns = source.columns();
        for (int r = 0; r < source.rows(); r++) {
            for (int c = 0; c < columns; c++) {
                out[(int) (r * columns + c)] = source.getDouble(r, c);
            }
        }
    }


    @Override
    public void close() {
        all.close();
        if (single != all) {
            single.close();
        }
        if (other != null) {
            other.close();
        }
        x.close();
        for (int l = 1; l <= last; l++) {
            for (INDArray array : new INDArray[] {w[l], b[l], gw[l], gb[l]}) {
                array.close();
            }
        }
        one.close();
        sum.close();
    }
}
