package dev.tinynn.samples;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.EpochEvent;
import dev.tinynn.core.ForwardBackward;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.TrainingResult;

/**
 * Page 4, loss and training: forward pass → loss → update w and b → repeat. The page's loop on
 * study-hours: w = 0.1, b = 0, lr = 0.1, 1000 epochs, one update after every row, printing the
 * squared error summed over the rows every 100 epochs.
 *
 * <p>Run: {@code java -cp cli/target/tinynn.jar dev.tinynn.samples.Page4LossAndTraining plain}
 */
public final class Page4LossAndTraining {
    private Page4LossAndTraining() {
    }

    public static void main(String[] args) {
        String backend = args.length > 0 ? args[0] : Backends.DEFAULT;   // "plain", "ejml", ...
        Dataset data = Datasets.studyHours();

        // One row's loss: the student passed (y = 1), the neuron said p = 0.7. (z is not needed here.)
        // Its last digits differ from paper's: 0.7 is not exact in binary, so neither is 1 - 0.7.
        System.out.println("(1 - 0.7)^2 = " + Loss.SQUARED_ERROR.of(0, 0.7, 1));

        // The page's settings. Its update, error = p - y, is the gradient of cross-entropy.
        TrainingConfig config = TrainingConfig.tutorial().withInitialWeights(0.1);

        // The loop in core's Trainer does the steps; a listener hears every epoch, with each row's p.
        // We add up (y - p)^2 over the rows, as the page's loop does, and print every 100 epochs.
        TrainingListener printer = new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent epoch) {
                double total = 0;
                for (int i = 0; i < data.rows(); i++) {
                    double miss = data.y(i) - epoch.p()[i];
                    total += miss * miss;
                }
                if (epoch.epoch() % 100 == 0 || epoch.epoch() == 999) {
                    System.out.println("epoch " + epoch.epoch() + ", loss " + total);
                }
            }
        };
        TrainingResult result = Trainer.train(backend, data, config, printer);
        System.out.println("learned w = " + result.weights()[0] + ", b = " + result.bias());

        // Honest check: at the start (w = 0.1, b = 0), what does one step point along, summed over rows?
        // A forward and backward pass computes delta = dLoss/dz per row (cross-entropy: p - y, the update's error;
        // squared error: 2(p - y)p(1 - p)) and from it the gradient, here summed over the rows.
        Model start = new Model(new double[] {0.1}, 0.0);
        for (Loss loss : new Loss[] {Loss.CROSS_ENTROPY, Loss.SQUARED_ERROR}) {
            ForwardBackward atStart = ForwardBackward.at(backend, data, start, loss);
            System.out.println(loss + " gradient, summed: dw = " + atStart.summedGradient()[0]
                    + ", db = " + atStart.summedBiasGradient());
        }
        // Which line does the update's step, error = p - y, equal?
        // Break it: try config.withLearningRate(5) or .withEpochs(10).
    }
}
