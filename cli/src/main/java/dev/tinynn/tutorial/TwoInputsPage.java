package dev.tinynn.tutorial;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.tutorial.TutorialLoss;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.Pass;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.Updates;

/**
 * Page 6: two inputs. The tutorial's two tabs (online and batch) side by side, why their numbers
 * differ, and why w1 and w2 take opposite signs on collinear data.
 */
final class TwoInputsPage implements Page {
    /** The NumPy tab steps lr·Σ with lr 0.1; our batch step is lr·Σ/n, so the same step needs lr 0.1·n. */
    static final double NUMPY_LEARNING_RATE = 0.1;
    /** A start moved along (1, −1, 4): neither w1 + w2 nor 4·w2 + b changes. */
    static final double SHIFT = 1;

    @Override
    public String title() {
        return "Two inputs";
    }

    @Override
    public void show(Lesson lesson) {
        Dataset data = Datasets.studySleep();
        lesson.say("""
                Now two inputs, hours of study and hours of sleep, each with its own weight:
                raw = study·w1 + sleep·w2 + b  (dataset study-sleep).

                  study ──×w1──┐
                               ├──▶ (Σ + b) ──σ──▶ p
                  sleep ──×w2──┘""");
        lesson.line("    study  sleep  passed");
        for (int i = 0; i < data.rows(); i++) {
            lesson.line("    %5s  %5s  %6s", num(data.x(i, 0)), num(data.x(i, 1)), num(data.y(i)));
        }
        lesson.blank();

        int n = data.rows();
        double batchRate = NUMPY_LEARNING_RATE * n;
        TrainingConfig onlineConfig = Lesson.tutorialRun(2);
        TrainingConfig batchConfig = onlineConfig.withUpdates(Updates.BATCH).withLearningRate(batchRate);
        TutorialLoss onlineLoss = new TutorialLoss(data, onlineConfig.epochs());
        TutorialLoss batchLoss = new TutorialLoss(data, batchConfig.epochs());
        TrainingResult online = lesson.train(data, onlineConfig, onlineLoss);
        TrainingResult batch = lesson.train(data, batchConfig, batchLoss);

        lesson.say("""
                The tutorial trains this twice, from w1 = w2 = 0.1, b = 0, 1000 epochs, and the two tabs do
                different things. The pure-Python tab steps after every row (online). The NumPy tab sums the
                error over all rows and steps once per epoch (batch): w −= lr·Xᵀ(p − y), b −= lr·Σ(p − y).""");
        lesson.line("                            online (pure-Python tab)   batch (NumPy tab)");
        lesson.line("    steps                   %-26s %s", n + " per epoch, " + n * onlineConfig.epochs(),
                "1 per epoch, " + batchConfig.epochs());
        row(lesson, "w1", online.weights()[0], batch.weights()[0]);
        row(lesson, "w2", online.weights()[1], batch.weights()[1]);
        row(lesson, "b", online.bias(), batch.bias());
        double[] onlineTotal = onlineLoss.perEpoch();
        double[] batchTotal = batchLoss.perEpoch();
        for (int epoch : new int[] {0, 1, 2, onlineTotal.length - 1}) {
            row(lesson, (epoch == 0 ? "Σ(y − p)², epoch " : "           epoch ") + epoch, onlineTotal[epoch],
                    batchTotal[epoch]);
        }
        lesson.blank();
        lesson.warnings(online);
        lesson.warnings(batch);
        lesson.say("""
                Why the numbers differ: they are two algorithms. Online makes 4 small steps an epoch, each
                from the weights the row before left behind; batch makes one step an epoch, from all rows
                at the epoch's starting weights. They take different paths and stop at different places
                after 1000 epochs. Both losses rise at first: the sleep inputs (5 to 8 hours) are large, so
                the first steps are large and overshoot. Batch, stepping from all rows at once, swings from
                calling everyone Pass to calling everyone Fail and back before it settles.""");

        Model start = new Model(onlineConfig.initialWeights(), onlineConfig.initialBias());
        double[] sum = Pass.at(lesson.backend, data, start, Loss.CROSS_ENTROPY).summedGradient();
        TrainingResult oneStep = lesson.train(data, batchConfig.withEpochs(1));
        lesson.wrap("", "tinynn's batch step uses the MEAN, lr·Σ/" + n + ", so the tab's lr " + num(NUMPY_LEARNING_RATE)
                + " is lr " + num(batchRate) + " here. The first step both ways: the tab's w1 = " + num(start.weights()[0])
                + " − " + num(NUMPY_LEARNING_RATE) + "·(" + num(sum[0]) + ") = "
                + num(start.weights()[0] - NUMPY_LEARNING_RATE * sum[0]) + "; tinynn with lr " + num(batchRate)
                + ": w1 = " + num(oneStep.weights()[0]) + ".");
        lesson.blank();

        collinear(lesson, data, online, batch, onlineConfig);
    }

