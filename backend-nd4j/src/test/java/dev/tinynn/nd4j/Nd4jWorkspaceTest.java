package dev.tinynn.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.EpochAllocations;
import dev.tinynn.core.Loss;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The claims in Nd4jWorkspace's class comment: the bias on its own, the native calls, the online steps' row. */
class Nd4jWorkspaceTest {
    private static final Dataset DATA = Dataset.of("3×2", List.of("a", "b"),
            new double[][] {{1, 2}, {3, -1}, {0.5, 0.25}}, new double[] {1, 0, 1});

    private static Workspace open(Dataset data) {
        return new Nd4jBackend().open(data);
    }

    @Test
    @DisplayName("the bias is a number of its own: d weights, d gradient entries, b and g_b beside them")
    void biasIsItsOwnNumber() {
        try (Workspace ws = open(DATA)) {
            ws.setParameters(new double[] {0.5, -0.25}, 0.125);
            double[] w = new double[2];
            ws.read(Buffer.WEIGHTS, w);
            assertThat(w).containsExactly(0.5, -0.25);
            assertThat(ws.bias()).isEqualTo(0.125);
            assertThat(ws.forwardRow(1)).isEqualTo(3 * 0.5 + -1 * -0.25 + 0.125);

            ws.forward();
            assertThat(ws.read(Buffer.Z)).containsExactly(
                    new double[] {1 * 0.5 + 2 * -0.25 + 0.125, 3 * 0.5 + -1 * -0.25 + 0.125, 0.5 * 0.5 + 0.25 * -0.25 + 0.125},
                    within(1e-15));
            ws.sigmoid();
            ws.delta(Loss.CROSS_ENTROPY);
            ws.gradient();
            double[] delta = ws.read(Buffer.DELTA);
            assertThat(ws.biasGradient()).isCloseTo((delta[0] + delta[1] + delta[2]) / 3, within(1e-15));
            assertThat(ws.read(Buffer.GRADIENT)).containsExactly(new double[] {
                (delta[0] * 1 + delta[1] * 3 + delta[2] * 0.5) / 3,
                (delta[0] * 2 + delta[1] * -1 + delta[2] * 0.25) / 3}, within(1e-15));

            ws.update(1);
            ws.read(Buffer.WEIGHTS, w);
            double[] g = ws.read(Buffer.GRADIENT);
            assertThat(w).containsExactly(new double[] {0.5 - g[0], -0.25 - g[1]}, within(1e-15));
            assertThat(ws.bias()).isCloseTo(0.125 - ws.biasGradient(), within(1e-15));

            ws.updateRow(2, 0.5);
            ws.read(Buffer.WEIGHTS, w);
            assertThat(w).containsExactly(new double[] {0.5 - g[0] - 0.5 * 0.5, -0.25 - g[1] - 0.5 * 0.25}, within(1e-15));
            assertThat(ws.bias()).isCloseTo(0.125 - ws.biasGradient() - 0.5, within(1e-15));
        }
    }

    /*
     * Native calls per batch epoch. ND4J's profiler names every operation it executes; the update's
     * axpy goes from ND4J's BLAS wrapper straight to OpenBLAS, which the profiler does not see, so it
     * is added by hand (+1). One line per step:
     *
     *   step        d ≥ 2 (here 3×2)                     d = 1 (the tutorial's 4×1)
     *   forward     matmul (X·w), add_scalar (+ b)       mul_scalar (ND4J multiplies by a 1×1 w as a
     *                                                    scalar), add_scalar
     *   sigmoid     sigmoid                              sigmoid
     *   loss        sigm_cross_entropy_loss              sigm_cross_entropy_loss
     *               or mean_sqerr_loss                   or mean_sqerr_loss
     *   delta       subtract (p − y); squared error      the same
     *               adds sigmoid_bp (·σ'(z)), mul_scalar (·2)
     *   gradient    matmul (Xᵀ·δ), div_scalar (/ n),     matmul, old_assign (ND4J computes a 1×1
     *               reduce_sum (Σδ)                      product into a scratch array and copies it
     *                                                    into g), div_scalar, reduce_sum
     *   update      axpy (BLAS, +1)                      axpy (BLAS, +1)
     */
    @Test
    @DisplayName("a batch epoch is 9 native calls with cross-entropy and 11 with squared error (10 and 12 at d = 1)")
    void nativeCallsPerBatchEpoch() {
        try (Workspace ws = open(DATA)) {
            assertThat(profiledOperations(ws, Loss.CROSS_ENTROPY)).isEqualTo(Map.of(
                    "matmul", 2L, "add_scalar", 1L, "sigmoid", 1L, "sigm_cross_entropy_loss", 1L,
                    "subtract", 1L, "div_scalar", 1L, "reduce_sum", 1L));
            assertThat(nativeCalls(ws, Loss.CROSS_ENTROPY)).isEqualTo(9);
            assertThat(profiledOperations(ws, Loss.SQUARED_ERROR)).isEqualTo(Map.of(
                    "matmul", 2L, "add_scalar", 1L, "sigmoid", 1L, "mean_sqerr_loss", 1L,
                    "subtract", 1L, "sigmoid_bp", 1L, "mul_scalar", 1L, "div_scalar", 1L, "reduce_sum", 1L));
            assertThat(nativeCalls(ws, Loss.SQUARED_ERROR)).isEqualTo(11);
        }
        try (Workspace ws = open(Datasets.studyHours())) {
            assertThat(profiledOperations(ws, Loss.CROSS_ENTROPY)).isEqualTo(Map.of(
                    "mul_scalar", 1L, "add_scalar", 1L, "sigmoid", 1L, "sigm_cross_entropy_loss", 1L,
                    "subtract", 1L, "matmul", 1L, "old_assign", 1L, "div_scalar", 1L, "reduce_sum", 1L));
            assertThat(nativeCalls(ws, Loss.CROSS_ENTROPY)).isEqualTo(10);
            assertThat(nativeCalls(ws, Loss.SQUARED_ERROR)).isEqualTo(12);
        }
    }

