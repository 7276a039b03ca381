package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The diagnoses of a finished run, on the runs a learner meets: the tutorial's (healthy), the
 * README's "break it" run and learning rate 50 with squared error (saturated), an overshooting
 * batch rate, and a rate too small to finish. Core has no backend, so the runs come from the
 * scalar loop below, written from the definitions in the README independently of {@link Trainer}
 * (it reproduces the tutorial's w to the last bit; the CLI's tests check the same diagnoses through
 * the real Trainer and the plain backend).
 */
class DiagnosisTest {

    /** 1000 epochs from b = 0 and w0 (zeros when empty): z, p = σ(z), ℓ, δ, then the update, per row or per epoch. */
    private static TrainingResult train(String name, Loss loss, Updates updates, double lr, double... w0) {
        Dataset data = Datasets.named(name);
        int n = data.rows();
        int m = data.features();
        double[] w = w0.length == 0 ? new double[m] : w0.clone();
        double b = 0;
        double[] history = new double[1000];
        for (int epoch = 0; epoch < history.length; epoch++) {
            double[] g = new double[m];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double z = b;
                for (int j = 0; j < m; j++) {
                    z += data.x(i, j) * w[j];
                }
                double p = 1 / (1 + Math.exp(-z));
                double y = data.y(i);
                history[epoch] += loss.of(z, p, y) / n;
                double delta = loss == Loss.CROSS_ENTROPY ? p - y : 2 * (p - y) * p * (1 - p);
                for (int j = 0; j < m; j++) {
                    if (updates == Updates.ONLINE) {
                        w[j] -= lr * delta * data.x(i, j);
                    } else {
                        g[j] += delta * data.x(i, j) / n;
                    }
                }
                if (updates == Updates.ONLINE) {
                    b -= lr * delta;
                } else {
                    gb += delta / n;
                }
            }
            for (int j = 0; j < m && updates == Updates.BATCH; j++) {
                w[j] -= lr * g[j];
            }
            b -= updates == Updates.BATCH ? lr * gb : 0;
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double z = b;
            for (int j = 0; j < m; j++) {
                z += data.x(i, j) * w[j];
            }
            p[i] = 1 / (1 + Math.exp(-z));
        }
        return new TrainingResult("scalar", data, new TrainingConfig(loss, updates, lr, 1000, null, 0), w, b, history,
                Double.NaN, p);
    }

    @Test
    void theTutorialsRunIsHealthy() {
        TrainingResult tutorial = train("study-hours", Loss.CROSS_ENTROPY, Updates.ONLINE, 0.1, 0.1);
        assertThat(tutorial.weights()[0]).isEqualTo(TutorialFacts.RUN1_W);
        assertThat(tutorial.diagnoses()).isEmpty();
        // page 6's online run rises once, right after epoch 0: still "a few"
        assertThat(train("study-sleep", Loss.CROSS_ENTROPY, Updates.ONLINE, 0.1, 0.1, 0.1).diagnoses()).isEmpty();
    }

    @Test
    void theReadmesBreakItRunSaturatesTheTwoFailRows() {
        TrainingResult broken = train("study-hours", Loss.SQUARED_ERROR, Updates.BATCH, 1000);
        assertThat(broken.diagnoses()).singleElement().asInstanceOf(type(Diagnosis.Saturation.class))
                .extracting(Diagnosis.Saturation::rows, list(Diagnosis.Saturation.Row.class)).hasSize(2);
        Diagnosis.Saturation saturation = (Diagnosis.Saturation) broken.diagnoses().get(0);
        assertThat(saturation.rows()).extracting(Diagnosis.Saturation.Row::index).containsExactly(0, 1);
        for (Diagnosis.Saturation.Row row : saturation.rows()) {
            assertThat(row.y()).isEqualTo(0);
            assertThat(row.p()).isEqualTo(1.0);   // w = 250: z ≥ 250·1 − …, σ rounds to exactly 1
            assertThat(row.delta()).isEqualTo(0.0); // 2(1 − 0)·1·(1 − 1)
        }
        assertThat(broken.lossHistory()[999]).isEqualTo(0.5);
    }

    @Test
    void learningRate50WithSquaredErrorSaturatesTheTwoPassRows() {
        TrainingResult broken = train("study-hours", Loss.SQUARED_ERROR, Updates.ONLINE, 50);
        Diagnosis.Saturation saturation = (Diagnosis.Saturation) broken.diagnoses().get(0);
        assertThat(saturation.rows()).extracting(Diagnosis.Saturation.Row::index).containsExactly(2, 3);
        assertThat(saturation.rows().get(0).p()).isLessThan(Diagnosis.SATURATED);
        // δ = 2(p − 1)·p(1 − p) ≈ −2p: about 1e-22, the weights cannot move
        assertThat(Math.abs(saturation.rows().get(0).delta())).isLessThan(1e-21);
        assertThat(broken.diagnoses()).hasSize(1);
    }

    @Test
    void theNumPyTabsBatchRateOvershoots() {
        TrainingResult run = train("study-sleep", Loss.CROSS_ENTROPY, Updates.BATCH, 0.4);
        Diagnosis.Overshoot overshoot = (Diagnosis.Overshoot) run.diagnoses().get(0);
        double[] h = run.lossHistory();
        assertThat(overshoot.firstRise()).isEqualTo(1);
        assertThat(overshoot.before()).isEqualTo(h[0]).isEqualTo(Math.log(2)); // w = 0, b = 0: every p = 0.5
        assertThat(overshoot.after()).isEqualTo(h[1]).isGreaterThan(h[0]);
        assertThat(overshoot.rises()).isEqualTo(36);
        assertThat(overshoot.highest()).isEqualTo(h[overshoot.highestEpoch()]).isGreaterThan(2.9);
        assertThat(overshoot.epochs()).isEqualTo(1000);
    }

    @Test
    void twoRisesAreStillAFewThreeAreNot() {
        assertThat(Diagnosis.of(withHistory(1, 2, 1, 2, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5))).isEmpty();
        assertThat(Diagnosis.of(withHistory(1, 2, 1, 2, 1, 2, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5)))
                .singleElement().isEqualTo(new Diagnosis.Overshoot(3, 12, 1, 1, 2, 1, 2, 1));
    }

    @Test
    void oneRiseToTwiceTheStartIsStillAllowedMoreIsNot() {
        assertThat(Diagnosis.of(withHistory(1, 2, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5))).isEmpty();
        assertThat(Diagnosis.of(withHistory(1, 2.01, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5)))
                .singleElement().isEqualTo(new Diagnosis.Overshoot(1, 12, 1, 1, 2.01, 1, 2.01, 1));
    }

    @Test
    void onlineLearningRate5OnStudyHoursRisesOnceButFourfold() {
        TrainingResult run = train("study-hours", Loss.CROSS_ENTROPY, Updates.ONLINE, 5);
        Diagnosis.Overshoot overshoot = (Diagnosis.Overshoot) run.diagnoses().get(0);
        assertThat(overshoot.rises()).isEqualTo(1);
        assertThat(overshoot.highest() / overshoot.start()).isBetween(3.96, 3.97);
        // learning rates 0.5 and 1 rise once too, to 1.13 and 1.74 times the start: healthy
        assertThat(train("study-hours", Loss.CROSS_ENTROPY, Updates.ONLINE, 0.5).diagnoses()).isEmpty();
        assertThat(train("study-hours", Loss.CROSS_ENTROPY, Updates.ONLINE, 1).diagnoses()).isEmpty();
    }

    @Test
    void learningRate001IsStillFallingAtTheEnd() {
        TrainingResult slow = train("study-hours", Loss.CROSS_ENTROPY, Updates.ONLINE, 0.01);
        Diagnosis.NotConverged still = (Diagnosis.NotConverged) slow.diagnoses().get(0);
        double[] h = slow.lossHistory();
        assertThat(still.fromEpoch()).isEqualTo(899);
        assertThat(still.toEpoch()).isEqualTo(999);
        assertThat(still.from()).isEqualTo(h[899]);
        assertThat(still.to()).isEqualTo(h[999]);
        assertThat(still.share()).isEqualTo((h[899] - h[999]) / (h[0] - h[999])).isBetween(0.03, 0.032);
        assertThat(slow.diagnoses()).hasSize(1);
    }

    @Test
    void aFallOfExactlyOnePercentIsConverged() {
        // 11 epochs: the last tenth is the last 2 (ceil 1.1); whole fall 100, last fall 1
        assertThat(Diagnosis.of(withHistory(101, 50, 40, 30, 20, 10, 5, 3, 2, 2, 1))).isEmpty();
        assertThat(Diagnosis.of(withHistory(101, 50, 40, 30, 20, 10, 5, 3, 2.01, 2, 1)))
                .singleElement().isInstanceOf(Diagnosis.NotConverged.class);
    }

    @Test
    void theHighestLossIsItsFirstEpoch() {
        // 3 at epochs 1 and 3, three times the start: the highest is the first of the two
        assertThat(Diagnosis.of(withHistory(1, 3, 0.5, 3, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5)))
                .singleElement().isEqualTo(new Diagnosis.Overshoot(2, 12, 1, 1, 3, 1, 3, 1));
    }

    @Test
    void twoEpochsThatFallAreStillFalling() {
        // the last tenth of 2 epochs is the last 1: from epoch 0 to 1, the whole fall
        assertThat(Diagnosis.of(withHistory(2, 1))).singleElement()
                .isEqualTo(new Diagnosis.NotConverged(0, 2, 1, 1, 1.0));
        assertThat(Diagnosis.of(withHistory(2))).isEmpty();
    }

    @Test
    void aLossThatEndsWhereItStartedIsNotStillFalling() {
        // it fell at the end, but not below the start: no fall overall to be a share of
        assertThat(Diagnosis.of(withHistory(1, 1.5, 1))).isEmpty();
    }

    @Test
    void aProbabilityOfExactlyOneInAMillionOnTheWrongSideIsSaturated() {
        double[] p = {1 - Diagnosis.SATURATED, Math.nextDown(1 - Diagnosis.SATURATED), Diagnosis.SATURATED,
            Math.nextUp(Diagnosis.SATURATED)};
        // labels 0, 0, 1, 1: rows 0 and 2 are exactly at the edge, rows 1 and 3 one step inside
        Diagnosis.Saturation saturation = (Diagnosis.Saturation) Diagnosis.of(withProbabilities(p)).get(0);
        assertThat(saturation.rows()).extracting(Diagnosis.Saturation.Row::index).containsExactly(0, 2);
    }

    /** A result with this loss history and nothing saturated. */
    private static TrainingResult withHistory(double... history) {
        return result(history, new double[] {0.1, 0.2, 0.8, 0.9});
    }

    /** A result of study-hours with these final probabilities and a healthy loss history. */
    private static TrainingResult withProbabilities(double... p) {
        return result(new double[] {1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, p);
    }

    private static TrainingResult result(double[] history, double[] p) {
        Dataset data = Datasets.named("study-hours");
        return new TrainingResult("plain", data, new TrainingConfig(Loss.CROSS_ENTROPY, Updates.ONLINE, 0.1,
                history.length, null, 0), new double[] {1}, 0, history, history[history.length - 1], p);
    }
}
