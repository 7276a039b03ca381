package dev.tinynn.web.api;

import java.util.List;

/**
 * Page 3, sigmoid and decisions: the curve as [z, p] points, the point at the learner's z, the
 * page's neuron's decisions at the learner's threshold and at 0.5, and p at 3 and 2.5 hours (the
 * stricter cut-off's two students, for the words after the exercise).
 */
public record Page3Json(String backend, List<double[]> curve, double z, double p, double threshold, double w,
        double b, List<Student> rows, double pAt3, double pAt25) implements PageJson {

    /** A student's p and decisions; the one whose decision is the exercise is marked {@code exercise}. */
    public record Student(double hours, double z, double p, String decision, String atHalf, boolean exercise) {
    }
}
