package dev.tinynn.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinynn.core.BackendAgreement;
import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.EpochAllocations;
import dev.tinynn.core.Loss;
import dev.tinynn.core.ReferenceNeuron;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.Updates;
import dev.tinynn.core.spi.Workspace;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast backend's threads, set with the system property {@code tinynn.fast.threads}: its
 * several-thread path runs with an explicit count (so a one-core machine runs it too) and agrees
 * with the reference; training gives the same bits every time, whichever thread finishes first;
 * a bad value is refused naming the property and the value; closing the workspace ends its threads.
 * Also: an epoch on one thread allocates nothing, and a fused epoch on several threads neither.
 */
class FastThreadsTest {
    private static final String PROPERTY = "tinynn.fast.threads";
    /** 2,048 × 64 = 131,072 input values: large enough for the fast backend to split the rows among threads. */
    private static final Dataset LARGE = BackendAgreement.randomData(2_048, 64);

    @AfterEach
    void clearTheProperty() {
        System.clearProperty(PROPERTY);
    }

    private static <T> T withThreads(String value, Supplier<T> action) {
        System.setProperty(PROPERTY, value);
        try {
            return action.get();
        } finally {
            System.clearProperty(PROPERTY);
        }
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(strings = {"1", "2", "3", "8"})
    void anyThreadCountAgreesWithTheReference(String threads) {
        for (Updates updates : Updates.values()) {
            TrainingConfig config = new TrainingConfig(Loss.CROSS_ENTROPY, updates,
                    updates == Updates.BATCH ? 0.5 : 0.01, 5, null, 0.0);
            TrainingResult fast = withThreads(threads, () -> Trainer.train(Backends.named("fast"), LARGE, config));
            ReferenceNeuron.Run reference = ReferenceNeuron.train(LARGE, config);
            for (int j = 0; j < LARGE.features(); j++) {
                assertThat(Math.abs(fast.weights()[j] - reference.weights()[j])).as("%s w%d", updates, j)
                        .isLessThanOrEqualTo(1e-10 * Math.max(1, Math.abs(reference.weights()[j])));
            }
            assertThat(fast.lossHistory()).as("%s loss history", updates)
                    .containsExactly(reference.lossHistory(), org.assertj.core.api.Assertions.within(1e-10));
        }
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void severalThreadsGiveTheSameBitsEveryRun(Loss loss) {
        TrainingConfig config = new TrainingConfig(loss, Updates.BATCH, 0.5, 20, null, 0.0);
        TrainingResult first = withThreads("3", () -> Trainer.train(Backends.named("fast"), LARGE, config));
        for (int run = 0; run < 5; run++) {
            TrainingResult again = withThreads("3", () -> Trainer.train(Backends.named("fast"), LARGE, config));
            assertThat(again.weights()).isEqualTo(first.weights());
            assertThat(again.lossHistory()).isEqualTo(first.lossHistory());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2", "two", "1.5", "", "99999999999"})
    void aBadThreadCountIsRefusedNamingThePropertyAndTheValue(String value) {
        assertThatThrownBy(() -> withThreads(value, () -> Backends.named("fast").open(LARGE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(PROPERTY)
                .hasMessageContaining("'" + value + "'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void noPropertyMeansItWorksWithTheDefault() {
        try (Workspace ws = Backends.named("fast").open(LARGE)) {
            assertThat(ws.rows()).isEqualTo(2_048);
        }
    }

    @Test
    void closingTheWorkspaceEndsItsThreads() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Workspace ws = withThreads("3", () -> Backends.named("fast").open(LARGE));
        ws.setParameters(new double[LARGE.features()], 0);
        ws.epoch(Loss.CROSS_ENTROPY, 0.5);
        List<Thread> crew = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("tinynn-fast-") && !before.contains(thread)).toList();
        assertThat(crew).hasSize(2);
        ws.close();
        for (Thread thread : crew) {
            thread.join(10_000);
        }
        assertThat(crew).noneMatch(Thread::isAlive);
        assertThatThrownBy(() -> ws.epoch(Loss.CROSS_ENTROPY, 0.5)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @BeforeAll
    static void theAllocationCounterWorks() {
        EpochAllocations.checkTheCounter();
    }

    /**
     * On one thread (the property set to 1, or data under the size that is split among threads) the
     * fast backend allocates nothing per epoch, batch or online (for several threads, see the next test).
     */
    @Tag(EpochAllocations.TAG)
    @ParameterizedTest
    @EnumSource(Loss.class)
    void anEpochOnOneThreadAllocatesNothing(Loss loss) {
        for (Dataset data : new Dataset[] {BackendAgreement.randomData(4, 2), BackendAgreement.randomData(1_000, 16)}) {
            int epochs = data.rows() > 4 ? 1_000 : 10_000;
            try (Workspace ws = withThreads("1", () -> Backends.named("fast").open(data))) {
                ws.setParameters(new double[data.features()], 0);
                // Warm up long enough for C2 to compile the steps: before it does, the lambdas that hand
                // each step to its block of rows are real objects; C2's escape analysis removes them.
                EpochAllocations.batchEpochs(ws, loss, 2 * epochs);
                EpochAllocations.assertAllocatesNothing("batch epochs on " + data.name(), epochs,
                        () -> EpochAllocations.batchEpochs(ws, loss, epochs));
                EpochAllocations.onlineEpochs(ws, data, loss, epochs / 5);
                EpochAllocations.assertAllocatesNothing("online epochs on " + data.name(), epochs / 10,
                        () -> EpochAllocations.onlineEpochs(ws, data, loss, epochs / 10));
            }
        }
    }

    /** The fused epoch hands the other blocks to the workspace's own parked threads: no task objects either. */
    @Tag(EpochAllocations.TAG)
    @ParameterizedTest
    @EnumSource(Loss.class)
    void aFusedEpochOnSeveralThreadsAllocatesNothing(Loss loss) {
        try (Workspace ws = withThreads("2", () -> Backends.named("fast").open(LARGE))) {
            ws.setParameters(new double[LARGE.features()], 0);
            EpochAllocations.batchEpochs(ws, loss, 2_000);
            EpochAllocations.assertAllocatesNothing("batch epochs on two threads", 500,
                    () -> EpochAllocations.batchEpochs(ws, loss, 500));
        }
    }
}