    /** The operations ND4J runs, and the BLAS axpy it does not profile. */
    private static long nativeCalls(Workspace ws, Loss loss) {
        return profiledOperations(ws, loss).values().stream().mapToLong(Long::longValue).sum() + 1;
    }

    /** How many times ND4J's profiler sees each operation in one batch epoch, by ND4J's name for it. */
    private static Map<String, Long> profiledOperations(Workspace ws, Loss loss) {
        return ProfiledOperations.during(OPERATIONS, () -> {
            ws.setParameters(new double[ws.features()], 0.1);
            ws.forward();
            ws.sigmoid();
            ws.loss(loss);
            ws.delta(loss);
            ws.gradient();
            ws.update(0.1);
        });
    }

    private static final List<String> OPERATIONS = List.of("matmul", "mul_scalar", "add_scalar", "sigmoid",
            "sigm_cross_entropy_loss", "mean_sqerr_loss", "subtract", "sigmoid_bp", "old_assign", "div_scalar",
            "reduce_sum");

    /** Measured in the JVM of its own with deterministic compilation: see {@link EpochAllocations}. */
    @Tag(EpochAllocations.TAG)
    @Test
    @DisplayName("an online step makes no array and no view: a few hundred bytes, whatever the row's length")
    void onlineStepsMakeNoArray() {
        // The row is copied into a scratch column made once. What is left is the BLAS wrapper's
        // small objects per call. A view of the row (x.getRow(i)) would add a native shape buffer per
        // step, and a new array per step would add the row itself, 8 bytes a feature
        // (benchmarks/results/design-notes.md#nd4jworkspacetest).
        long narrow = bytesPerOnlineStep(2);
        long wide = bytesPerOnlineStep(512);
        assertThat(narrow).as("bytes per forwardRow + updateRow, 2 features").isLessThan(2048);
        assertThat(wide - narrow).as("extra bytes per step for 510 more features").isLessThan(1024);
    }

    /** Bytes allocated per forwardRow + updateRow pair, after warm-up, on random n×d data. */
    private static long bytesPerOnlineStep(int d) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int n = 8;
        List<String> names = new ArrayList<>();
        double[][] x = new double[n][d];
        for (int j = 0; j < d; j++) {
            names.add("f" + j);
            for (int i = 0; i < n; i++) {
                x[i][j] = ((i * 31 + j * 17) % 13) / 13.0 - 0.5;
            }
        }
        Dataset data = Dataset.of(n + "×" + d, names, x, IntStream.range(0, n).mapToDouble(i -> i % 2).toArray());
        try (Workspace ws = open(data)) {
            ws.setParameters(new double[d], 0);
            double sum = 0;
            int steps = 20_000;
            for (int k = 0; k < steps; k++) { // warm-up: let the JIT compile the calls
                sum += ws.forwardRow(k % n);
                ws.updateRow(k % n, 1e-9);
            }
            long before = threads.getThreadAllocatedBytes(thread);
            for (int k = 0; k < steps; k++) {
                sum += ws.forwardRow(k % n);
                ws.updateRow(k % n, 1e-9);
            }
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertThat(sum).isFinite();
            return allocated / steps;
        }
    }
}
