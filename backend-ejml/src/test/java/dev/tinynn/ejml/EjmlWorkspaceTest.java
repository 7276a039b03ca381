package dev.tinynn.ejml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.Backends;
import dev.tinynn.core.BackendAgreement;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Sigmoid;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
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
    private static final int MAX_BLOCKS = 20;
    private static final long SMALLEST_OBJECT = 16; // bytes: a java.lang.Object on 64-bit HotSpot
    private static final double LEARNING_RATE = 0.1;

    /** HotSpot's per-thread allocation counter: bytes this thread has allocated on the heap, ever. */
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Somewhere to put an array so that the JIT cannot prove it unused and skip allocating it. */
    private static Object sink;

    @BeforeAll
    static void theAllocationCounterWorks() {
        assertThat(THREADS.isThreadAllocatedMemorySupported()).as("per-thread allocation counting supported").isTrue();
        THREADS.setThreadAllocatedMemoryEnabled(true);
        THREADS.getCurrentThreadAllocatedBytes(); // the very first call links a native method, which allocates
        // Reading the counter allocates nothing itself, so no slack is needed below ...
        long first = THREADS.getCurrentThreadAllocatedBytes();
        long second = THREADS.getCurrentThreadAllocatedBytes();
        assertThat(second - first).as("bytes allocated by reading the counter").isZero();
        // ... and it does see an allocation, so a 0 below means "nothing", not "not measured".
        long before = THREADS.getCurrentThreadAllocatedBytes();
        sink = new double[1_000];
        assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).isGreaterThanOrEqualTo(8_000);
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

    @ParameterizedTest(name = "{0}×{1}, {2}")
    @MethodSource("allocationCases")
    void aBatchEpochAllocatesNothing(int n, int d, Loss loss) {
        try (Workspace ws = new EjmlBackend().open(BackendAgreement.randomData(n, d))) {
            ws.setParameters(new double[d], 0);
            // Warm up first: the first calls load and initialise classes (EJML's among them), which allocates.
            batchEpochs(ws, loss, WARM_UP_EPOCHS);

            List<Long> blocks = bytesPerBlock(EPOCHS, () -> batchEpochs(ws, loss, EPOCHS));

            assertThat(blocks).as("bytes allocated by each block of %,d batch epochs", EPOCHS)
                    .allMatch(bytes -> bytes < EPOCHS * SMALLEST_OBJECT)
                    .last().isEqualTo(0L);
        }
    }

    @ParameterizedTest(name = "{0}×{1}, {2}")
    @MethodSource("allocationCases")
    void anOnlineEpochAllocatesNothing(int n, int d, Loss loss) {
        Dataset data = BackendAgreement.randomData(n, d);
        try (Workspace ws = new EjmlBackend().open(data)) {
            ws.setParameters(new double[d], 0);
            onlineEpochs(ws, data, loss, WARM_UP_EPOCHS / 10);

            List<Long> blocks = bytesPerBlock(EPOCHS / 10, () -> onlineEpochs(ws, data, loss, EPOCHS / 10));

            assertThat(blocks).as("bytes allocated by each block of %,d online epochs", EPOCHS / 10)
                    .allMatch(bytes -> bytes < EPOCHS / 10 * SMALLEST_OBJECT)
                    .last().isEqualTo(0L);
        }
    }

    /**
     * Runs a block of {@code epochs} epochs again and again, recording the bytes each run
     * allocates, until a run allocates none, or one allocates as much as 16 bytes per epoch, or
     * {@value #MAX_BLOCKS} runs have.
     *
     * <p>Why not just one run: HotSpot's JIT allocates on this thread, once per class, at a
     * moment that depends on timing. When a method is first queued for the optimising (C2)
     * compiler, the thread that called it resolves every string literal of the method's class
     * (CompileBroker::compile_method calls ConstantPool::resolve_string_constants), creating those
     * Strings on the heap. EJML's classes hold many exception messages, so a run during which C2
     * takes over can show a few hundred to a few thousand bytes (232 to 2,888 when we looked) that
     * belong to the JIT, not to the epoch; with -XX:TieredStopAtLevel=1 (no C2) every run after
     * the warm-up is 0. The JIT's bytes come once; an epoch's would come every time: even one
     * 16-byte object per epoch would make every run allocate at least 16 bytes × epochs. So the
     * test asserts that no run comes near that and that a run allocates exactly 0 bytes: no slack.
     */
    private static List<Long> bytesPerBlock(int epochs, Runnable block) {
        List<Long> blocks = new ArrayList<>();
        long bytes;
        do {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            block.run();
            bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
            blocks.add(bytes); // boxing and list growth happen after the second reading
        } while (bytes != 0 && bytes < epochs * SMALLEST_OBJECT && blocks.size() < MAX_BLOCKS);
        return blocks;
    }

    /** The Trainer's batch epoch, without the Trainer's bookkeeping. */
    private static void batchEpochs(Workspace ws, Loss loss, int epochs) {
        for (int epoch = 0; epoch < epochs; epoch++) {
            ws.forward();
            ws.sigmoid();
            ws.loss(loss);
            ws.delta(loss);
            ws.gradient();
            ws.update(LEARNING_RATE);
        }
    }

    /** The Trainer's online epoch: the workspace's two calls per row, with core's scalar work between. */
    private static void onlineEpochs(Workspace ws, Dataset data, Loss loss, int epochs) {
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = 0; i < ws.rows(); i++) {
                double z = ws.forwardRow(i);
                ws.updateRow(i, LEARNING_RATE * loss.dz(Sigmoid.of(z), data.y(i)));
            }
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
