package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.NetworkWorkspace;
import dev.tinynn.core.spi.NetworkWorkspace.Matrix;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A stopgap until the network conformance suite lands: every buffer of every layer after batch
 * and online steps, against the formulas computed one number at a time here, to 1e-10 relative.
 */
public abstract class NetworkStepCheck {
    private static final double TOLERANCE = 1e-10;

    protected abstract Backend backend();

    @ParameterizedTest(name = "{0} rows, {1}, {2}, {3}")
    @CsvSource({"50, 4;3, sigmoid, cross-entropy", "50, 5, tanh, squared-error", "37, 6;2, relu, cross-entropy",
        "9, 1, sigmoid, squared-error", "300, 40;17, tanh, cross-entropy"})
    void everyBufferMatchesTheFormulas(int n, String hidden, String activation, String lossId) {
        int d = 3;
        Dataset data = BackendAgreement.randomData(n, d);
        int[] sizes = java.util.Arrays.stream(hidden.split(";")).mapToInt(Integer::parseInt).toArray();
        NetworkShape shape = new NetworkShape(d, sizes, Activation.byId(activation));
        Loss loss = Loss.byId(lossId);
        int last = shape.layers();
        Random random = new Random(n);
        double[][] w = new double[last + 1][];
        double[][] b = new double[last + 1][];
        try (NetworkWorkspace ws = backend().openNetwork(data, shape)) {
            for (int l = 1; l <= last; l++) {
                w[l] = random.doubles((long) shape.inputs(l) * shape.units(l), -1, 1).toArray();
                b[l] = random.doubles(shape.units(l), -0.5, 0.5).toArray();
                ws.setLayer(l, w[l], b[l]);
            }
            for (int epoch = 0; epoch < 3; epoch++) {
                double expected = referenceStep(data, shape, w, b, 0, n, loss, 0.5);
                ws.selectRows(0, n);
                double value = epoch == 1 ? byCalls(ws, loss, 0.5) : ws.step(loss, 0.5);
                assertClose("loss", value, expected);
                compare(ws, shape, w, b, 0, n, loss);
            }
            for (int i = 0; i < n; i += Math.max(1, n / 7)) {
                double expected = referenceStep(data, shape, w, b, i, i + 1, loss, 0.3);
                ws.selectRows(i, i + 1);
                assertClose("online loss", ws.step(loss, 0.3), expected);
                compare(ws, shape, w, b, i, i + 1, loss);
            }
        }
    }

    private static double byCalls(NetworkWorkspace ws, Loss loss, double lr) {
        int last = ws.shape().layers();
        for (int l = 1; l <= last; l++) {
            ws.forward(l);
            ws.activate(l);
        }
        double value = ws.loss(loss);
        ws.delta(loss);
        for (int l = last; l >= 1; l--) {
            ws.gradient(l);
            if (l > 1) {
                ws.backpropagate(l);
            }
        }
        for (int l = 1; l <= last; l++) {
            ws.update(l, lr);
        }
        return value;
    }

    // The expected buffers of the last reference step, to compare with the workspace's.
    private double[][] zs;
    private double[][] as;
    private double[][] ds;
    private double[][] gws;
    private double[][] gbs;

    /** One gradient-descent step on rows from..to−1, one number at a time; updates w and b. */
    private double referenceStep(Dataset data, NetworkShape shape, double[][] w, double[][] b, int from, int to,
            Loss loss, double lr) {
        int m = to - from;
        int last = shape.layers();
        zs = new double[last + 1][];
        as = new double[last + 1][];
        ds = new double[last + 1][];
        gws = new double[last + 1][];
        gbs = new double[last + 1][];
        as[0] = new double[m * shape.features()];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < shape.features(); k++) {
                as[0][i * shape.features() + k] = data.x(from + i, k);
            }
        }
        for (int l = 1; l <= last; l++) {
            int in = shape.inputs(l);
            int units = shape.units(l);
            zs[l] = new double[m * units];
            as[l] = new double[m * units];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < units; j++) {
                    double sum = 0;
                    for (int k = 0; k < in; k++) {
                        sum += as[l - 1][i * in + k] * w[l][k * units + j];
                    }
                    zs[l][i * units + j] = sum + b[l][j];
                    as[l][i * units + j] = shape.activationOf(l).of(zs[l][i * units + j]);
                }
            }
        }
        double total = 0;
        ds[last] = new double[m];
        for (int i = 0; i < m; i++) {
            total += loss.of(zs[last][i], as[last][i], data.y(from + i));
            ds[last][i] = loss.dz(as[last][i], data.y(from + i));
        }
        for (int l = last; l >= 1; l--) {
            int in = shape.inputs(l);
            int units = shape.units(l);
            gws[l] = new double[in * units];
            gbs[l] = new double[units];
            for (int k = 0; k < in; k++) {
                for (int j = 0; j < units; j++) {
                    double sum = 0;
                    for (int i = 0; i < m; i++) {
                        sum += as[l - 1][i * in + k] * ds[l][i * units + j];
                    }
                    gws[l][k * units + j] = sum / m;
                }
            }
            for (int j = 0; j < units; j++) {
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    sum += ds[l][i * units + j];
                }
                gbs[l][j] = sum / m;
            }
            if (l > 1) {
                ds[l - 1] = new double[m * in];
                for (int i = 0; i < m; i++) {
                    for (int k = 0; k < in; k++) {
                        double sum = 0;
                        for (int j = 0; j < units; j++) {
                            sum += ds[l][i * units + j] * w[l][k * units + j];
                        }
                        int at = i * in + k;
                        ds[l - 1][at] = sum * shape.activationOf(l - 1).slope(zs[l - 1][at], as[l - 1][at]);
                    }
                }
            }
        }
        for (int l = 1; l <= last; l++) {
            for (int q = 0; q < w[l].length; q++) {
                w[l][q] -= lr * gws[l][q];
            }
            for (int q = 0; q < b[l].length; q++) {
                b[l][q] -= lr * gbs[l][q];
            }
        }
        return total / m;
    }

    private void compare(NetworkWorkspace ws, NetworkShape shape, double[][] w, double[][] b, int from, int to,
            Loss loss) {
        assertThat(ws.selectedRows()).isEqualTo(to - from);
        for (int l = 1; l <= shape.layers(); l++) {
            assertClose("W" + l, ws.read(Matrix.WEIGHTS, l), w[l]);
            assertClose("b" + l, ws.read(Matrix.BIASES, l), b[l]);
            assertClose("G" + l, ws.read(Matrix.WEIGHT_GRADIENT, l), gws[l]);
            assertClose("g" + l, ws.read(Matrix.BIAS_GRADIENT, l), gbs[l]);
            assertClose("Z" + l, ws.read(Matrix.Z, l), zs[l]);
            assertClose("A" + l, ws.read(Matrix.A, l), as[l]);
            assertClose("Δ" + l, ws.read(Matrix.DELTA, l), ds[l]);
        }
    }

    private static void assertClose(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what).hasSize(expected.length);
        for (int q = 0; q < expected.length; q++) {
            assertClose(what + "[" + q + "]", actual[q], expected[q]);
        }
    }

    private static void assertClose(String what, double actual, double expected) {
        assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", what, actual, expected)
                .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(expected)));
    }
}
