package dev.tinynn.samples;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.Updates;

/**
 * Page 6, two inputs: raw = study·w1 + sleep·w2 + b. Online training (a step after every row) and
 * batch training (one step per epoch from the summed gradient) are two different algorithms.
 *
 * <p>Run: {@code java -cp cli/target/tinynn.jar dev.tinynn.samples.Page6TwoInputs plain}
 */
public final class Page6TwoInputs {
    private Page6TwoInputs() {
    }

    public static void main(String[] args) {
        String backend = args.length > 0 ? args[0] : Backends.DEFAULT;   // "plain", "ejml", ...
        Dataset data = Datasets.studySleep();   // (study, sleep) -> passed; sleep = study + 4 in every row

        // Online: a step after every row, from the page's start.
        TrainingConfig online = TrainingConfig.tutorial().withInitialWeights(0.1, 0.1);
        // Batch, as a NumPy version writes it: one step per epoch of lr * SUM over rows. Our batch
        // step is lr * MEAN, so the same step needs lr times the number of rows.
        TrainingConfig batch = online.withUpdates(Updates.BATCH).withLearningRate(0.4);
        // The same online run, started at (0.1 + 1, 0.1 - 1, 0 + 4): same w1 + w2 and 4*w2 + b.
        TrainingConfig shifted = online.withInitialWeights(1.1, -0.9).withInitialBias(4);

        print("online ", Trainer.train(backend, data, online));
        print("batch  ", Trainer.train(backend, data, batch));
        print("shifted", Trainer.train(backend, data, shifted));
        // online and batch differ: different algorithms. online and shifted differ in w1, w2, b but
        // agree in w1 + w2 and 4*w2 + b, because z = (w1 + w2)*study + (4*w2 + b) on this data.
        // Break it: make sleep independent of study with Dataset.of(...) and see the signs change.
    }

    static void print(String name, TrainingResult result) {
        double w1 = result.weights()[0];
        double w2 = result.weights()[1];
        double b = result.bias();
        System.out.println(name + ": w1 = " + w1 + ", w2 = " + w2 + ", b = " + b
                + " | w1 + w2 = " + (w1 + w2) + ", 4*w2 + b = " + (4 * w2 + b));
    }
}
