package dev.tinynn.web.api;

import java.util.List;

/**
 * Page 6, two inputs: the rows, one tab per backend (its code and its online and batch runs), the
 * batch learning rate, and two online runs from different starts that end on the same line.
 */
public record Page6Json(List<Row> rows, List<Tab> tabs, double batchLearningRate, List<Collinear> collinear)
        implements PageJson {

    /** A student: hours of study and of sleep, and the label. */
    public record Row(double study, double sleep, double passed) {
    }

    /**
     * A backend's tab: its library, its workspace's file and each step's code, its two runs, and two
     * points of the online run's line w1·study + w2·sleep + b = 0.
     */
    public record Tab(String backend, String library, String file, List<Step> code, Result online, Result batch,
            List<double[]> line) {
    }

    /** A Workspace method, its maths, and its body as the backend's source has it. */
    public record Step(String step, String math, String body) {
    }

    /** A training run's end. */
    public record Result(String backend, double[] weights, double bias, double finalLoss, double[] probabilities) {
    }

    /** A run's neuron, its slope w1 + w2 and baseline 4·w2 + b (on which the two runs agree), and its p of each row. */
    public record Collinear(String run, double w1, double w2, double b, double slope, double baseline,
            double[] probabilities) {
    }
}
