package dev.tinynn.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.Activation;
import dev.tinynn.core.BackendAgreement;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.EpochAllocations;
import dev.tinynn.core.Loss;
import dev.tinynn.core.NetworkConformance;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.spi.NetworkWorkspace;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The claims in Nd4jNetworkWorkspace's class comment: the native operations of a step, and what a step allocates. */
class Nd4jNetworkWorkspaceTest {
    private static final Dataset DATA = BackendAgreement.randomData(9, 3);

    private static NetworkWorkspace open(Dataset data, int[] hidden, Activation activation) {
        NetworkShape shape = new NetworkShape(data.features(), hidden, activation);
        NetworkWorkspace ws = new Nd4jBackend().openNetwork(data, shape);
        NetworkConformance.load(ws, NetworkConformance.randomStart(shape, 1));
        return ws;
    }

    /*
     * Native operations per step, by ND4J's profiler; the updates' BLAS axpy (2 per layer) go from
     * ND4J's BLAS wrapper straight to OpenBLAS, which the profiler does not see, so they are added
     * by hand. One hidden layer of 4 on 9 rows × 3 features, sigmoid, cross-entropy:
     *
     *   forward      matmul ×2, add_scalar ×2 (ND4J's name for this row's broadcast add of bₗ)
     *   activate     sigmoid ×2
     *   loss         sigm_cross_entropy_loss
     *   delta        subtract
     *   gradient     matmul ×2, div_scalar ×4 (Gₗ / m, gₗ / m), reduce_sum ×2
     *   backprop     matmul and old_assign (Δ_L·W_Lᵀ has an inner size of 1: ND4J computes it into a
     *                scratch array and copies it over), sigmoid_bp
     *   update       axpy ×4 (BLAS, not profiled)
     *
     * That is 11 per layer and the one copy: 11·L + 1. One row has the same steps, but ND4J turns
     * some of the one-row products into scalar multiplies and copies (mul_scalar, old_assign).
     */
    @Test
    @DisplayName("a batch step is 11·L + 1 native operations: 23 with one hidden layer, 34 with two; one row, 25")
    void nativeOperationsPerStep() {
        try (NetworkWorkspace ws = open(DATA, new int[] {4}, Activation.SIGMOID)) {
            assertThat(profiledOperations(ws, Loss.CROSS_ENTROPY)).isEqualTo(Map.of("matmul", 5L, "add_scalar", 2L,
                    "sigmoid", 2L, "sigm_cross_entropy_loss", 1L, "subtract", 1L, "div_scalar", 4L, "reduce_sum", 2L,
                    "old_assign", 1L, "sigmoid_bp", 1L));
            assertThat(nativeCalls(ws, Loss.CROSS_ENTROPY)).isEqualTo(23);
            ws.selectRows(4, 5);
            assertThat(nativeCalls(ws, Loss.CROSS_ENTROPY)).isEqualTo(25);
        }
        try (NetworkWorkspace ws = open(DATA, new int[] {4, 3}, Activation.TANH)) {
            assertThat(profiledOperations(ws, Loss.CROSS_ENTROPY)).containsEntry("tanh", 2L).containsEntry("tanh_bp", 2L)
                    .containsEntry("matmul", 8L);
            assertThat(nativeCalls(ws, Loss.CROSS_ENTROPY)).isEqualTo(34);
        }
        try (NetworkWorkspace ws = open(DATA, new int[] {4}, Activation.RELU)) {
            assertThat(profiledOperations(ws, Loss.CROSS_ENTROPY)).containsEntry("relu", 1L).containsEntry("relu_bp", 1L);
            assertThat(nativeCalls(ws, Loss.SQUARED_ERROR)).as("squared error adds sigmoid_bp and mul_scalar").isEqualTo(25);
        }
    }

    /** The operations ND4J runs in one step, and the BLAS axpy it does not profile (2 per layer). */
    private static long nativeCalls(NetworkWorkspace ws, Loss loss) {
        return profiledOperations(ws, loss).values().stream().mapToLong(Long::longValue).sum() + 2L * ws.shape().layers();
    }

    /** How many times ND4J's profiler sees each operation in one step, by ND4J's name for it. */
    private static Map<String, Long> profiledOperations(NetworkWorkspace ws, Loss loss) {
        return ProfiledOperations.during(OPERATIONS, () -> ws.step(loss, 0.1));
    }

    private static final List<String> OPERATIONS = List.of("matmul", "add", "sigmoid", "tanh", "relu",
            "sigm_cross_entropy_loss", "mean_sqerr_loss", "subtract", "div_scalar", "reduce_sum", "sigmoid_bp", "tanh_bp",
            "relu_bp", "mul_scalar", "old_assign", "add_scalar");

    /**
     * What the hot loop leaves behind is ND4J's own Java objects for each operation (the op, its
     * argument lists, shape checks), a few KB each: the same whatever the size of the data, because no
     * step makes an array or a view. Measured in the JVM of its own (see {@link EpochAllocations}).
     */
    @Tag(EpochAllocations.TAG)
    @Test
    @DisplayName("a step makes no array and no view: under 100 KB, the same from 4×2 with 4 units to 1,000×16 with 64")
    void aStepMakesNoArray() {
        long[] small = bytesPerStep(4, 2, 4);
        long[] large = bytesPerStep(1_000, 16, 64);
        for (int k = 0; k < 2; k++) {
            String what = k == 0 ? "batch epoch" : "online step";
            assertThat(small[k]).as("bytes per %s, 4×2, 4 units", what).isLessThan(100_000);
            assertThat(Math.abs(large[k] - small[k])).as("extra bytes per %s at 1,000×16, 64 units", what)
                    .isLessThan(4_096);
        }
    }

    /** Bytes allocated per batch epoch and per online step (one hidden layer, sigmoid, cross-entropy), after warm-up. */
    private static long[] bytesPerStep(int n, int d, int units) {
        try (NetworkWorkspace ws = open(BackendAgreement.randomData(n, d), new int[] {units}, Activation.SIGMOID)) {
            long batch = bytes(() -> NetworkTrainer.batchEpoch(ws, Loss.CROSS_ENTROPY, 0.01));
            long online = bytes(() -> {
                ws.selectRows(n / 2, n / 2 + 1);
                ws.step(Loss.CROSS_ENTROPY, 0.01);
            });
            return new long[] {batch, online};
        }
    }

    private static long bytes(Runnable step) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int times = 500;
        for (int k = 0; k < times; k++) {
            step.run();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int k = 0; k < times; k++) {
            step.run();
        }
        return (threads.getCurrentThreadAllocatedBytes() - before) / times;
    }
}
