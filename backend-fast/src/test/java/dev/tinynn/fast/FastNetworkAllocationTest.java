package dev.tinynn.fast;

import dev.tinynn.core.Activation;
import dev.tinynn.core.BackendAgreement;
import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.NetworkEpochAllocations;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.NetworkWorkspace;
import org.junit.jupiter.api.BeforeAll;

/** A network's batch and online epochs on the fast backend allocate nothing (several threads: FastNetworkThreadsTest). */
class FastNetworkAllocationTest extends NetworkEpochAllocations {

    @Override
    protected Backend backend() {
        return Backends.named("fast");
    }

    /**
     * The Vector API allocates a box for every vector until C2 has compiled the code that uses it,
     * and the suite's own warm-up (200 small epochs) calls the kernel too few times for that. So
     * first every case the suite runs, for as long as C2 needs; then the suite counts.
     */
    @BeforeAll
    static void compileTheKernelFirst() {
        for (int[] size : new int[][] {{4, 2, 4}, {100, 8, 16}}) {
            Dataset data = BackendAgreement.randomData(size[0], size[1]);
            for (Activation activation : Activation.values()) {
                int[] hidden = size[0] == 4 ? new int[] {size[2]} : new int[] {size[2], 8};
                try (NetworkWorkspace ws = Backends.named("fast").openNetwork(data,
                        new NetworkShape(size[1], hidden, activation))) {
                    for (Loss loss : Loss.values()) {
                        for (int epoch = 0; epoch < 20_000 / size[0]; epoch++) {
                            NetworkTrainer.batchEpoch(ws, loss, 0.01);
                            NetworkTrainer.onlineEpoch(ws, loss, 0.01);
                        }
                    }
                }
            }
        }
    }
}
