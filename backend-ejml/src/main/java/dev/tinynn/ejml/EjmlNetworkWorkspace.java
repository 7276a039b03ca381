package dev.tinynn.ejml;

import dev.tinynn.core.Activation;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.spi.NetworkChecks;
import dev.tinynn.core.spi.NetworkWorkspace;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A network's arithmetic as EJML's procedural operations ({@code CommonOps_DDRM}) on
 * {@link DMatrixRMaj}, one matrix per buffer and layer, rows as examples: Zₗ, Aₗ and Δₗ are
 * m×units, Wₗ is inputs×units and bₗ a 1×units row. Read it beside PlainNetworkWorkspace and
 * Nd4jNetworkWorkspace: the same steps in the same order. EJML has no broadcast, so bₗ is added to
 * every row as the product of a column of ones with bₗ, and no activations or losses, so those are
 * loops over core's own formulas; a batch epoch is 10·L − 1 EJML calls with cross-entropy (19 for
 * one hidden layer), listed in docs/backends.md.
 *
 * <p>Every matrix is made here at its largest (n rows). Selecting m rows
 * {@linkplain DMatrixRMaj#reshape(int, int) reshapes} Zₗ, Aₗ, Δₗ and the scratch, which keeps their
 * arrays (EJML reallocates only to grow), and one row is copied into a 1×d and a 1×1 matrix (EJML
 * has no view of a row), so a batch epoch and an online step allocate nothing (tested). The copy of
 * selected rows of X grows only for a range of more than one row but fewer than n, which the
 * training loop never selects.
 *
 * <p>Rounding: EJML orders a product's sums its own way, so this is not plain's bits; the
 * conformance suite holds it to 1e-10.
 */
final class EjmlNetworkWorkspace implements NetworkWorkspace {
    private final int n;                // rows
    private final NetworkShape shape;   // sizes and hidden activation
    private final int last;             // L, the output layer
    private final DMatrixRMaj x;        // n×d inputs, row-major
    private final DMatrixRMaj y;        // n×1 labels
    private final DMatrixRMaj xRows;    // the selected rows of X when they are not all of them
    private final DMatrixRMaj yRows;    // their labels
    private final DMatrixRMaj ones;     // m×1 ones: 1·bₗ puts bₗ on every row
    private final DMatrixRMaj[] w;      // Wₗ: inputs(l)×units(l)
    private final DMatrixRMaj[] b;      // bₗ: 1×units(l)
    private final DMatrixRMaj[] gw;     // Gₗ: inputs(l)×units(l)
    private final DMatrixRMaj[] gb;     // gₗ: 1×units(l)
    private final DMatrixRMaj[] z;      // Zₗ: m×units(l)
    private final DMatrixRMaj[] a;      // Aₗ: m×units(l); a[0] is the selected rows of X
    private final DMatrixRMaj[] delta;  // Δₗ: m×units(l)
    private final DMatrixRMaj[] slope;  // Sₗ = fₗ′(Zₗ, Aₗ): m×units(l), hidden layers only
    private DMatrixRMaj labels;         // y of the selected rows: y itself or yRows
    private int m;                      // selected rows

    EjmlNetworkWorkspace(Dataset data, NetworkShape shape) {
        NetworkChecks.requireFits(shape, data);
        this.shape = shape;
        n = data.rows();
        last = shape.layers();
        x = DMatrixRMaj.wrap(n, data.features(), data.rowMajor());
        y = DMatrixRMaj.wrap(n, 1, data.labels());
        xRows = new DMatrixRMaj(1, data.features());
        yRows = new DMatrixRMaj(1, 1);
        ones = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.fill(ones, 1);
        w = new DMatrixRMaj[last + 1];
        b = new DMatrixRMaj[last + 1];
        gw = new DMatrixRMaj[last + 1];
        gb = new DMatrixRMaj[last + 1];
        z = new DMatrixRMaj[last + 1];
        a = new DMatrixRMaj[last + 1];
        delta = new DMatrixRMaj[last + 1];
        slope = new DMatrixRMaj[last];
        for (int l = 1; l <= last; l++) {
            int in = shape.inputs(l);
            int units = shape.units(l);
            w[l] = new DMatrixRMaj(in, units);
            b[l] = new DMatrixRMaj(1, units);
            gw[l] = new DMatrixRMaj(in, units);
            gb[l] = new DMatrixRMaj(1, units);
            z[l] = new DMatrixRMaj(n, units);
            a[l] = new DMatrixRMaj(n, units);
            delta[l] = new DMatrixRMaj(n, units);
            if (l < last) {
                slope[l] = new DMatrixRMaj(n, units);
            }
        }
        selectRows(0, n);
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
        System.arraycopy(weights, 0, w[layer].data, 0, weights.length);
        System.arraycopy(biases, 0, b[layer].data, 0, biases.length);
    }

    @Override
    public void selectRows(int from, int to) {
        NetworkChecks.requireRows(from, to, n);
        m = to - from;
        if (m == n) {
            a[0] = x;
            labels = y;
        } else {
            xRows.reshape(m, x.numCols);
            yRows.reshape(m, 1);
            CommonOps_DDRM.extract(x, from, to, 0, x.numCols, xRows);
            CommonOps_DDRM.extract(y, from, to, 0, 1, yRows);
            a[0] = xRows;
            labels = yRows;
        }
        ones.reshape(m, 1);
        for (int l = 1; l <= last; l++) {
            int units = shape.units(l);
            z[l].reshape(m, units);
            a[l].reshape(m, units);
            delta[l].reshape(m, units);
            if (l < last) {
                slope[l].reshape(m, units);
            }
        }
    }

    @Override
    public int selectedRows() {
        return m;
    }

    // Zₗ = Aₗ₋₁·Wₗ + bₗ
    @Override
    public void forward(int layer) {
        NetworkChecks.layer(shape, layer);
        CommonOps_DDRM.mult(a[layer - 1], w[layer], z[layer]);
        CommonOps_DDRM.multAdd(ones, b[layer], z[layer]);  // + 1·bₗ: bₗ on every row
    }

    // Aₗ = fₗ(Zₗ)
    @Override
    public void activate(int layer) {
        NetworkChecks.layer(shape, layer);
        // EJML has no activation functions: a loop over core's, as the neuron's sigmoid is.
        Activation f = shape.activationOf(layer);
        double[] zl = z[layer].data;
        double[] al = a[layer].data;
        for (int i = 0; i < z[layer].getNumElements(); i++) {
            al[i] = f.of(zl[i]);
        }
    }

    // L = (1/m)·Σ ℓ(zᵢ, pᵢ, yᵢ)
    @Override
    public double loss(Loss loss) {
        // EJML has no loss functions: a loop over core's Loss.of, which needs z, p and y at once.
        double[] zs = z[last].data;
        double[] p = a[last].data;
        double sum = 0;
        for (int i = 0; i < m; i++) {
            sum += loss.of(zs[i], p[i], labels.data[i]);
        }
        return sum / m;
    }

    // Δ_L = ∂ℓ/∂z
    @Override
    public void delta(Loss loss) {
        if (loss == Loss.CROSS_ENTROPY) {
            CommonOps_DDRM.subtract(a[last], labels, delta[last]); // Δ = p − y
            return;
        }
        // Squared error, Δ = 2·(p − y)·p·(1 − p): a loop over core's Loss.dz, as in EjmlWorkspace.
        double[] p = a[last].data;
        for (int i = 0; i < m; i++) {
            delta[last].data[i] = loss.dz(p[i], labels.data[i]);
        }
    }

    // Gₗ = Aₗ₋₁ᵀ·Δₗ / m,  gₗ = Σ rows of Δₗ / m
    @Override
    public void gradient(int layer) {
        NetworkChecks.layer(shape, layer);
        CommonOps_DDRM.multTransA(a[layer - 1], delta[layer], gw[layer]);
        CommonOps_DDRM.divide(gw[layer], m);
        CommonOps_DDRM.sumCols(delta[layer], gb[layer]);
        CommonOps_DDRM.divide(gb[layer], m);
    }

    // Δₗ₋₁ = (Δₗ·Wₗᵀ) ⊙ fₗ₋₁′(Zₗ₋₁, Aₗ₋₁)
    @Override
    public void backpropagate(int layer) {
        NetworkChecks.requireLayerBefore(shape, layer);
        int before = layer - 1;
        CommonOps_DDRM.multTransB(delta[layer], w[layer], delta[before]);
        Activation f = shape.activationOf(before);  // EJML has no f′ either: a loop over core's
        for (int i = 0; i < z[before].getNumElements(); i++) {
            slope[before].data[i] = f.slope(z[before].data[i], a[before].data[i]);
        }
        CommonOps_DDRM.elementMult(delta[before], slope[before]);
    }

    // Wₗ −= lr·Gₗ,  bₗ −= lr·gₗ
    @Override
    public void update(int layer, double learningRate) {
        NetworkChecks.layer(shape, layer);
        CommonOps_DDRM.addEquals(w[layer], -learningRate, gw[layer]);
        CommonOps_DDRM.addEquals(b[layer], -learningRate, gb[layer]);
    }

    @Override
    public void read(Matrix matrix, int layer, double[] out) {
        int length = NetworkChecks.requireLength(matrix, shape, layer, selectedRows(), out);
        DMatrixRMaj source = switch (matrix) {
            case WEIGHTS -> w[layer];
            case BIASES -> b[layer];
            case WEIGHT_GRADIENT -> gw[layer];
            case BIAS_GRADIENT -> gb[layer];
            case Z -> z[layer];
            case A -> a[layer];
            case DELTA -> delta[layer];
        };
        System.arraycopy(source.data, 0, out, 0, length);
    }
}
