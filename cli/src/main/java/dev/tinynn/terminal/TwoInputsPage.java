package dev.tinynn.terminal;

import static dev.tinynn.lesson.Num.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.ForwardBackward;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.Updates;
import dev.tinynn.lesson.Examples;
import dev.tinynn.lesson.TutorialLoss;

/**
 * Page 6: two inputs. Online and batch training side by side (a common shortcut shows them as one),
 * why their numbers differ, and why w1 and w2 take opposite signs on collinear data.
 */
final class TwoInputsPage implements Page {
    static final double NUMPY_LEARNING_RATE = Examples.TwoInputs.SUMMED_LEARNING_RATE;
    static final double SHIFT = Examples.TwoInputs.SHIFT;

    @Override
    public void show(Screen screen) {
        Dataset data = Datasets.studySleep();
        screen.text("intro");
        screen.say("""
                  study ──×w1──┐
                               ├──▶ (Σ + b) ──σ──▶ p
                  sleep ──×w2──┘""");
        screen.line("    study  sleep  passed");
        for (int i = 0; i < data.rows(); i++) {
            screen.line("    %5s  %5s  %6s", num(data.x(i, 0)), num(data.x(i, 1)), num(data.y(i)));
        }
        screen.blank();

        int n = data.rows();
        double batchRate = NUMPY_LEARNING_RATE * n;
        TrainingConfig onlineConfig = Examples.run(2);
        TrainingConfig batchConfig = onlineConfig.withUpdates(Updates.BATCH).withLearningRate(batchRate);
        TutorialLoss onlineLoss = new TutorialLoss(data, onlineConfig.epochs());
        TutorialLoss batchLoss = new TutorialLoss(data, batchConfig.epochs());
        TrainingResult online = screen.train(data, onlineConfig, onlineLoss);
        TrainingResult batch = screen.train(data, batchConfig, batchLoss);

        screen.text("two-ways");
        screen.line("                            online (after every row)   batch (once per epoch)");
        screen.line("    steps                   %-26s %s", n + " per epoch, " + n * onlineConfig.epochs(),
                "1 per epoch, " + batchConfig.epochs());
        row(screen, "w1", online.weights()[0], batch.weights()[0]);
        row(screen, "w2", online.weights()[1], batch.weights()[1]);
        row(screen, "b", online.bias(), batch.bias());
        double[] onlineTotal = onlineLoss.perEpoch();
        double[] batchTotal = batchLoss.perEpoch();
        for (int epoch : new int[] {0, 1, 2, onlineTotal.length - 1}) {
            row(screen, (epoch == 0 ? "Σ(y − p)², epoch " : "           epoch ") + epoch, onlineTotal[epoch],
                    batchTotal[epoch]);
        }
        screen.blank();
        screen.warnings(online);
        screen.warnings(batch);
        screen.text("differ");

        Model start = new Model(onlineConfig.initialWeights(), onlineConfig.initialBias());
        double[] sum = ForwardBackward.at(screen.backend, data, start, Loss.CROSS_ENTROPY).summedGradient();
        TrainingResult oneStep = screen.train(data, batchConfig.withEpochs(1));
        screen.wrap("", "tinynn's batch step uses the MEAN, lr·Σ/" + n + ", so the summed step's lr "
                + num(NUMPY_LEARNING_RATE) + " is lr " + num(batchRate) + " here. The first step both ways: summed, w1 = "
                + num(start.weights()[0])
                + " − " + num(NUMPY_LEARNING_RATE) + "·(" + num(sum[0]) + ") = "
                + num(start.weights()[0] - NUMPY_LEARNING_RATE * sum[0]) + "; tinynn with lr " + num(batchRate)
                + ": w1 = " + num(oneStep.weights()[0]) + ".");
        screen.blank();

        collinear(screen, data, online, batch, onlineConfig);
    }

    /** sleep = study + 4: only w1 + w2 and 4·w2 + b are pinned down. */
    private static void collinear(Screen screen, Dataset data, TrainingResult online, TrainingResult batch,
            TrainingConfig onlineConfig) {
        double[] w0 = onlineConfig.initialWeights();
        TrainingConfig shiftedConfig = onlineConfig.withInitialWeights(w0[0] + SHIFT, w0[1] - SHIFT)
                .withInitialBias(onlineConfig.initialBias() + 4 * SHIFT);
        TrainingResult shifted = screen.train(data, shiftedConfig);
        screen.text("collinear");
        screen.line("    %-21s %-13s %-13s %-13s %-13s %s", "run, from w1, w2, b", "w1", "w2", "b", "w1 + w2",
                "4·w2 + b");
        combination(screen, "online, 0.1, 0.1, 0", online);
        combination(screen, "online, 1.1, -0.9, 4", shifted);
        combination(screen, "batch, 0.1, 0.1, 0", batch);
        screen.blank();
        StringBuilder same = new StringBuilder();
        for (int i = 0; i < data.rows(); i++) {
            same.append(i == 0 ? "" : ", ").append(num(online.probabilities()[i])).append(" and ")
                    .append(num(shifted.probabilities()[i]));
        }
        screen.wrap("", "The two online runs end with different w1, w2 and b but the same two combinations, so they "
                + "give every row the same p (" + same + "). Every update is a multiple of a row's (study, sleep, 1) "
                + "= (s, s + 4, 1), which never moves along (1, −1, 4); so whatever the start put along that "
                + "direction stays. The data asks for a steep slope w1 + w2 and a strongly negative baseline "
                + "4·w2 + b; part of that baseline lands in 4·w2, which makes w2 negative, and w1 grows to keep the "
                + "slope. Sleep does not hurt: the neuron cannot tell sleep from study + 4. (The batch run ends "
                + "elsewhere because it is a different algorithm, as above.)");
        screen.blank();
    }

    private static void row(Screen screen, String what, double online, double batch) {
        screen.line("    %-23s %-26s %s", what, num(online), num(batch));
    }

    private static void combination(Screen screen, String run, TrainingResult result) {
        double w1 = result.weights()[0];
        double w2 = result.weights()[1];
        double b = result.bias();
        screen.line("    %-21s %-13s %-13s %-13s %-13s %s", run, num(w1), num(w2), num(b), num(w1 + w2), num(4 * w2 + b));
    }
}
