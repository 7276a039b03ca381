package dev.tinynn.fast;

import dev.tinynn.core.Activation;
import dev.tinynn.core.BackendAgreement;
import dev.tinynn.core.EpochAllocations;
import dev.tinynn.core.Loss;
import dev.tinynn.core.NetworkConformance;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.spi.NetworkWorkspace;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A wide network's epochs (256 features × 256 sigmoid units, the width the benchmarks caught)
 * allocate nothing on the fast backend, on one thread. The small networks of
 * {@link FastNetworkAllocationTest} do not show it: the JIT compiles the Vector API's e^x within a
 * budget of nodes, and whether a compilation stays within it depends on what the code ran before
 * (VectorKernel.expOfMinusAbs); when it did not, every 8 sigmoids boxed a vector on the heap.
 */
@Tag(EpochAllocations.TAG)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FastWideNetworkAllocationTest {
    private static final int ROWS = 64;
    private static final int WIDTH = 256;
    private static final double LEARNING_RATE = 0.1;

    @BeforeAll
    static void theAllocationCounterWorks() {
        EpochAllocations.checkTheCounter();
    }

    @Test
    void aWideBatchEpochAllocatesNothing() {
        countEpochs("batch epochs", 200, 50, ws -> NetworkTrainer.batchEpoch(ws, Loss.CROSS_ENTROPY, LEARNING_RATE));
    }

    @Test
    void aWideOnlineEpochAllocatesNothing() {
        countEpochs("online epochs", 60, 20, ws -> NetworkTrainer.onlineEpoch(ws, Loss.CROSS_ENTROPY, LEARNING_RATE));
    }

    /** Runs warm-up epochs (the JIT compiles them meanwhile), then counts the bytes of blocks of {@code epochs}. */
    private static void countEpochs(String what, int warmUp, int epochs, Consumer<NetworkWorkspace> epoch) {
        NetworkShape shape = new NetworkShape(WIDTH, new int[] {WIDTH}, Activation.SIGMOID);
        try (NetworkWorkspace ws = new FastNetworkWorkspace(BackendAgreement.randomData(ROWS, WIDTH), shape, 1, true)) {
            NetworkConformance.load(ws, NetworkConformance.randomStart(shape, 1));
            for (int e = 0; e < warmUp; e++) {
                epoch.accept(ws);
            }
            EpochAllocations.assertAllocatesNothing(what, epochs, () -> {
                for (int e = 0; e < epochs; e++) {
                    epoch.accept(ws);
                }
            });
        }
    }
}
