package dev.tinynn.web;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.ForwardBackward;
import dev.tinynn.core.Loss;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.Demos;
import dev.tinynn.lesson.Examples;
import dev.tinynn.lesson.Exercises;
import dev.tinynn.web.api.Gradients;
import dev.tinynn.web.api.Page4Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Page 4's numbers: the loss example, the same first step with three learning rates, the cards,
 * and the update's step beside the two losses' gradients at the start.
 */
final class Page4Numbers {
    private Page4Numbers() {
    }

    static Page4Json of(Backend backend) {
        Dataset data = Datasets.studyHours();
        double[] start = {Examples.START_W};
        ForwardBackward crossEntropy = ForwardBackward.at(backend, data, start, Examples.START_B, Loss.CROSS_ENTROPY);
        ForwardBackward squared = ForwardBackward.at(backend, data, start, Examples.START_B, Loss.SQUARED_ERROR);
        double y = Examples.Training.LABEL;
        List<Page4Json.LearningRate> rates = new ArrayList<>();
        for (Demos.Step step : Demos.learningRates(backend)) {
            rates.add(new Page4Json.LearningRate(step.learningRate(), step.w(), step.b(), step.lossBefore(),
                    step.lossAfter()));
        }
        return new Page4Json(backend.name(),
                example(y, Examples.Training.PREDICTION), example(y, Examples.Training.FAR),
                rates, Exercises.order().cards(), new Page4Json.Start(Examples.START_W, Examples.START_B),
                new Gradients(ForwardBackward.tutorialStep(data, crossEntropy.p()), crossEntropy.summedGradientWithBias(),
                        squared.summedGradientWithBias()));
    }

    private static Page4Json.Example example(double y, double p) {
        return new Page4Json.Example(y, p, Loss.SQUARED_ERROR.of(0, p, y));
    }
}
