package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.TrainingStoppedException;
import dev.tinynn.core.Updates;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The training loop's way to stop early, which Ctrl-C uses: a listener that says stop ends
 * training after that epoch (or, online, that row) with how far it got, and a listener that
 * wants no events hears every epoch's loss all the same.
 */
class TrainingStopTest {
    private static final TrainingConfig ONLINE = new TrainingConfig(Loss.CROSS_ENTROPY, Updates.ONLINE, 0.1, 1000,
            new double[] {0.1}, 0);

    /** Stops once {@code epochs} epochs are done, or at row {@code row} of the epoch after them. */
    private static final class StopAfter implements TrainingListener {
        final List<Double> losses = new ArrayList<>();
        final int epochs;
        final int rows;
        int asked;

        StopAfter(int epochs, int rows) {
            this.epochs = epochs;
            this.rows = rows;
        }

        @Override
        public boolean wantsEvents() {
            return false;
        }

        @Override
        public void onEpochDone(int epoch, double loss) {
            losses.add(loss);
        }

        @Override
        public boolean stopRequested() {
            return losses.size() >= epochs && ++asked > rows;
        }
    }

    @Test
    void stopsAfterTheEpochItWasAskedInAndSaysTheLossThen() {
        TrainingResult full = Trainer.train(Backends.named("plain"), Datasets.named("study-hours"), ONLINE);
        StopAfter listener = new StopAfter(3, 0);
        TrainingStoppedException stopped = catchThrowableOfType(TrainingStoppedException.class,
                () -> Trainer.train(Backends.named("plain"), Datasets.named("study-hours"), ONLINE, listener));
        assertThat(stopped.epochsDone()).isEqualTo(3);
        assertThat(stopped.epochs()).isEqualTo(1000);
        assertThat(stopped.loss()).isEqualTo(full.lossHistory()[2]);
        assertThat(listener.losses).containsExactly(full.lossHistory()[0], full.lossHistory()[1],
                full.lossHistory()[2]);
    }

    @Test
    void onlineStopsWithinAnEpochAtTheEndOfARow() {
        TrainingResult full = Trainer.train(Backends.named("plain"), Datasets.named("study-hours"), ONLINE);
        // asked after epoch 2 (no), then after rows 1, 2, 3 of epoch 3: stops there, inside epoch 3
        StopAfter listener = new StopAfter(3, 3);
        TrainingStoppedException stopped = catchThrowableOfType(TrainingStoppedException.class,
                () -> Trainer.train(Backends.named("plain"), Datasets.named("study-hours"), ONLINE, listener));
        assertThat(stopped.epochsDone()).isEqualTo(3);
        assertThat(stopped.loss()).isEqualTo(full.lossHistory()[2]);
        assertThat(listener.losses).hasSize(3);
    }
}
