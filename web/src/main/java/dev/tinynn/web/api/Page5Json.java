package dev.tinynn.web.api;

import java.util.List;

/**
 * Page 5, check your model: the example neuron's predictions, the quiz, and the limits of the
 * page's Retrain fields (the same the API enforces).
 */
public record Page5Json(String backend, double w, double b, List<Row> rows, List<QuizQuestion> quiz, Limits limits)
        implements PageJson {

    /** A student's z, p and the decision at 0.5. */
    public record Row(double hours, double z, double p, String decision) {
    }

    /** The learning rate's range and the number of epochs' range. */
    public record Limits(Range<Double> lr, Range<Integer> epochs) {
    }

    /** From min to max, both included. */
    public record Range<N extends Number>(N min, N max) {
    }
}
