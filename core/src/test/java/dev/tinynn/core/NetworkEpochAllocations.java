package dev.tinynn.core;

import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.NetworkWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A network's batch epoch and online epoch, exactly as {@link NetworkTrainer} runs them, allocate
 * 0 bytes on the Java heap. For the backends that promise it (plain, EJML, fast); a backend module
 * runs it with a few lines:
 *
 * <pre>
 * class MyNetworkAllocationTest extends NetworkEpochAllocations {
 *     &#64;Override
 *     protected Backend backend() {
 *         return Backends.named("my-backend");
 *     }
 * }
 * </pre>
 *
 * <p>The tests are tagged {@value EpochAllocations#TAG}, so the parent POM runs them in their own
 * JVM with deterministic compilation; why, and how a block of epochs is judged, is in
 * {@link EpochAllocations}.
 */
@Tag(EpochAllocations.TAG)
public abstract class NetworkEpochAllocations {
    private static final int WARM_UP_EPOCHS = 200;
    private static final int EPOCHS = 2_000;
    private static final double LEARNING_RATE = 0.1;

    /** The backend under test. */
    protected abstract Backend backend();

    @BeforeAll
    static void theAllocationCounterWorks() {
        EpochAllocations.checkTheCounter();
    }

    /** xor with one small layer, and 100×8 with two layers; every activation; both losses. */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        int k = 0;
        for (int[] size : new int[][] {{4, 2}, {100, 8}}) {
            for (Activation activation : Activation.values()) {
                int[] hidden = size[0] == 4 ? new int[] {4} : new int[] {16, 8};
                cases.add(Arguments.of(size[0], size[1], hidden, activation, Loss.values()[k++ % 2]));
            }
        }
        return cases.stream();
    }

    private NetworkWorkspace open(int n, int d, int[] hidden, Activation activation) {
        NetworkShape shape = new NetworkShape(d, hidden, activation);
        NetworkWorkspace ws = backend().openNetwork(BackendAgreement.randomData(n, d), shape);
        NetworkConformance.load(ws, NetworkConformance.randomStart(shape, 1));
        return ws;
    }

    @ParameterizedTest(name = "{0}×{1}, {2} {3}, {4}")
    @MethodSource("cases")
    void aBatchEpochAllocatesNothing(int n, int d, int[] hidden, Activation activation, Loss loss) {
        try (NetworkWorkspace ws = open(n, d, hidden, activation)) {
            // Warm up first: the first calls load and initialise classes, which allocates.
            batchEpochs(ws, loss, WARM_UP_EPOCHS);
            EpochAllocations.assertAllocatesNothing("batch epochs", EPOCHS, () -> batchEpochs(ws, loss, EPOCHS));
        }
    }

    @ParameterizedTest(name = "{0}×{1}, {2} {3}, {4}")
    @MethodSource("cases")
    void anOnlineEpochAllocatesNothing(int n, int d, int[] hidden, Activation activation, Loss loss) {
        int epochs = Math.max(10, EPOCHS / n);
        try (NetworkWorkspace ws = open(n, d, hidden, activation)) {
            onlineEpochs(ws, loss, epochs);
            EpochAllocations.assertAllocatesNothing("online epochs", epochs, () -> onlineEpochs(ws, loss, epochs));
        }
    }

    private static void batchEpochs(NetworkWorkspace ws, Loss loss, int epochs) {
        for (int epoch = 0; epoch < epochs; epoch++) {
            NetworkTrainer.batchEpoch(ws, loss, LEARNING_RATE);
        }
    }

    private static void onlineEpochs(NetworkWorkspace ws, Loss loss, int epochs) {
        for (int epoch = 0; epoch < epochs; epoch++) {
            NetworkTrainer.onlineEpoch(ws, loss, LEARNING_RATE);
        }
    }
}
