package dev.tinynn.ejml;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Sigmoid;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The neuron's arithmetic as EJML's procedural operations ({@code CommonOps_DDRM}) on
 * {@link DMatrixRMaj}: X is an n×d matrix and every vector (w, y, z, p, δ, g) an n×1 or d×1
 * column. Read it beside PlainWorkspace: the same fields, the same methods in the same order.
 * EJML has no sigmoid and no loss, so those steps are loops over core's own formulas; a batch
 * epoch is 7 EJML calls with cross-entropy, 6 with squared error.
 *
 * <p>Every matrix is made here, once, in the shape it keeps, and {@code CommonOps_DDRM} writes
 * into the output it is given, so an epoch allocates nothing (tested); EJML's SimpleMatrix, which
 * returns a new matrix from every operation, would not.
 *
 * <p>Rounding: for a vector EJML adds up each sum in index order, one term at a time, and divides
 * by n as plain does, so on the same data the two give the same bits.
 */
final class EjmlWorkspace implements Workspace {
    private final int n;              // rows
    private final int d;              // features
    private final DMatrixRMaj x;      // n×d inputs, row-major
    private final DMatrixRMaj y;      // n×1 labels
    private final DMatrixRMaj w;      // d×1 weights
    private double b;                 // bias
    private final DMatrixRMaj z;      // n×1 raw scores
    private final DMatrixRMaj p;      // n×1 probabilities
    private final DMatrixRMaj delta;  // n×1 values of ∂ℓ/∂z
    private final DMatrixRMaj g;      // d×1 gradient entries
    private double gb;                // gradient for b
    private final DMatrixRMaj xi;     // d×1 scratch: one row of X, for the online steps

    EjmlWorkspace(Dataset data) {
        n = data.rows();
        d = data.features();
        x = DMatrixRMaj.wrap(n, d, data.rowMajor());
        y = DMatrixRMaj.wrap(n, 1, data.labels());
        w = new DMatrixRMaj(d, 1);
        z = new DMatrixRMaj(n, 1);
        p = new DMatrixRMaj(n, 1);
        delta = new DMatrixRMaj(n, 1);
        g = new DMatrixRMaj(d, 1);
        xi = new DMatrixRMaj(d, 1);
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
        System.arraycopy(weights, 0, w.data, 0, d);
        b = bias;
    }

    // z = X·w + b
    @Override
    public void forward() {
        CommonOps_DDRM.mult(x, w, z);
        CommonOps_DDRM.add(z, b);
    }

    // p = σ(z)
    @Override
    public void sigmoid() {
        // EJML has no sigmoid. It could be pieced together from changeSign, elementExp, add and
        // divide, but that is four passes restating core's formula; one loop over Sigmoid.of is clearer.
        for (int i = 0; i < n; i++) {
            p.data[i] = Sigmoid.of(z.data[i]);
        }
    }

    // L = (1/n)·Σ ℓ(zᵢ, pᵢ, yᵢ)
    @Override
    public double loss(Loss loss) {
        // EJML has no loss functions, and the stable cross-entropy needs z, p and y of each row
        // at once: a loop over core's Loss.of.
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += loss.of(z.data[i], p.data[i], y.data[i]);
        }
        return sum / n;
    }

    // δᵢ = ∂ℓ/∂zᵢ
    @Override
    public void delta(Loss loss) {
        if (loss == Loss.CROSS_ENTROPY) {
            CommonOps_DDRM.subtract(p, y, delta); // δ = p − y
            return;
        }
        // Squared error, δ = 2·(p − y)·p·(1 − p): EJML's element ops would need a scratch vector
        // for 1 − p and four calls restating core's formula, so a loop over core's Loss.dz.
        for (int i = 0; i < n; i++) {
            delta.data[i] = loss.dz(p.data[i], y.data[i]);
        }
    }

    // g = Xᵀ·δ / n,  g_b = Σδ / n
    @Override
    public void gradient() {
        CommonOps_DDRM.multTransA(x, delta, g);
        CommonOps_DDRM.divide(g, n);
        gb = CommonOps_DDRM.elementSum(delta) / n;
    }

    // w −= lr·g,  b −= lr·g_b
    @Override
    public void update(double learningRate) {
        CommonOps_DDRM.addEquals(w, -learningRate, g);
        b -= learningRate * gb;
    }

    // zᵢ = xᵢ·w + b
    @Override
    public double forwardRow(int i) {
        CommonOps_DDRM.extractRow(x, i, xi);
        return CommonOps_DDRM.dot(xi, w) + b;
    }

    // w −= step·xᵢ,  b −= step
    @Override
    public void updateRow(int i, double step) {
        CommonOps_DDRM.extractRow(x, i, xi);
        CommonOps_DDRM.addEquals(w, -step, xi);
        b -= step;
    }

    @Override
    public void read(Buffer buffer, double[] out) {
        DMatrixRMaj source = switch (buffer) {
            case WEIGHTS -> w;
            case GRADIENT -> g;
            case Z -> z;
            case P -> p;
            case DELTA -> delta;
        };
        System.arraycopy(source.data, 0, out, 0, source.getNumElements());
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
