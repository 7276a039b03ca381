package dev.tinynn.lesson;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Forward;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.spi.Backend;
import java.util.ArrayList;
import java.util.List;

/** The small computed demonstrations the pages show, computed by a backend; each screen lays them out. */
public final class Demos {

    private Demos() {
    }

    /**
     * One step from the pages' start on the first row of study-hours, with one learning rate.
     *
     * @param lossBefore the row's squared error (y − p)² before the step
     * @param lossAfter the same row's squared error after it
     */
    public record Step(double learningRate, double w, double b, double lossBefore, double lossAfter) {
    }

    /** The same first step taken with each of {@link Examples.Training#LEARNING_RATES}. */
    public static List<Step> learningRates(Backend backend) {
        Dataset data = Datasets.studyHours();
        Dataset first = Dataset.of("the first row", data.featureNames(), new double[][] {data.row(0)},
                new double[] {data.y(0)});
        TrainingConfig start = Examples.run(1).withEpochs(1);
        Model before = new Model(start.initialWeights(), start.initialBias());
        double lossBefore = squaredError(backend, first, before);
        List<Step> steps = new ArrayList<>();
        for (double lr : Examples.Training.LEARNING_RATES) {
            Model after = Trainer.train(backend, first, start.withLearningRate(lr)).model();
            steps.add(new Step(lr, after.weights()[0], after.bias(), lossBefore, squaredError(backend, first, after)));
        }
        return steps;
    }

    private static double squaredError(Backend backend, Dataset row, Model model) {
        Forward forward = Forward.at(backend, row, model);
        return Loss.SQUARED_ERROR.of(forward.z()[0], forward.p()[0], row.y(0));
    }
}
