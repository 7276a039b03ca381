package dev.tinynn.web.api;

import java.util.List;

/**
 * Page 4, loss and training: the loss example and a far-off prediction, the same first step with
 * three learning rates, the cards to order, the start, and the update's step beside the two
 * losses' gradients there.
 */
public record Page4Json(String backend, Example example, Example far, List<LearningRate> learningRates,
        List<String> cards, Start start, Gradients gradients) implements PageJson {

    /** A label, a prediction and its squared error. */
    public record Example(double y, double p, double loss) {
    }

    /** One learning rate's first step: the neuron after it, and the loss before and after. */
    public record LearningRate(double lr, double w, double b, double lossBefore, double lossAfter) {
    }

    /** Where training starts. */
    public record Start(double w, double b) {
    }
}
