package dev.tinynn.web;

import dev.tinynn.core.Decision;
import dev.tinynn.core.Forward;
import dev.tinynn.core.Model;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.Examples;
import dev.tinynn.web.api.Page3Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Page 3's numbers: the sigmoid's curve, the point at the learner's z, and the decisions of the
 * page's neuron at the learner's threshold; the student whose decision is the exercise is marked.
 */
final class Page3Numbers {
    /** The curve's points, from z = −6 to 6. */
    private static final int POINTS = 49;

    private Page3Numbers() {
    }

    /** @throws IllegalArgumentException when the threshold is not strictly between 0 and 1 */
    static Page3Json of(Backend backend, double z, double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("the threshold must be between 0 and 1, got " + threshold);
        }
        double[][] grid = new double[POINTS][1];
        for (int k = 0; k < POINTS; k++) {
            grid[k][0] = -6 + 12.0 * k / (POINTS - 1);
        }
        Forward curve = Forward.at(backend, grid, new Model(new double[] {1}, 0));   // z = x·1 + 0 = x
        List<double[]> line = new ArrayList<>();
        for (int k = 0; k < POINTS; k++) {
            line.add(new double[] {curve.z()[k], curve.p()[k]});
        }
        double[] hours = Examples.Sigmoid.HOURS;
        double[][] x = new double[hours.length][];
        for (int i = 0; i < hours.length; i++) {
            x[i] = new double[] {hours[i]};
        }
        Forward students = Forward.at(backend, x, new Model(new double[] {Examples.Sigmoid.W}, Examples.Sigmoid.B));
        List<Page3Json.Student> rows = new ArrayList<>();
        for (int i = 0; i < hours.length; i++) {
            double p = students.p()[i];
            rows.add(new Page3Json.Student(hours[i], students.z()[i], p, Decision.of(p, threshold).toString(),
                    Decision.of(p, Examples.Sigmoid.CUT_OFF).toString(), hours[i] == Examples.Sigmoid.EXERCISE_HOURS));
        }
        double[] point = PageMath.forward(backend, z, 1, 0);
        return new Page3Json(backend.name(), line, z, point[1], threshold, Examples.Sigmoid.W, Examples.Sigmoid.B, rows,
                PageMath.forward(backend, 3, Examples.Sigmoid.W, Examples.Sigmoid.B)[1],
                PageMath.forward(backend, Examples.Sigmoid.EXERCISE_HOURS, Examples.Sigmoid.W, Examples.Sigmoid.B)[1]);
    }
}
