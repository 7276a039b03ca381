package dev.tinynn.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.EpochAllocations;
import dev.tinynn.core.Loss;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;

/** The claims in Nd4jWorkspace's class comment: the bias column stays hidden, and what an epoch costs. */
class Nd4jWorkspaceTest {
    private static final Dataset DATA = Dataset.of("3×2", List.of("a", "b"),
            new double[][] {{1, 2}, {3, -1}, {0.5, 0.25}}, new double[] {1, 0, 1});

    private static Workspace open(Dataset data) {
        return new Nd4jBackend().open(data);
    }

    @Test
    @DisplayName("the column of ones is invisible: d weights, d gradient entries, the bias on its own")
    void biasColumnIsInvisible() {
        try (Workspace ws = open(DATA)) {
            ws.setParameters(new double[] {0.5, -0.25}, 0.125);
            double[] w = new double[2];
            ws.read(Buffer.WEIGHTS, w);
            assertThat(w).containsExactly(0.5, -0.25);
            assertThat(ws.bias()).isEqualTo(0.125);
            assertThat(ws.forwardRow(1)).isEqualTo(3 * 0.5 + -1 * -0.25 + 0.125);

            ws.forward();
            ws.sigmoid();
            ws.delta(Loss.CROSS_ENTROPY);
            ws.gradient();
            double[] delta = new double[3];
            ws.read(Buffer.DELTA, delta);
            assertThat(ws.biasGradient()).isCloseTo((delta[0] + delta[1] + delta[2]) / 3, within(1e-15));

            ws.update(1);
            ws.read(Buffer.WEIGHTS, w);
            double[] g = new double[2];
            ws.read(Buffer.GRADIENT, g);
            assertThat(w).containsExactly(new double[] {0.5 - g[0], -0.25 - g[1]}, within(1e-15));
            assertThat(ws.bias()).isCloseTo(0.125 - ws.biasGradient(), within(1e-15));

            ws.updateRow(0, 0.5);
            assertThat(ws.bias()).isCloseTo(0.125 - ws.biasGradient() - 0.5, within(1e-15));
        }
    }

    @Test
    @DisplayName("a batch epoch is 6 native calls with cross-entropy and 8 with squared error")
    void nativeCallsPerBatchEpoch() {
        try (Workspace ws = open(Datasets.studyHours())) {
            // ND4J's profiler counts its operations; the two products (dgemv) and update()'s axpy go
            // straight to BLAS and are the +3.
            assertThat(profiledOperations(ws, Loss.CROSS_ENTROPY)).isEqualTo(6 - 3);
            assertThat(profiledOperations(ws, Loss.SQUARED_ERROR)).isEqualTo(8 - 3);
        }
    }

    /** How many operations ND4J's profiler sees in one batch epoch. */
    private static long profiledOperations(Workspace ws, Loss loss) {
        try {
            Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
            OpProfiler.getInstance().reset();
            ws.forward();
            ws.sigmoid();
            ws.loss(loss);
            ws.delta(loss);
            ws.gradient();
            ws.update(0.1);
            return OpProfiler.getInstance().getInvocationsCount();
        } finally {
            Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build()); // ND4J's default: off
        }
    }

    /** Counted in its own JVM with deterministic compilation, to the byte: see {@link EpochAllocations}. */
    @Tag(EpochAllocations.TAG)
    @Test
    @DisplayName("an online step allocates nothing on the Java heap")
    void onlineStepsAllocateNothing() {
        EpochAllocations.checkTheCounter();
        try (Workspace ws = open(DATA)) {
            ws.setParameters(new double[] {0.1, 0.2}, 0.3);
            for (Loss loss : Loss.values()) {
                EpochAllocations.onlineEpochs(ws, DATA, loss, 7_000); // warm-up: load classes, let the JIT compile
                EpochAllocations.assertAllocatesNothing("online epochs of 3 steps, " + loss, 30_000,
                        () -> EpochAllocations.onlineEpochs(ws, DATA, loss, 30_000));
            }
        }
    }
}
