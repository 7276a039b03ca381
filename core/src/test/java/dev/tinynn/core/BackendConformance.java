package dev.tinynn.core;

import static dev.tinynn.core.TutorialFacts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every backend meets, the way EJML's {@code GenericTestsDMatrix} is the contract
 * for its matrices. A backend module runs it with a few lines:
 *
 * <pre>
 * class MyBackendConformanceTest extends BackendConformance {
 *     &#64;Override
 *     protected Backend backend() {
 *         return Backends.named("my-backend");
 *     }
 * }
 * </pre>
 *
 * <p>Everything is asserted to 1e-12 unless a test says otherwise and why. The expected values
 * are the tutorial's (see {@link TutorialFacts}); the gradients are checked against centred
 * finite differences, an oracle that shares no code with the backend's gradient.
 */
public abstract class BackendConformance {
    /** The tolerance for everything the tutorial computes in a handful of operations. */
    protected static final Offset<Double> EXACT = within(1e-12);

    /** The backend under test. */
    protected abstract Backend backend();

    /**
     * Asserts that {@code actual} rounds to the tutorial's printed text: within half a unit in the
     * last digit it writes ("0.98201379": ±5e-9), taken from the text itself, not from a double's
     * shortest form.
     */
    static void assertPrinted(double actual, String printed) {
        BigDecimal shown = new BigDecimal(printed);
        BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(shown.scale()).divide(BigDecimal.valueOf(2));
        assertThat(new BigDecimal(actual).subtract(shown).abs()).as("%s printed as %s", actual, printed)
                .isLessThanOrEqualTo(halfUnit);
    }

