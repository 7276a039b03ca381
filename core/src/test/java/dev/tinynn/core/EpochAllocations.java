package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.spi.Workspace;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the heap bytes a workspace's epochs allocate on the calling thread, for the backends'
 * "an epoch allocates nothing" tests. The count is HotSpot's per-thread allocation counter
 * ({@code ThreadMXBean.getCurrentThreadAllocatedBytes}), which sees every object, TLAB or not.
 *
 * <p><b>Why the answer cannot depend on timing.</b> The JIT allocates on the thread whose call
 * queues a method for the optimising compiler, C2: it resolves the string literals of that
 * method's class there (CompileBroker::compile_method → ConstantPool::resolve_string_constants),
 * a few hundred to a few thousand bytes once per class. With background compilation, when that
 * happens depends on how busy the compiler threads are. The tests that use this class therefore
 * run in their own surefire execution (tag {@value #TAG}, see the parent POM) with
 * {@code -XX:-BackgroundCompilation}: a call that triggers a compilation waits for it, so
 * compilations are queued at fixed invocation and loop counts, the same every run, and the
 * JIT's bytes land in the same block every run. {@link #bytesPerBlock} then runs blocks of epochs
 * until one allocates nothing: an epoch's own allocation would come every time (one 16-byte object
 * per epoch makes every block allocate at least 16 bytes × epochs), the JIT's only once. So the
 * test asserts that no block comes near that, and that a block allocates exactly 0 bytes: no slack.
 * (Not {@code -Xint}: then nothing is compiled, and the claim is about the code that really runs.)
 */
public final class EpochAllocations {
    /** The JUnit tag of tests that count allocations; the parent POM runs them in their own JVM. */
    public static final String TAG = "allocation";
    /** Bytes of the smallest object on 64-bit HotSpot, java.lang.Object. */
    public static final long SMALLEST_OBJECT = 16;
    private static final int MAX_BLOCKS = 20;
    private static final double LEARNING_RATE = 0.1;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Somewhere to put an array so that the JIT cannot prove it unused and skip allocating it. */
    private static Object sink;

    private EpochAllocations() {
    }

    /** Checks that the counter is there, allocates nothing when read, and sees an allocation. Call once, first. */
    public static void checkTheCounter() {
        assertThat(THREADS.isThreadAllocatedMemorySupported()).as("per-thread allocation counting supported").isTrue();
        THREADS.setThreadAllocatedMemoryEnabled(true);
        THREADS.getCurrentThreadAllocatedBytes(); // the very first call links a native method, which allocates
        long first = THREADS.getCurrentThreadAllocatedBytes();
        long second = THREADS.getCurrentThreadAllocatedBytes();
        assertThat(second - first).as("bytes allocated by reading the counter").isZero();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        sink = new double[1_000];
        assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).isGreaterThanOrEqualTo(8_000);
    }

    /**
     * Runs {@code block} (which runs {@code epochs} epochs) again and again, recording the bytes
     * each run allocates, until a run allocates none, or one allocates as much as 16 bytes per
     * epoch, or 20 runs have; then asserts that none came near 16 bytes per epoch and the last was 0.
     */
    public static void assertAllocatesNothing(String what, int epochs, Runnable block) {
        List<Long> blocks = new ArrayList<>();
        long bytes;
        do {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            block.run();
            bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
            blocks.add(bytes); // boxing and list growth happen after the second reading
        } while (bytes != 0 && bytes < epochs * SMALLEST_OBJECT && blocks.size() < MAX_BLOCKS);
        assertThat(blocks).as("bytes allocated by each block of %,d %s", epochs, what)
                .allMatch(b -> b < epochs * SMALLEST_OBJECT)
                .last().isEqualTo(0L);
    }

    /** {@link Trainer#batchEpoch}, {@code epochs} times. */
    public static void batchEpochs(Workspace ws, Loss loss, int epochs) {
        for (int epoch = 0; epoch < epochs; epoch++) {
            Trainer.batchEpoch(ws, loss, LEARNING_RATE);
        }
    }

    /** The Trainer's online epoch: the workspace's two calls per row, with core's scalar work between. */
    public static void onlineEpochs(Workspace ws, Dataset data, Loss loss, int epochs) {
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = 0; i < ws.rows(); i++) {
                double z = ws.forwardRow(i);
                ws.updateRow(i, LEARNING_RATE * loss.dz(Sigmoid.of(z), data.y(i)));
            }
        }
    }
}
