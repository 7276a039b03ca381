package dev.tinynn.fast;

/**
 * {@link MatrixKernel} in plain Java, for a JVM without the Vector API: panels of
 * {@value #PANEL} columns, one row at a time, the panel's {@value #PANEL} running sums in local
 * variables so that their adds overlap. σ as plain computes it, with {@code Math.exp}.
 */
final class ScalarMatrixKernel implements MatrixKernel {
    static final int PANEL = 8;

    @Override
    public int panel() {
        return PANEL;
    }

    @Override
    public void multiply(double[] a, int aAt, int aRowStride, int aStepStride, int rows, int steps,
            double[] b, int bAt, int bPanelStride, int bRowStride,
            double[] c, int cAt, int ldc, int columns, boolean add, double[] bias) {
        for (int p = 0; p < columns / PANEL; p++) {
            int column = p * PANEL;
            for (int r = 0; r < rows; r++) {
                int out = cAt + r * ldc + column;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
                if (add) {
                    s0 = c[out];
                    s1 = c[out + 1];
                    s2 = c[out + 2];
                    s3 = c[out + 3];
                    s4 = c[out + 4];
                    s5 = c[out + 5];
                    s6 = c[out + 6];
                    s7 = c[out + 7];
                }
                int ar = aAt + r * aRowStride;
                int bp = bAt + p * bPanelStride;
                for (int t = 0; t < steps; t++) {
                    double at = a[ar + t * aStepStride];
                    int bt = bp + t * bRowStride;
                    s0 += at * b[bt];
                    s1 += at * b[bt + 1];
                    s2 += at * b[bt + 2];
                    s3 += at * b[bt + 3];
                    s4 += at * b[bt + 4];
                    s5 += at * b[bt + 5];
                    s6 += at * b[bt + 6];
                    s7 += at * b[bt + 7];
                }
                if (bias != null) {
                    s0 += bias[column];
                    s1 += bias[column + 1];
                    s2 += bias[column + 2];
                    s3 += bias[column + 3];
                    s4 += bias[column + 4];
                    s5 += bias[column + 5];
                    s6 += bias[column + 6];
                    s7 += bias[column + 7];
                }
                c[out] = s0;
                c[out + 1] = s1;
                c[out + 2] = s2;
                c[out + 3] = s3;
                c[out + 4] = s4;
                c[out + 5] = s5;
                c[out + 6] = s6;
                c[out + 7] = s7;
            }
        }
    }

    @Override
    public void sigmoid(double[] z, double[] out, int at, int count) {
        for (int i = at; i < at + count; i++) {
            out[i] = 1.0 / (1.0 + Math.exp(-z[i]));
        }
    }

    @Override
    public String description() {
        return "scalar";
    }
}