    private static Dataset column(String name, double... values) {
        double[][] x = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            x[i] = new double[] {values[i]};
        }
        return Dataset.of(name, List.of("x"), x, new double[values.length]);
    }


    /** z and p for each value of a one-feature input, through the backend's forward and sigmoid. */
    private double[][] forward(Dataset data, double w, double b) {
        try (Workspace ws = backend().open(data)) {
            ws.setParameters(new double[] {w}, b);
            ws.forward();
            ws.sigmoid();
            return new double[][] {ws.read(Buffer.Z), ws.read(Buffer.P)};
        }
    }

    private TrainingResult train(Dataset data, TrainingConfig config) {
        return Trainer.train(backend(), data, config);
    }

    // ---- The tutorial's worked numbers ----

    @Test
    @DisplayName("page 2: raw = hours·w + b at hours 2, b −1 gives 0.0, 1.0 and −0.6")
    void page2RawScores() {
        for (double[] wAndRaw : PAGE2_RAW) {
            double[][] zp = forward(column("page 2", PAGE2_HOURS), wAndRaw[0], PAGE2_BIAS);
            assertThat(zp[0][0]).as("raw at w = %s", wAndRaw[0]).isCloseTo(wAndRaw[1], EXACT);
        }
    }

    @Test
    @DisplayName("page 3: the sigmoid table σ(−2), σ(0), σ(1.2), σ(4)")
    void page3SigmoidTable() {
        double[] p = forward(column("page 3", PAGE3_Z), 1, 0)[1];
        for (int i = 0; i < PAGE3_Z.length; i++) {
            assertThat(p[i]).as("σ(%s)", PAGE3_Z[i]).isCloseTo(PAGE3_P[i], EXACT);
            assertPrinted(p[i], PAGE3_P_PRINTED[i]);
        }
    }

    @Test
    @DisplayName("page 3: hours 3 → raw 0.5, p 0.6224593312, Pass; hours 2.5 → raw 0.25, p 0.5621765009, barely Pass")
    void page3Decisions() {
        double[][] zp = forward(column("page 3", 3, 2.5), 0.5, -1);
        assertThat(zp[0]).containsExactly(new double[] {0.5, 0.25}, EXACT);
        assertThat(zp[1]).containsExactly(new double[] {PAGE3_P_AT_3H, PAGE3_P_AT_2_5H}, EXACT);
        assertThat(Decision.of(zp[1][0], Decision.DEFAULT_THRESHOLD)).isEqualTo(Decision.PASS);
        assertThat(Decision.of(zp[1][1], Decision.DEFAULT_THRESHOLD)).isEqualTo(Decision.PASS);
    }

    @Test
    @DisplayName("exactly p = 0.5 is Pass")
    void halfIsPass() {
        double p = forward(column("zero", 0), 1, 0)[1][0];
        assertThat(p).isEqualTo(0.5);
        assertThat(Decision.of(p, 0.5)).isEqualTo(Decision.PASS);
    }

    @Test
    @DisplayName("page 4: squared error (1 − 0.7)² = 0.09")
    void page4SquaredError() {
        Dataset oneRow = Dataset.of("page 4", List.of("x"), new double[][] {{1}}, new double[] {1});
        try (Workspace ws = backend().open(oneRow)) {
            ws.setParameters(new double[] {Sigmoid.logit(0.7)}, 0); // z chosen so that p = 0.7
            ws.forward();
            ws.sigmoid();
            assertThat(ws.read(Buffer.P)[0]).isCloseTo(0.7, EXACT);
            assertThat(ws.loss(Loss.SQUARED_ERROR)).isCloseTo(PAGE4_SQUARED_ERROR, EXACT);
        }
    }

    @Test
    @DisplayName("page 5: w 1.2, b −2.1 predicts 1.5 h → 0.4256, 2.5 h → 0.7109, 3.5 h → 0.8909")
    void page5Predictions() {
        double[] p = forward(column("page 5", PAGE5_HOURS), 1.2, -2.1)[1];
        assertThat(p).containsExactly(PAGE5_P, EXACT);
        for (int i = 0; i < p.length; i++) {
            assertPrinted(p[i], PAGE5_P_PRINTED[i]);
        }
    }

    // ---- The tutorial's three training runs ----

    /**
     * Sums (p − y)² over each epoch's rows, the way the tutorial's loop prints its loss. The epoch
     * event's p is each row's probability as used for its update: in online mode, just before that
     * row's step, which is where the tutorial's loop measures it.
     */
    private static final class SummedSquaredError implements TrainingListener {
        final List<Double> perEpoch = new ArrayList<>();
        private final double[] y;

        SummedSquaredError(Dataset data) {
            this.y = data.labels();
        }

        @Override
        public void onEpoch(EpochEvent epoch) {
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sum += (y[i] - epoch.p()[i]) * (y[i] - epoch.p()[i]);
            }
            perEpoch.add(sum);
        }
    }

    @Test
    @DisplayName("run 1: study-hours, online, cross-entropy, w 0.1, lr 0.1, 1000 epochs → w 4.3018685464211535, b −10.50801155978499")
    void run1StudyHoursOnline() {
        Dataset data = Datasets.studyHours();
        SummedSquaredError printedLoss = new SummedSquaredError(data);
        TrainingResult result = Trainer.train(backend(), data,
                TrainingConfig.tutorial().withInitialWeights(0.1), printedLoss);

        assertThat(result.weights()).containsExactly(new double[] {RUN1_W}, EXACT);
        assertThat(result.bias()).isCloseTo(RUN1_B, EXACT);
        assertThat(printedLoss.perEpoch).hasSize(1000);
        assertThat(printedLoss.perEpoch.get(0)).isCloseTo(RUN1_SUMMED_SQUARED_ERROR_EPOCH_0, EXACT);
        assertThat(printedLoss.perEpoch.get(999)).isCloseTo(RUN1_SUMMED_SQUARED_ERROR_EPOCH_999, EXACT);
        assertThat(result.model().boundary(0.5)).isCloseTo(RUN1_BOUNDARY, within(1e-11));
        for (int i = 0; i < RUN1_HOURS.length; i++) {
            assertThat(result.model().probability(RUN1_HOURS[i])).as("p at %s h", RUN1_HOURS[i])
                    .isCloseTo(RUN1_P[i], EXACT);
        }
        assertThat(result.accuracy(0.5)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("page 5's exercise: add the row (5, 1) and retrain → w 4.320806895, b −10.55591336")
    void run1WithExtraRow() {
        TrainingResult result = train(Datasets.studyHoursPlus(), TrainingConfig.tutorial().withInitialWeights(0.1));
        assertThat(result.weights()).containsExactly(new double[] {RUN1_PLUS_W}, EXACT);
        assertThat(result.bias()).isCloseTo(RUN1_PLUS_B, EXACT);
    }

    @Test
    @DisplayName("run 2: study-sleep, online → w [9.5137, −3.1393], b −3.1633 (to 1e-9)")
    void run2StudySleepOnline() {
        Dataset data = Datasets.studySleep();
        SummedSquaredError printedLoss = new SummedSquaredError(data);
        TrainingResult result = Trainer.train(backend(), data,
                TrainingConfig.tutorial().withInitialWeights(0.1, 0.1), printedLoss);
        // 1e-9 for this run: 8,000 online steps on collinear inputs (w1 and w2
        // move along a valley the data cannot pin down) let rounding differences grow more than in run 1.
        assertThat(result.weights()).containsExactly(new double[] {RUN2_W1, RUN2_W2}, within(1e-9));
        assertThat(result.bias()).isCloseTo(RUN2_B, within(1e-9));
        assertThat(printedLoss.perEpoch.get(999)).isCloseTo(RUN2_SUMMED_SQUARED_ERROR_EPOCH_999, within(1e-9));
    }

    @Test
    @DisplayName("run 3: study-sleep, batch (the NumPy tab; its sum with lr 0.1 = our mean with lr 0.4) → w [8.9517, −2.9696] (to 1e-8)")
    void run3StudySleepBatch() {
        Dataset data = Datasets.studySleep();
        SummedSquaredError printedLoss = new SummedSquaredError(data);
        TrainingResult result = Trainer.train(backend(), data, TrainingConfig.tutorial()
                .withUpdates(Updates.BATCH).withLearningRate(RUN3_LEARNING_RATE).withInitialWeights(0.1, 0.1),
                printedLoss);
        assertThat(result.weights()).containsExactly(new double[] {RUN3_W1, RUN3_W2}, within(1e-8));
        assertThat(result.bias()).isCloseTo(RUN3_B, within(1e-8));
        for (int e = 0; e < RUN3_SUMMED_SQUARED_ERROR_FIRST_EPOCHS.length; e++) {
            assertThat(printedLoss.perEpoch.get(e)).as("summed squared error at epoch %d", e)
                    .isCloseTo(RUN3_SUMMED_SQUARED_ERROR_FIRST_EPOCHS[e], EXACT);
        }
    }

    @Test
    @DisplayName("the tutorial's two tabs are two algorithms: online and batch end at different weights")
    void onlineAndBatchDiffer() {
        TrainingConfig start = TrainingConfig.tutorial().withInitialWeights(0.1, 0.1);
        TrainingResult online = train(Datasets.studySleep(), start);
        TrainingResult batch = train(Datasets.studySleep(),
                start.withUpdates(Updates.BATCH).withLearningRate(RUN3_LEARNING_RATE));
        assertThat(online.weights()[0] - batch.weights()[0]).isGreaterThan(0.5);
        // Both fit the collinear data; only w1 + w2 and 4·w2 + b are pinned down, and they are close.
        assertThat(online.weights()[0] + online.weights()[1])
                .isCloseTo(batch.weights()[0] + batch.weights()[1], within(0.5));
    }

    @Test
    @DisplayName("history: batch records the loss of the forward pass before each update")
    void batchHistoryIsTheLossBeforeTheUpdate() {
        Dataset data = Datasets.studyHours();
        TrainingConfig config = TrainingConfig.tutorial().withUpdates(Updates.BATCH).withEpochs(3);
        TrainingResult result = train(data, config);
        TrainingResult oneLess = train(data, config.withEpochs(2));
        assertThat(result.lossHistory()).hasSize(3);
        assertThat(result.lossHistory()[0]).isCloseTo(Math.log(2), EXACT); // w = b = 0: p = 0.5 for every row
        assertThat(result.lossHistory()[2]).isCloseTo(oneLess.finalLoss(), EXACT);
    }

    @Test
    @DisplayName("history: online records the mean of each row's loss taken just before that row's update")
    void onlineHistoryIsTheMeanOfRowLossesBeforeEachUpdate() {
        List<RowEvent> rows = new ArrayList<>();
        TrainingResult result = Trainer.train(backend(), Datasets.studyHours(),
                TrainingConfig.tutorial().withEpochs(2), new TrainingListener() {
                    @Override
                    public void onRow(RowEvent event) {
                        rows.add(event);
                    }
                });
        // From w = b = 0, computed by hand in a separate Python loop: 0.7309892544186312.
        assertThat(result.lossHistory()[0]).isCloseTo(0.7309892544186312, EXACT);
        TrainingResult run1 = train(Datasets.studyHours(), TrainingConfig.tutorial().withEpochs(1).withInitialWeights(0.1));
        assertThat(run1.lossHistory()[0]).isCloseTo(RUN1_LOSS_EPOCH_0, EXACT);
        RowEvent first = rows.get(0); // x = 1, y = 0, w = b = 0
        assertThat(first.z()).isZero();
        assertThat(first.p()).isEqualTo(0.5);
        assertThat(first.loss()).isCloseTo(Math.log(2), EXACT);
        assertThat(first.weightsAfter()).containsExactly(new double[] {-0.05}, EXACT);
        assertThat(first.biasAfter()).isCloseTo(-0.05, EXACT);
    }

    // ---- What a listener hears ----

    /** Every event, in the order the loop sent them. */
    private static final class Recorder implements TrainingListener {
        final List<Object> events = new ArrayList<>();

        @Override
        public void onEpoch(EpochEvent event) {
            events.add(event);
        }

        @Override
        public void onRow(RowEvent event) {
            events.add(event);
        }
    }

    @Test
    @DisplayName("batch: one EpochEvent per epoch, in order, no RowEvent; epoch 0 from the tutorial's start holds z, p, δ, g, g_b and w, b before and after")
    void batchEvents() {
        Recorder recorder = new Recorder();
        TrainingConfig config = TrainingConfig.tutorial().withUpdates(Updates.BATCH).withEpochs(3).withInitialWeights(0.1);
        TrainingResult result = Trainer.train(backend(), Datasets.studyHours(), config, recorder);

        assertThat(recorder.events).hasSize(3).allMatch(EpochEvent.class::isInstance);
        EpochEvent first = (EpochEvent) recorder.events.get(0);
        assertThat(first.epoch()).isZero();
        assertThat(first.weightsBefore()).containsExactly(new double[] {0.1}, EXACT);
        assertThat(first.biasBefore()).isZero();
        assertThat(first.z()).containsExactly(new double[] {0.1, 0.2, 0.3, 0.4}, EXACT);
        // σ(0.1), …, σ(0.4), and δ = p − y with y = 0, 0, 1, 1 (a separate Python loop gives the same digits).
        double[] p = {0.52497918747894, 0.549833997312478, 0.574442516811659, 0.598687660112452};
        assertThat(first.p()).containsExactly(p, EXACT);
        assertThat(first.delta()).containsExactly(new double[] {p[0], p[1], p[2] - 1, p[3] - 1}, EXACT);
        assertThat(first.loss()).isCloseTo(0.6524765065809106, EXACT);
        // The mean gradient is the tutorial's summed step divided by n = 4.
        assertThat(first.gradient()).containsExactly(new double[] {TUTORIAL_STEP_W / 4}, EXACT);
        assertThat(first.biasGradient()).isCloseTo(TUTORIAL_STEP_B / 4, EXACT);
        assertThat(first.weightsAfter()).containsExactly(new double[] {0.1 - 0.1 * TUTORIAL_STEP_W / 4}, EXACT);
        assertThat(first.biasAfter()).isCloseTo(-0.1 * TUTORIAL_STEP_B / 4, EXACT);
        for (int e = 0; e < 3; e++) {
            EpochEvent event = (EpochEvent) recorder.events.get(e);
            assertThat(event.epoch()).isEqualTo(e);
            assertThat(event.loss()).isEqualTo(result.lossHistory()[e]);
            if (e > 0) {
                EpochEvent previous = (EpochEvent) recorder.events.get(e - 1);
                assertThat(event.weightsBefore()).isEqualTo(previous.weightsAfter());
                assertThat(event.biasBefore()).isEqualTo(previous.biasAfter());
            }
        }
        EpochEvent last = (EpochEvent) recorder.events.get(2);
        assertThat(last.weightsAfter()).isEqualTo(result.weights());
        assertThat(last.biasAfter()).isEqualTo(result.bias());
    }

    @Test
    @DisplayName("online: n RowEvents then one EpochEvent per epoch, in row order; each step is w −= lr·δ·x from the previous step's w")
    void onlineEvents() {
        Recorder recorder = new Recorder();
        Dataset data = Datasets.studyHours();
        TrainingResult result = Trainer.train(backend(), data,
                TrainingConfig.tutorial().withEpochs(2).withInitialWeights(0.1), recorder);

        assertThat(recorder.events).hasSize(2 * (4 + 1));
        double[] w = {0.1};
        double b = 0;
        for (int e = 0; e < 2; e++) {
            List<Object> epoch = recorder.events.subList(5 * e, 5 * e + 5);
            double[] g = new double[1];
            double gb = 0;
            for (int i = 0; i < 4; i++) {
                assertThat(epoch.get(i)).as("event %d of epoch %d", i, e).isInstanceOf(RowEvent.class);
                RowEvent row = (RowEvent) epoch.get(i);
                assertThat(row.epoch()).isEqualTo(e);
                assertThat(row.row()).isEqualTo(i);
                assertThat(row.x()).containsExactly(data.row(i));
                assertThat(row.y()).isEqualTo(data.y(i));
                assertThat(row.weightsBefore()).containsExactly(w, EXACT);
                assertThat(row.biasBefore()).isCloseTo(b, EXACT);
                assertThat(row.z()).isCloseTo(data.x(i, 0) * w[0] + b, EXACT);
                assertThat(row.p()).isCloseTo(1 / (1 + Math.exp(-row.z())), EXACT);
                assertThat(row.delta()).isCloseTo(row.p() - data.y(i), EXACT);
                assertThat(row.error()).isEqualTo(row.p() - data.y(i)); // the tutorial's "error", p − y
                assertThat(row.step()).isCloseTo(0.1 * row.delta(), EXACT);
                w = new double[] {w[0] - row.step() * data.x(i, 0)};
                b -= row.step();
                assertThat(row.weightsAfter()).containsExactly(w, EXACT);
                assertThat(row.biasAfter()).isCloseTo(b, EXACT);
                g[0] += row.delta() * data.x(i, 0) / 4;
                gb += row.delta() / 4;
            }
            assertThat(epoch.get(4)).isInstanceOf(EpochEvent.class);
            EpochEvent event = (EpochEvent) epoch.get(4);
            RowEvent firstRow = (RowEvent) epoch.get(0);
            assertThat(event.epoch()).isEqualTo(e);
            assertThat(event.weightsBefore()).isEqualTo(firstRow.weightsBefore());
            assertThat(event.biasBefore()).isEqualTo(firstRow.biasBefore());
            for (int i = 0; i < 4; i++) {
                RowEvent row = (RowEvent) epoch.get(i);
                assertThat(event.z()[i]).isEqualTo(row.z());
                assertThat(event.p()[i]).isEqualTo(row.p());
                assertThat(event.delta()[i]).isEqualTo(row.delta());
            }
            assertThat(event.gradient()).containsExactly(g, EXACT);
            assertThat(event.biasGradient()).isCloseTo(gb, EXACT);
            assertThat(event.weightsAfter()).containsExactly(w, EXACT);
            assertThat(event.biasAfter()).isCloseTo(b, EXACT);
            assertThat(event.loss()).isEqualTo(result.lossHistory()[e]);
        }
        assertThat(((EpochEvent) recorder.events.get(4)).loss()).isCloseTo(RUN1_LOSS_EPOCH_0, EXACT);
        RowEvent first = (RowEvent) recorder.events.get(0); // x = 1, y = 0, w = 0.1, b = 0
        assertThat(first.p()).isCloseTo(0.52497918747894, EXACT);
        assertThat(first.weightsAfter()).containsExactly(new double[] {0.047502081252106004}, EXACT);
        assertThat(first.biasAfter()).isCloseTo(-0.052497918747894, EXACT);
        assertThat(result.weights()).containsExactly(w, EXACT);
    }

    @Test
    @DisplayName("zero epochs returns the starting point, with its loss")
    void zeroEpochs() {
        TrainingResult result = train(Datasets.studyHours(), TrainingConfig.tutorial().withEpochs(0)
                .withInitialWeights(0.1));
        assertThat(result.lossHistory()).isEmpty();
        assertThat(result.weights()).containsExactly(0.1);
        assertThat(result.bias()).isZero();
        assertThat(result.probabilities()).hasSize(4);
        assertThat(result).hasToString("TrainingResult[backend=" + backend().name() + ", data=study-hours, w=[0.1],"
                + " b=0.0, finalLoss=" + result.finalLoss() + "]");
        assertThat(result.finalLoss()).isCloseTo(0.6524765065809106, EXACT); // as batchEvents' first epoch
        // p = σ(0.1), σ(0.2), σ(0.3), σ(0.4) = 0.525, 0.550, 0.574, 0.599 for labels 0, 0, 1, 1: at 0.5
        // every row is Pass, right for the last two; at 0.56 the first two become Fail (right); at
        // 0.58 the third does too (wrong).
        assertThat(result.rowsRight(0.5)).isEqualTo(2);
        assertThat(result.accuracy(0.5)).isEqualTo(0.5);
        assertThat(result.rowsRight(0.56)).isEqualTo(4);
        assertThat(result.rowsRight(0.58)).isEqualTo(3);
        assertThat(result.accuracy(0.58)).isEqualTo(0.75);
    }

    // ---- A listener that only counts, and stops ----

    /**
     * Wants no events (as a progress bar does); records each {@link TrainingListener#onEpochDone}
     * and how often it was asked whether to stop, and says stop on its {@code stopAt}-th question.
     */
    private static final class StopAt implements TrainingListener {
        final List<Integer> epochs = new ArrayList<>();
        final List<Double> losses = new ArrayList<>();
        final int stopAt;
        int asked;

        StopAt(int stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public boolean wantsEvents() {
            return false;
        }

        @Override
        public void onEpochDone(int epoch, double loss) {
            epochs.add(epoch);
            losses.add(loss);
        }

        @Override
        public boolean stopRequested() {
            return ++asked == stopAt;
        }
    }

    @ParameterizedTest
    @EnumSource(Updates.class)
    @DisplayName("a listener that wants no events hears every epoch's number and loss, and is asked after every epoch and, online, every row but the last")
    void onEpochDoneHearsEveryEpoch(Updates updates) {
        TrainingConfig config = TrainingConfig.tutorial().withUpdates(updates).withEpochs(5).withInitialWeights(0.1);
        StopAt never = new StopAt(0);
        TrainingResult result = Trainer.train(backend(), Datasets.studyHours(), config, never);
        assertThat(never.epochs).containsExactly(0, 1, 2, 3, 4);
        assertThat(never.losses).containsExactly(result.lossHistory()[0], result.lossHistory()[1],
                result.lossHistory()[2], result.lossHistory()[3], result.lossHistory()[4]);
        // online: after rows 1, 2 and 3 of 4, then after the epoch (after the last row, the epoch's question is enough)
        assertThat(never.asked).isEqualTo(updates == Updates.ONLINE ? 5 * 4 : 5);
        TrainingResult silent = train(Datasets.studyHours(), config);
        assertThat(result.weights()).isEqualTo(silent.weights());
        assertThat(result.bias()).isEqualTo(silent.bias());
    }

    @ParameterizedTest
    @EnumSource(Updates.class)
    @DisplayName("a listener that says stop after epoch 3 ends training there, with no model, how far it got and the loss then")
    void stopsAfterTheEpochItIsAskedIn(Updates updates) {
        TrainingConfig config = TrainingConfig.tutorial().withUpdates(updates).withEpochs(1000).withInitialWeights(0.1);
        TrainingResult full = train(Datasets.studyHours(), config.withEpochs(5));
        int questionsPerEpoch = updates == Updates.ONLINE ? 4 : 1;
        StopAt listener = new StopAt(3 * questionsPerEpoch);
        TrainingStoppedException stopped = catchThrowableOfType(
                TrainingStoppedException.class, () -> Trainer.train(backend(), Datasets.studyHours(), config, listener));
        assertThat(stopped).as("stopped").isNotNull();
        assertThat(stopped.epochsDone()).isEqualTo(3);
        assertThat(stopped.epochs()).isEqualTo(1000);
        assertThat(stopped.loss()).isEqualTo(full.lossHistory()[2]);
        assertThat(stopped).hasMessage("training stopped after 3 of 1000 epochs");
        assertThat(listener.epochs).containsExactly(0, 1, 2);
    }

    @Test
    @DisplayName("online, a stop asked for after a row ends training after that row, inside the epoch")
    void onlineStopsAfterARow() {
        TrainingConfig config = TrainingConfig.tutorial().withEpochs(1000).withInitialWeights(0.1);
        TrainingResult full = train(Datasets.studyHours(), config.withEpochs(5));
        // 4 questions per epoch: the 12th ends epoch 2; the 14th comes after the second row of epoch 3
        StopAt listener = new StopAt(14);
        TrainingStoppedException stopped = catchThrowableOfType(
                TrainingStoppedException.class, () -> Trainer.train(backend(), Datasets.studyHours(), config, listener));
        assertThat(stopped).as("stopped").isNotNull();
        assertThat(stopped.epochsDone()).isEqualTo(3);
        assertThat(stopped.loss()).isEqualTo(full.lossHistory()[2]);
        assertThat(listener.epochs).containsExactly(0, 1, 2);
        assertThat(listener.asked).isEqualTo(14);
        // inside the first epoch: no epoch complete, no loss yet
        StopAt first = new StopAt(1);
        stopped = catchThrowableOfType(TrainingStoppedException.class,
                () -> Trainer.train(backend(), Datasets.studyHours(), config, first));
        assertThat(stopped.epochsDone()).isZero();
        assertThat(stopped.loss()).isNaN();
        assertThat(first.epochs).isEmpty();
    }

    @Test
    @DisplayName("Trainer.onlineEpoch, as the benchmarks call it, is the loop's first online epoch")
    void onlineEpochAloneIsTheFirstEpochOfTraining() {
        Dataset data = Datasets.studyHours();
        TrainingConfig config = TrainingConfig.tutorial().withEpochs(1).withInitialWeights(0.1);
        TrainingResult one = train(data, config);
        try (Workspace ws = backend().open(data)) {
            ws.setParameters(new double[] {0.1}, 0);
            assertThat(Trainer.onlineEpoch(ws, data, config)).isEqualTo(one.lossHistory()[0])
                    .isCloseTo(RUN1_LOSS_EPOCH_0, EXACT);
            assertThat(ws.read(Buffer.WEIGHTS)).isEqualTo(one.weights());
        }
    }

    @Test
    @DisplayName("ForwardBackward.at with w and b is ForwardBackward.at with the Model they make")
    void forwardBackwardWithWeightsAndBiasIsTheSameWithTheModel() {
        ForwardBackward a = ForwardBackward.at(backend(), Datasets.studySleep(), new double[] {0.1, -0.2}, 0.3, Loss.SQUARED_ERROR);
        ForwardBackward b = ForwardBackward.at(backend(), Datasets.studySleep(), new Model(new double[] {0.1, -0.2}, 0.3), Loss.SQUARED_ERROR);
        assertThat(a.model()).isEqualTo(b.model());
        assertThat(a.z()).isEqualTo(b.z());
        assertThat(a.gradient()).isEqualTo(b.gradient());
        assertThat(a.loss()).isEqualTo(b.loss());
    }

    @Test
    @DisplayName("training is deterministic: same inputs, same bits")
    void deterministic() {
        TrainingConfig config = TrainingConfig.tutorial().withUpdates(Updates.BATCH).withInitialWeights(0.3, -0.2);
        TrainingResult a = train(Datasets.studySleep(), config);
        TrainingResult b = train(Datasets.studySleep(), config);
        assertThat(a.weights()).isEqualTo(b.weights());
        assertThat(a.lossHistory()).isEqualTo(b.lossHistory());
    }

    // ---- Gradients ----

    @ParameterizedTest
    @EnumSource(Loss.class)
    @DisplayName("the gradient Xᵀδ/n and Σδ/n agree with centred finite differences (relative error < 1e-6)")
    void gradientMatchesFiniteDifferences(Loss loss) {
        Random random = new Random(20260520L + loss.ordinal());
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + random.nextInt(9);
            int d = 1 + random.nextInt(4);
            Dataset data = randomRows(random, "random " + trial, n, d);
            double[] w = random.doubles(d, -1, 1).toArray();
            double b = random.nextDouble() * 2 - 1;
            try (Workspace ws = backend().open(data)) {
                ws.setParameters(w, b);
                ws.forward();
                ws.sigmoid();
                ws.delta(loss);
                ws.gradient();
                double[] analytic = ws.read(Buffer.GRADIENT);
                double analyticBias = ws.biasGradient();

                double h = 1e-6;
                for (int j = 0; j < d; j++) {
                    double[] plus = w.clone();
                    double[] minus = w.clone();
                    plus[j] += h;
                    minus[j] -= h;
                    double numeric = (lossAt(ws, loss, plus, b) - lossAt(ws, loss, minus, b)) / (2 * h);
                    assertThat(relativeError(analytic[j], numeric)).as("∂L/∂w%d, trial %d", j, trial).isLessThan(1e-6);
                }
                double numericBias = (lossAt(ws, loss, w, b + h) - lossAt(ws, loss, w, b - h)) / (2 * h);
                assertThat(relativeError(analyticBias, numericBias)).as("∂L/∂b, trial %d", trial).isLessThan(1e-6);
            }
        }
    }

    private static double lossAt(Workspace ws, Loss loss, double[] w, double b) {
        ws.setParameters(w, b);
        ws.forward();
        ws.sigmoid();
        return ws.loss(loss);
    }

    private static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.abs(a) + Math.abs(b), 1e-8);
    }

    @Test
    @DisplayName("the tutorial's update Σ(p − y)·x is the cross-entropy gradient, not the squared-error one")
    void tutorialUpdateIsTheCrossEntropyGradient() {
        Dataset data = Datasets.studyHours();
        int n = data.rows();
        // The tutorial's rule, as it writes it: error = p − y; step w by error·x and b by error.
        double stepW = 0;
        double stepB = 0;
        for (int i = 0; i < n; i++) {
            double p = 1 / (1 + Math.exp(-(data.x(i, 0) * 0.1 + 0)));
            stepW += (p - data.y(i)) * data.x(i, 0);
            stepB += p - data.y(i);
        }
        assertThat(stepW).isCloseTo(TUTORIAL_STEP_W, EXACT);
        assertThat(stepB).isCloseTo(TUTORIAL_STEP_B, EXACT);

        double[][] crossEntropy = meanGradient(data, Loss.CROSS_ENTROPY);
        double[][] squaredError = meanGradient(data, Loss.SQUARED_ERROR);
        // The backends' gradients are means; times n they are sums, like the tutorial's step.
        assertThat(n * crossEntropy[0][0]).isCloseTo(TUTORIAL_STEP_W, EXACT);
        assertThat(n * crossEntropy[1][0]).isCloseTo(TUTORIAL_STEP_B, EXACT);
        assertThat(n * squaredError[0][0]).isCloseTo(SQUARED_ERROR_GRADIENT_W, EXACT);
        assertThat(n * squaredError[1][0]).isCloseTo(SQUARED_ERROR_GRADIENT_B, EXACT);
        assertThat(Math.abs(n * squaredError[0][0] - TUTORIAL_STEP_W)).isGreaterThan(0.6);
    }

    /** {g, {g_b}} at the tutorial's starting point w = 0.1, b = 0. */
    private double[][] meanGradient(Dataset data, Loss loss) {
        try (Workspace ws = backend().open(data)) {
            ws.setParameters(new double[] {0.1}, 0);
            ws.forward();
            ws.sigmoid();
            ws.delta(loss);
            ws.gradient();
            return new double[][] {ws.read(Buffer.GRADIENT), {ws.biasGradient()}};
        }
    }

    // ---- ForwardBackward and Forward, the teaching API ----

    /** The tutorial's starting neuron on study-hours: w = 0.1, b = 0. */
    private static final Model TUTORIAL_START = new Model(new double[] {0.1}, 0);

    @Test
    @DisplayName("ForwardBackward at the tutorial's start: the summed cross-entropy gradient is the tutorial's step (−1.257274627, 0.2479433617)")
    void summedCrossEntropyGradientIsTheTutorialsStep() {
        Dataset data = Datasets.studyHours();
        ForwardBackward pass = ForwardBackward.at(backend(), data, TUTORIAL_START, Loss.CROSS_ENTROPY);
        assertThat(pass.summedGradient()).hasSize(1);
        assertThat(pass.summedGradient()[0]).isCloseTo(TUTORIAL_STEP_W, EXACT);
        assertThat(pass.summedBiasGradient()).isCloseTo(TUTORIAL_STEP_B, EXACT);
        double[] step = ForwardBackward.tutorialStep(data, pass.p());
        assertThat(pass.summedGradientWithBias()).containsExactly(pass.summedGradient()[0], pass.summedBiasGradient());
        assertThat(pass.gradientWithBias()).containsExactly(pass.gradient()[0], pass.biasGradient());
        assertThat(step).hasSize(2);
        assertThat(step[0]).isCloseTo(TUTORIAL_STEP_W, EXACT);
        assertThat(step[1]).isCloseTo(TUTORIAL_STEP_B, EXACT);
    }

    @Test
    @DisplayName("ForwardBackward at the tutorial's start: the summed squared-error gradient is (−0.5893366314, 0.1331191832)")
    void summedSquaredErrorGradient() {
        ForwardBackward pass = ForwardBackward.at(backend(), Datasets.studyHours(), TUTORIAL_START, Loss.SQUARED_ERROR);
        assertThat(pass.summedGradient()[0]).isCloseTo(SQUARED_ERROR_GRADIENT_W, EXACT);
        assertThat(pass.summedBiasGradient()).isCloseTo(SQUARED_ERROR_GRADIENT_B, EXACT);
        // The tutorial's step is not this gradient: it leaves out the factor 2·p·(1 − p).
        assertThat(Math.abs(pass.summedGradient()[0] - TUTORIAL_STEP_W)).isGreaterThan(0.6);
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    @DisplayName("ForwardBackward gives the same z, p, loss, δ, g and g_b as the Trainer's first batch epoch, to the bit")
    void forwardBackwardIsTheFirstBatchEpoch(Loss loss) {
        Dataset data = Datasets.studyHours();
        List<EpochEvent> epochs = new ArrayList<>();
        Trainer.train(backend(), data, TrainingConfig.tutorial().withInitialWeights(0.1).withUpdates(Updates.BATCH)
                .withLoss(loss).withEpochs(1), new TrainingListener() {
                    @Override
                    public void onEpoch(EpochEvent epoch) {
                        epochs.add(epoch);
                    }
                });
        EpochEvent first = epochs.get(0);
        ForwardBackward pass = ForwardBackward.at(backend(), data, TUTORIAL_START, loss);
        assertThat(pass.model().weights()).containsExactly(first.weightsBefore());
        assertThat(pass.model().bias()).isEqualTo(first.biasBefore());
        assertThat(pass.z()).containsExactly(first.z());
        assertThat(pass.p()).containsExactly(first.p());
        assertThat(pass.loss()).isEqualTo(first.loss());
        assertThat(pass.delta()).containsExactly(first.delta());
        assertThat(pass.gradient()).containsExactly(first.gradient());
        assertThat(pass.biasGradient()).isEqualTo(first.biasGradient());
        // and the tutorial's start itself: z = 0.1·hours, p = σ(z), as page 1 prints them
        assertThat(pass.z()[0]).isCloseTo(0.1, EXACT);
        assertThat(pass.p()[3]).isCloseTo(0.598687660112452, EXACT);
    }

    @Test
    @DisplayName("Forward on inputs without labels: page 2's raw scores (w = 0.5, b = −1: 0 at 2 hours, −1 at 0 hours)")
    void forwardGivesPageTwosRawScores() {
        Forward forward = Forward.at(backend(), new double[][] {{2}, {0}}, new Model(new double[] {0.5}, -1));
        assertThat(forward.z()).containsExactly(0, -1);
        assertThat(forward.p()[0]).isEqualTo(0.5);
        assertThat(forward.p()[1]).isCloseTo(1 / (1 + Math.exp(1)), EXACT);
    }

    @Test
    @DisplayName("Forward gives the z and p of ForwardBackward, to the bit, with or without the labels")
    void forwardIsTheFirstTwoStepsOfForwardBackward() {
        Dataset data = Datasets.studySleep();
        Model model = new Model(new double[] {0.3, -0.2}, 0.1);
        ForwardBackward pass = ForwardBackward.at(backend(), data, model, Loss.CROSS_ENTROPY);
        double[][] inputs = IntStream.range(0, data.rows()).mapToObj(data::row).toArray(double[][]::new);
        for (Forward forward : List.of(Forward.at(backend(), data, model), Forward.at(backend(), inputs, model))) {
            assertThat(forward.z()).containsExactly(pass.z());
            assertThat(forward.p()).containsExactly(pass.p());
        }
    }

    @Test
    @DisplayName("Forward with a row of the wrong length says how many values to give")
    void forwardRejectsARowOfTheWrongLength() {
        assertThatThrownBy(() -> Forward.at(backend(), new double[][] {{2, 3}}, new Model(new double[] {0.5}, -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an input row has 2 values but the neuron has 1 weight: give one value per weight");
    }

    // ---- Numerical edges ----

    @Test
    @DisplayName("z = ±1e308 and p rounding to exactly 0 or 1 keep every loss finite")
    void extremeScoresStayFinite() {
        Dataset data = Dataset.of("extremes", List.of("x"), new double[][] {{1e308}, {-1e308}, {800}, {-800}},
                new double[] {1, 0, 0, 1});
        try (Workspace ws = backend().open(data)) {
            ws.setParameters(new double[] {1}, 0);
            ws.forward();
            ws.sigmoid();
            assertThat(ws.read(Buffer.P)).containsExactly(1, 0, 1, 0);
            for (Loss loss : Loss.values()) {
                assertThat(ws.loss(loss)).as("%s", loss).isFinite();
                ws.delta(loss);
                assertThat(java.util.Arrays.stream(ws.read(Buffer.DELTA))).as("δ for %s", loss).allMatch(Double::isFinite);
            }
            // Cross-entropy: 0 for the two confidently right rows, 800 for each confidently wrong one.
            assertThat(ws.loss(Loss.CROSS_ENTROPY)).isCloseTo(400, EXACT);
        }
    }

    // ---- Errors ----

    @Test
    @DisplayName("initial weights of the wrong length are refused, naming both lengths")
    void wrongWeightLength() {
        assertThatThrownBy(() -> train(Datasets.studyHours(), TrainingConfig.tutorial().withInitialWeights(0.1, 0.2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 values")
                .hasMessageContaining("1 features");
    }

    @Test
    @DisplayName("a learning rate that blows up stops training with an error naming the epoch")
    void divergence() {
        assertThatThrownBy(() -> train(Datasets.studyHours(),
                TrainingConfig.tutorial().withUpdates(Updates.BATCH).withLearningRate(1e308)))
                .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
                    // epoch 0, from w = b = 0: g = (0.5·1 + 0.5·2 − 0.5·3 − 0.5·4) / 4 = −0.5 and Σδ = 0,
                    // so w = 0.5·1e308 = 5e307 and b = 0; epoch 1: z = 5e307·4 = 2e308 is past the
                    // largest double, and the loss of that row is infinite
                    assertThat(e.epoch()).isEqualTo(1);
                    assertThat(e).hasMessageContaining("epoch " + e.epoch())
                            .hasMessageContaining("smaller learning rate");
                });
    }

    @Test
    @DisplayName("online, a raw score past the largest double stops training at that row, named from 1")
    void onlineOverflowNamesTheRow() {
        // row 0 (x = 1): z = 10, then w = 10 − 0.1·σ(10)·1 = 9.9000045; row 1: z = 2e307·9.9 = 1.98e308 > 1.8e308
        Dataset data = Dataset.of("huge", List.of("x"), new double[][] {{1}, {2e307}}, new double[] {0, 1});
        TrainingConfig config = TrainingConfig.tutorial().withInitialWeights(10);
        TrainingDivergedException e = catchThrowableOfType(TrainingDivergedException.class,
                () -> train(data, config));
        assertThat(e).as("diverged").isNotNull();
        assertThat(e.epoch()).isZero();
        assertThat(e.row()).isEqualTo(1);
        assertThat(e.learningRate()).isEqualTo(0.1);
        assertThat(e).hasMessage("training diverged at epoch 0: the raw score z = x·w + b of row 2 became Infinity"
                + " (beyond the largest double, 1.8e308; inputs this large want standardising) with learning rate 0.1;"
                + " the steps are too large, try a smaller learning rate such as 0.01");
        assertThat(e.describe(i -> "student " + i)).isEqualTo("training diverged at epoch 0: the raw score"
                + " z = x·w + b of student 1 became Infinity (beyond the largest double, 1.8e308; inputs this large"
                + " want standardising) with learning rate 0.1");
        // the first row overflowing is "row 1"
        Dataset first = Dataset.of("huge first", List.of("x"), new double[][] {{2e307}, {1}}, new double[] {1, 0});
        TrainingDivergedException atFirst = catchThrowableOfType(TrainingDivergedException.class,
                () -> train(first, config));
        assertThat(atFirst.row()).isZero();
        assertThat(atFirst).hasMessageContaining(" of row 1 became Infinity");
        // batch: the first forward pass already gives z = 2e308 for row 1, so epoch 0's loss is not finite
        TrainingDivergedException batch = catchThrowableOfType(TrainingDivergedException.class,
                () -> train(data, config.withUpdates(Updates.BATCH)));
        assertThat(batch.epoch()).isZero();
        assertThat(batch.row()).isEqualTo(-1);
        assertThat(batch).hasMessageStartingWith("training diverged at epoch 0: the loss became ");
    }

    // ---- The epoch method: the six steps, or a fused equivalent ----

    @ParameterizedTest
    @EnumSource(Loss.class)
    @DisplayName("Workspace.epoch leaves the same w, b, loss, z, p, δ, g and g_b as the six steps called one by one (1e-12 relative)")
    void epochMatchesTheSixSteps(Loss loss) {
        Random random = new Random(20261202L + loss.ordinal());
        List<Dataset> cases = new ArrayList<>(List.of(Datasets.studyHours(), Datasets.studySleep()));
        int[][] shapes = {{1, 1}, {7, 3}, {1000, 2}, {2500, 17}, {10_000, 64}};
        for (int[] shape : shapes) {
            int n = shape[0];
            int d = shape[1];
            cases.add(randomRows(random, "random " + n + "x" + d, n, d));
        }
        for (Dataset data : cases) {
            double[] w0 = random.doubles(data.features(), -1, 1).toArray();
            double b0 = random.nextDouble() * 2 - 1;
            double lr = data.rows() <= 4 ? 0.1 : 0.5;
            try (Workspace stepwise = backend().open(data); Workspace fused = backend().open(data)) {
                stepwise.setParameters(w0, b0);
                fused.setParameters(w0, b0);
                for (int epoch = 0; epoch < 3; epoch++) {
                    stepwise.forward();
                    stepwise.sigmoid();
                    double expectedLoss = stepwise.loss(loss);
                    stepwise.delta(loss);
                    stepwise.gradient();
                    stepwise.update(lr);
                    double actualLoss = fused.epoch(loss, lr);
                    String what = data.name() + ", " + loss + ", epoch " + epoch;
                    assertRelativelyClose(what + ": loss", new double[] {actualLoss}, new double[] {expectedLoss});
                    assertRelativelyClose(what + ": b", new double[] {fused.bias()}, new double[] {stepwise.bias()});
                    assertRelativelyClose(what + ": g_b", new double[] {fused.biasGradient()},
                            new double[] {stepwise.biasGradient()});
                    for (Buffer buffer : Buffer.values()) {
                        assertRelativelyClose(what + ": " + buffer, fused.read(buffer), stepwise.read(buffer));
                    }
                }
            }
        }
    }

    /** Each value within 1e-12 of the expected one, relative to the larger of the two. */
    private static void assertRelativelyClose(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(Math.abs(actual[i]), Math.abs(expected[i]));
            assertThat(Math.abs(actual[i] - expected[i])).as("%s[%d]: %s vs %s", what, i, actual[i], expected[i])
                    .isLessThanOrEqualTo(1e-12 * scale);
        }
    }

    /** n rows of d inputs drawn as 2·N(0, 1), each labelled 0 or 1 by a coin, from {@code random}. */
    private static Dataset randomRows(Random random, String name, int n, int d) {
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = 2 * random.nextGaussian();
            }
            y[i] = random.nextBoolean() ? 1 : 0;
        }
        return Dataset.of(name, IntStream.range(0, d).mapToObj(j -> "x" + j).toList(), x, y);
    }
}
