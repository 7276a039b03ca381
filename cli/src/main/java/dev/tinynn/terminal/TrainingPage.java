package dev.tinynn.terminal;

import static dev.tinynn.lesson.Num.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.ForwardBackward;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.Sigmoid;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.lesson.Demos;
import dev.tinynn.lesson.Examples;
import dev.tinynn.lesson.Exercises;
import dev.tinynn.lesson.TutorialLoss;
import java.util.Map;

/**
 * Page 4: loss, the learning rate, the order of the training steps, the training loop with its loss
 * every 100 epochs, and the common shortcut of its update (the calculus as an optional part).
 */
final class TrainingPage implements Page {

    @Override
    public void show(Screen screen) {
        double y = Examples.Training.LABEL;
        double said = Examples.Training.PREDICTION;
        double far = Examples.Training.FAR;
        screen.text("intro");
        screen.line("    the student passed (y = %s), the neuron said p = %s:  (%s − %s)² = %s", num(y), num(said),
                num(y), num(said), num(Loss.SQUARED_ERROR.of(Sigmoid.logit(said), said, y)));
        screen.line("    had it said p = %s instead:                       (%s − %s)² = %s", num(far), num(y), num(far),
                num(Loss.SQUARED_ERROR.of(Sigmoid.logit(far), far, y)));
        screen.blank();

        screen.text("learning-rate");
        screen.line("    %-6s %-16s %-16s %-25s %s", "lr", "w after", "b after", "row 1's (y − p)² before", "after");
        for (Demos.Step step : Demos.learningRates(screen.backend)) {
            screen.line("    %-6s %-16s %-16s %-25s %s", num(step.learningRate()), num(step.w()), num(step.b()),
                    num(step.lossBefore()), num(step.lossAfter()));
        }
        screen.blank();

        screen.text("order");
        screen.exercises.order(screen, Exercises.order());

        Dataset data = Datasets.studyHours();
        TrainingConfig config = Examples.run(1);
        screen.text("loop");
        screen.say("""
                  for epoch in 0 … 999:
                      total = 0
                      for each row (hours, y):
                          p = σ(w·hours + b)            forward pass
                          total += (y − p)²             loss
                          error = p − y
                          w −= lr·error·hours           update the weight
                          b −= lr·error                 and the bias
                      every 100 epochs: print epoch, total""");
        TutorialLoss summed = new TutorialLoss(data, config.epochs());
        TrainingResult result = screen.train(data, config, summed);
        double[] total = summed.perEpoch();
        screen.line("    epoch   total = Σ(y − p)² over the 4 rows");
        for (int epoch = 0; epoch < total.length; epoch++) {
            if (epoch % Examples.Training.PRINT_EVERY == 0 || epoch == total.length - 1) {
                screen.line("    %5d   %s%s", epoch, num(total[epoch]),
                        epoch == total.length - 1 ? "   (the last epoch)" : "");
            }
        }
        screen.blank();
        screen.warnings(result);
        Model model = result.model();
        screen.text("learned", Map.of("run.weights.0", num(result.weights()[0]), "run.bias", num(result.bias()),
                "run.boundary", num(model.boundary(0.5))));
        screen.wrap("", "The loss fell from " + num(total[0]) + " to " + num(total[total.length - 1]) + ".");
        screen.blank();

        screen.heading("Which way is downhill, and a common shortcut");
        screen.text("gradient");
        screen.text("shortcut");
        table(screen, data, new Model(config.initialWeights(), config.initialBias()));
        screen.blank();
        screen.text("shortcut-after");
        screen.optional();
        screen.text("calculus");
    }

    /** The update's step beside the cross-entropy and squared-error gradients, summed over the rows, at one start. */
    static void table(Screen screen, Dataset data, Model start) {
        ForwardBackward crossEntropy = ForwardBackward.at(screen.backend, data, start, Loss.CROSS_ENTROPY);
        ForwardBackward squared = ForwardBackward.at(screen.backend, data, start, Loss.SQUARED_ERROR);
        double[] step = ForwardBackward.tutorialStep(data, crossEntropy.p());
        String backend = " (" + screen.backend.name() + ")";
        gradientRow(screen, "at w = " + num(start.weights()[0]) + ", b = " + num(start.bias()), "for w", "for b", "");
        gradientRow(screen, "update used: Σ(p − y)·x, Σ(p − y)", num(step[0]), num(step[1]), "");
        gradientRow(screen, "cross-entropy gradient" + backend, num(crossEntropy.summedGradient()[0]),
                num(crossEntropy.summedBiasGradient()), "the same");
        gradientRow(screen, "squared-error gradient" + backend, num(squared.summedGradient()[0]),
                num(squared.summedBiasGradient()), "");
    }

    private static void gradientRow(Screen screen, String what, String w, String b, String note) {
        screen.line("    %-34s %-15s %-14s %s", what, w, b, note);
    }
}