    /** sleep = study + 4: only w1 + w2 and 4·w2 + b are pinned down. */
    private static void collinear(Lesson lesson, Dataset data, TrainingResult online, TrainingResult batch,
            TrainingConfig onlineConfig) {
        double[] w0 = onlineConfig.initialWeights();
        TrainingConfig shiftedConfig = onlineConfig.withInitialWeights(w0[0] + SHIFT, w0[1] - SHIFT)
                .withInitialBias(onlineConfig.initialBias() + 4 * SHIFT);
        TrainingResult shifted = lesson.train(data, shiftedConfig);
        lesson.say("""
                Why does w2 come out negative, as if sleep hurt? Look at the data: sleep = study + 4 in every
                row. So  z = w1·study + w2·(study + 4) + b = (w1 + w2)·study + (4·w2 + b).  The data pins down
                only those two combinations, not w1 and w2 one by one. A third run shows it: start online
                from w1 = 1.1, w2 = -0.9, b = 4 (moved by (1, −1, 4), which changes neither combination):""");
        lesson.line("    %-21s %-13s %-13s %-13s %-13s %s", "run, from w1, w2, b", "w1", "w2", "b", "w1 + w2",
                "4·w2 + b");
        combination(lesson, "online, 0.1, 0.1, 0", online);
        combination(lesson, "online, 1.1, -0.9, 4", shifted);
        combination(lesson, "batch, 0.1, 0.1, 0", batch);
        lesson.blank();
        StringBuilder same = new StringBuilder();
        for (int i = 0; i < data.rows(); i++) {
            same.append(i == 0 ? "" : ", ").append(num(online.probabilities()[i])).append(" and ")
                    .append(num(shifted.probabilities()[i]));
        }
        lesson.wrap("", "The two online runs end with different w1, w2 and b but the same two combinations, so they "
                + "give every row the same p (" + same + "). Every update is a multiple of a row's (study, sleep, 1) "
                + "= (s, s + 4, 1), which never moves along (1, −1, 4); so whatever the start put along that "
                + "direction stays. The data asks for a steep slope w1 + w2 and a strongly negative baseline "
                + "4·w2 + b; part of that baseline lands in 4·w2, which makes w2 negative, and w1 grows to keep the "
                + "slope. Sleep does not hurt: the neuron cannot tell sleep from study + 4. (The batch run ends "
                + "elsewhere because it is a different algorithm, as above.)");
        lesson.blank();
    }

    private static void row(Lesson lesson, String what, double online, double batch) {
        lesson.line("    %-23s %-26s %s", what, num(online), num(batch));
    }

    private static void combination(Lesson lesson, String run, TrainingResult result) {
        double w1 = result.weights()[0];
        double w2 = result.weights()[1];
        double b = result.bias();
        lesson.line("    %-21s %-13s %-13s %-13s %-13s %s", run, num(w1), num(w2), num(b), num(w1 + w2), num(4 * w2 + b));
    }
}
