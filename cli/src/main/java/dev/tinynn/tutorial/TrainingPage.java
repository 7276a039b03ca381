package dev.tinynn.tutorial;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.tutorial.TutorialLoss;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.Pass;
import dev.tinynn.core.Sigmoid;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import java.util.List;

/** Page 4: loss, the order of the training steps, and the training loop with its loss every 100 epochs. */
final class TrainingPage implements Page {
    /** The page's example: the label is 1, the neuron said 0.7. */
    static final double LABEL = 1;
    static final double PREDICTION = 0.7;
    static final int PRINT_EVERY = 100;

    /** The cards, shuffled; the right order is {@link #RIGHT_ORDER}. */
    static final List<String> CARDS = List.of(
            "update weight and bias: w −= lr·error·hours, b −= lr·error",
            "repeat: the next row, and after the last row the next epoch",
            "forward pass: z = w·hours + b, p = σ(z)",
            "loss: how wrong p is, (y − p)²");
    static final List<Integer> RIGHT_ORDER = List.of(2, 3, 0, 1);
    static final List<String> REASONS = List.of(
            "nothing can be measured or corrected before the forward pass has made a prediction p.",
            "the loss compares the prediction p with the label y, so it comes right after the forward pass "
                    + "and before anything changes.",
            "the update moves w and b against the error that was just measured; it needs p and y first.",
            "repeating comes last: one row's forward pass, loss and update make one step; then the next row.");

    @Override
    public String title() {
        return "Loss and training";
    }

    @Override
    public void show(Lesson lesson) {
        double loss = Loss.SQUARED_ERROR.of(Sigmoid.logit(PREDICTION), PREDICTION, LABEL);
        double far = Loss.SQUARED_ERROR.of(Sigmoid.logit(0.1), 0.1, LABEL);
        lesson.say("""
                To get better, the neuron needs a number that says how wrong it is: the loss. The tutorial
                uses the squared error (y − p)²: zero when p equals the label, bigger the further off.""");
        lesson.line("    the student passed (y = %s), the neuron said p = %s:  (%s − %s)² = %s", num(LABEL),
                num(PREDICTION), num(LABEL), num(PREDICTION), num(loss));
        lesson.line("    had it said p = 0.1 instead:                       (%s − 0.1)² = %s", num(LABEL), num(far));
        lesson.blank();
        lesson.say("""
                Training is a loop of a few steps. Before you see it written out, try ordering them.""");
        lesson.exercises.order(lesson, CARDS, RIGHT_ORDER, REASONS,
                "first the forward pass makes p; the loss measures how far p is from y; the update nudges w and b "
                        + "to shrink that error; then repeat with the next row, and after the last row start the "
                        + "next epoch.");

        Dataset data = Datasets.studyHours();
        TrainingConfig config = Lesson.tutorialRun(1);
        lesson.say("""
                The tutorial's loop, on study-hours, from w = 0.1, b = 0, with learning rate lr = 0.1, for
                1000 epochs, updating after every row:

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
        TrainingResult result = lesson.train(data, config, summed);
        double[] total = summed.perEpoch();
        lesson.line("    epoch   total = Σ(y − p)² over the 4 rows");
        for (int epoch = 0; epoch < total.length; epoch++) {
            if (epoch % PRINT_EVERY == 0 || epoch == total.length - 1) {
                lesson.line("    %5d   %s%s", epoch, num(total[epoch]),
                        epoch == total.length - 1 ? "   (the last epoch)" : "");
            }
        }
        lesson.blank();
        lesson.warnings(result);
        Model model = result.model();
        lesson.wrap("", "It learned w = " + num(result.weights()[0]) + ", b = " + num(result.bias())
                + ". p = 0.5 where z = 0, at hours = −b / w = " + num(model.boundary(0.5))
                + ": study more than that and the neuron says Pass. The loss fell from " + num(total[0]) + " to "
                + num(total[total.length - 1]) + ".");
        lesson.blank();
        honesty(lesson, data, new Model(config.initialWeights(), config.initialBias()));
    }

    /** The tutorial's update is the gradient of cross-entropy, not of the squared error it prints. */
    private static void honesty(Lesson lesson, Dataset data, Model start) {
        lesson.say("""
                Where the tutorial is loose: it PRINTS the squared error but UPDATES with error = p − y. The
                gradient of (y − p)² has an extra factor 2·p·(1 − p), which the update leaves out. What the
                update really is: the gradient of cross-entropy, −[y·ln p + (1 − y)·ln(1 − p)] (this makes
                the neuron logistic regression). At the start, summed over the four rows:""");
        table(lesson, data, start);
        lesson.blank();
        lesson.say("""
                Both point the same way here, so the tutorial's loop still drives its printed loss down; but
                what it trains is logistic regression. 'tinynn train --loss squared-error' follows the true
                squared-error gradient instead.""");
    }

    /** The tutorial's step beside the cross-entropy and squared-error gradients, summed over the rows, at one start. */
    static void table(Lesson lesson, Dataset data, Model start) {
        Pass crossEntropy = Pass.at(lesson.backend, data, start, Loss.CROSS_ENTROPY);
        Pass squared = Pass.at(lesson.backend, data, start, Loss.SQUARED_ERROR);
        double[] tutorial = Pass.tutorialStep(data, crossEntropy.p());
        String backend = " (" + lesson.backend.name() + ")";
        gradientRow(lesson, "at w = " + num(start.weights()[0]) + ", b = " + num(start.bias()), "∂/∂w", "∂/∂b", "");
        gradientRow(lesson, "tutorial: Σ(p − y)·x, Σ(p − y)", num(tutorial[0]), num(tutorial[1]), "");
        gradientRow(lesson, "cross-entropy gradient" + backend, num(crossEntropy.summedGradient()[0]),
                num(crossEntropy.summedBiasGradient()), "the same");
        gradientRow(lesson, "squared-error gradient" + backend, num(squared.summedGradient()[0]),
                num(squared.summedBiasGradient()), "Σ 2(p − y)·p(1 − p)·x");
    }

    private static void gradientRow(Lesson lesson, String what, String w, String b, String note) {
        lesson.line("    %-34s %-15s %-14s %s", what, w, b, note);
    }
}
