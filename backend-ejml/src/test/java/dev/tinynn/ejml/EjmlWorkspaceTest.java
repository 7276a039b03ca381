package dev.tinynn.ejml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.Backends;
import dev.tinynn.core.BackendAgreement;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.EpochAllocations;
import dev.tinynn.core.Loss;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the shared suites do not check: that an epoch allocates nothing on the Java heap, and that
 * EJML's operations give exactly the plain backend's bits (the claim EjmlWorkspace's comment makes).
 */
class EjmlWorkspaceTest {
    private static final int WARM_UP_EPOCHS = 1_000;
    private static final int EPOCHS = 10_000;
    private static final double LEARNING_RATE = 0.1;

    @BeforeAll
    static void theAllocationCounterWorks() {
        EpochAllocations.checkTheCounter();
    }

    static Stream<Arguments> allocationCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int[] shape : new int[][] {{4, 2}, {1_000, 16}}) {
            for (Loss loss : Loss.values()) {
                cases.add(Arguments.of(shape[0], shape[1], loss));
            }
        }
        return cases.stream();
    }

    /** Allocation is counted in its own JVM with deterministic compilation: see {@link EpochAllocations}. */
    @Tag(EpochAllocations.TAG)
    @ParameterizedTest(name = "{0}×{1}, {2}")
    @MethodSource("allocationCases")
    void aBatchEpochAllocatesNothing(int n, int d, Loss loss) {
        try (Workspace ws = new EjmlBackend().open(BackendAgreement.randomData(n, d))) {
            ws.setParameters(new double[d], 0);
            // Warm up first: the first calls load and initialise classes (EJML's among them), which allocates.
            EpochAllocations.batchEpochs(ws, loss, WARM_UP_EPOCHS);
            EpochAllocations.assertAllocatesNothing("batch epochs", EPOCHS,
                    () -> EpochAllocations.batchEpochs(ws, loss, EPOCHS));
        }
    }

    @Tag(EpochAllocations.TAG)
    @ParameterizedTest(name = "{0}×{1}, {2}")
    @MethodSource("allocationCases")
    void anOnlineEpochAllocatesNothing(int n, int d, Loss loss) {
        Dataset data = BackendAgreement.randomData(n, d);
        try (Workspace ws = new EjmlBackend().open(data)) {
            ws.setParameters(new double[d], 0);
            EpochAllocations.onlineEpochs(ws, data, loss, WARM_UP_EPOCHS / 10);
            EpochAllocations.assertAllocatesNothing("online epochs", EPOCHS / 10,
                    () -> EpochAllocations.onlineEpochs(ws, data, loss, EPOCHS / 10));
        }
    }

    static Stream<Arguments> agreementCases() {
        // Feature counts on both sides of EJML's MULT_COLUMN_SWITCH (15 by default), where
        // multTransA changes from the "small" to the "reorder" algorithm.
        List<Arguments> cases = new ArrayList<>();
        for (int d : new int[] {1, 2, 3, 14, 15, 16, 64}) {
            for (Loss loss : Loss.values()) {
                cases.add(Arguments.of(200, d, loss));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}×{1}, {2}")
    @MethodSource("agreementCases")
    void sameBitsAsPlainStepByStep(int n, int d, Loss loss) {
        Dataset data = BackendAgreement.randomData(n, d);
        double[] w0 = new Random(d).doubles(d, -1, 1).toArray();
        try (Workspace ejml = new EjmlBackend().open(data); Workspace plain = Backends.named("plain").open(data)) {
            for (Workspace ws : List.of(ejml, plain)) {
                ws.setParameters(w0, 0.25);
            }
            for (int epoch = 0; epoch < 3; epoch++) {
                ejml.forward();
                plain.forward();
                assertSameBits(ejml, plain, Buffer.Z);
                ejml.sigmoid();
                plain.sigmoid();
                assertSameBits(ejml, plain, Buffer.P);
                assertThat(ejml.loss(loss)).as("loss").isEqualTo(plain.loss(loss));
                ejml.delta(loss);
                plain.delta(loss);
                assertSameBits(ejml, plain, Buffer.DELTA);
                ejml.gradient();
                plain.gradient();
                assertSameBits(ejml, plain, Buffer.GRADIENT);
                assertThat(ejml.biasGradient()).as("g_b").isEqualTo(plain.biasGradient());
                ejml.update(LEARNING_RATE);
                plain.update(LEARNING_RATE);
                assertSameBits(ejml, plain, Buffer.WEIGHTS);
                assertThat(ejml.bias()).as("b").isEqualTo(plain.bias());
            }
            for (int i = 0; i < n; i++) {
                assertThat(ejml.forwardRow(i)).as("z of row %d", i).isEqualTo(plain.forwardRow(i));
                ejml.updateRow(i, 0.01 * (i % 3 - 1));
                plain.updateRow(i, 0.01 * (i % 3 - 1));
            }
            assertSameBits(ejml, plain, Buffer.WEIGHTS);
            assertThat(ejml.bias()).as("b after online steps").isEqualTo(plain.bias());
        }
    }

    /** double[] equality in AssertJ is Arrays.equals: bit for bit, with no tolerance. */
    private static void assertSameBits(Workspace ejml, Workspace plain, Buffer buffer) {
        assertThat(ejml.read(buffer)).as("%s", buffer).isEqualTo(plain.read(buffer));
    }

}
