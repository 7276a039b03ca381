package dev.tinynn.core;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The tutorial's datasets, built in, by name. The tutorial's own are small enough to check by
 * hand; {@code xor} and the three 2-D sets ({@code circles}, {@code moons}, {@code spiral}) are
 * the ones no single neuron can learn, for networks with hidden layers.
 */
public final class Datasets {
    private Datasets() {
    }

    /** D1: hours studied → passed. Pages 1 to 5. */
    public static Dataset studyHours() {
        return Dataset.of("study-hours", List.of("hours"),
                new double[][] {{1}, {2}, {3}, {4}},
                new double[] {0, 0, 1, 1});
    }

    /**
     * D2: hours studied and hours slept → passed. Page 6. Sleep is always study + 4, so the two
     * inputs are perfectly collinear: the data pins down only w1 + w2 and 4·w2 + b, not w1 and w2
     * one by one. That is why the two weights come out with opposite signs.
     */
    public static Dataset studySleep() {
        return Dataset.of("study-sleep", List.of("study", "sleep"),
                new double[][] {{1, 5}, {2, 6}, {3, 7}, {4, 8}},
                new double[] {0, 0, 1, 1});
    }

    /** D1 plus the row (5, 1): page 5's "add a row and retrain" exercise. */
    public static Dataset studyHoursPlus() {
        return studyHours().withRow("study-hours-plus", new double[] {5}, 1);
    }

    /**
     * Quiz score (0 to 100) and attendance (%) → passed: the completion page's "new 8–10 row
     * dataset", ten rows of our own. Unlike D2 the two inputs are not tied to each other (their
     * correlation is about 0.29), so the data pins down each weight on its own and the two can be
     * read one by one. It is not separable by any line either: (63, 70) passed and (73, 70) did
     * not, so the weights settle at finite values instead of growing for ever. The inputs are on
     * a scale of tens, so train it with {@code --standardize} (or a learning rate around 0.001).
     */
    public static Dataset quizAttendance() {
        return Dataset.of("quiz-attendance", List.of("quiz", "attendance"),
                new double[][] {
                    {40, 55}, {48, 80}, {55, 65}, {58, 92}, {63, 70},
                    {67, 60}, {72, 85}, {73, 70}, {84, 90}, {91, 68}},
                new double[] {0, 0, 0, 1, 1, 0, 1, 0, 1, 1});
    }

    /** Rows in each of the 2-D sets {@link #circles}, {@link #moons} and {@link #spiral}. */
    public static final int PLANE_ROWS = 200;
    /** The seed the built-in 2-D sets are drawn with, so that they never change. */
    public static final long PLANE_SEED = 1;

    /**
     * XOR: label 1 where exactly one of the two inputs is 1. No straight line separates
     * (0,0) and (1,1) from (0,1) and (1,0), so one neuron gets at most 3 of the 4 rows right;
     * a hidden layer of two units is enough.
     */
    public static Dataset xor() {
        return Dataset.of("xor", List.of("x1", "x2"),
                new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
                new double[] {0, 1, 1, 0});
    }

    /**
     * Two rings around the origin: label 1 inside (radius up to 0.5), 0 outside (radius 0.7 to
     * 1), at uniform random angles. Built-in with {@link #PLANE_ROWS} rows from {@link #PLANE_SEED}.
     */
    public static Dataset circles(int rows, long seed) {
        Random random = new Random(seed);
        return plane("circles", rows, (i, xy) -> {
            boolean inside = i % 2 == 0;
            double radius = inside ? 0.5 * random.nextDouble() : 0.7 + 0.3 * random.nextDouble();
            double angle = 2 * Math.PI * random.nextDouble();
            xy[0] = radius * Math.cos(angle);
            xy[1] = radius * Math.sin(angle);
            return inside ? 1 : 0;
        });
    }

    /**
     * Two interleaved half circles (scikit-learn's {@code make_moons}): label 0 on
     * (cos t, sin t), label 1 on (1 − cos t, 0.5 − sin t), t uniform in [0, π], plus Gaussian
     * noise of standard deviation 0.1 on each coordinate.
     */
    public static Dataset moons(int rows, long seed) {
        Random random = new Random(seed);
        return plane("moons", rows, (i, xy) -> {
            boolean lower = i % 2 == 1;
            double t = Math.PI * random.nextDouble();
            xy[0] = (lower ? 1 - Math.cos(t) : Math.cos(t)) + 0.1 * random.nextGaussian();
            xy[1] = (lower ? 0.5 - Math.sin(t) : Math.sin(t)) + 0.1 * random.nextGaussian();
            return lower ? 1 : 0;
        });
    }

    /**
     * Two spiral arms winding one and a half turns around each other: arm 0 at radius t/(3π),
     * angle t, and arm 1 the same turned by half a turn, t uniform in [0, 3π], plus Gaussian noise
     * of 0.02. The hardest of the three: it needs more units and more epochs.
     */
    public static Dataset spiral(int rows, long seed) {
        Random random = new Random(seed);
        return plane("spiral", rows, (i, xy) -> {
            int arm = i % 2;
            double t = 3 * Math.PI * random.nextDouble();
            double radius = t / (3 * Math.PI);
            xy[0] = radius * Math.cos(t + arm * Math.PI) + 0.02 * random.nextGaussian();
            xy[1] = radius * Math.sin(t + arm * Math.PI) + 0.02 * random.nextGaussian();
            return arm;
        });
    }

    /** Draws one point of a 2-D set into xy (for row i) and gives its label. */
    private interface Point {
        double draw(int i, double[] xy);
    }

    /** Rows of (x1, x2), each rounded to 3 decimals so that a printed row is the row itself. */
    private static Dataset plane(String name, int rows, Point point) {
        double[][] x = new double[rows][2];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = point.draw(i, x[i]);
            for (int j = 0; j < 2; j++) {
                x[i][j] = Math.round(x[i][j] * 1000) / 1000.0;
            }
        }
        return Dataset.of(name, List.of("x1", "x2"), x, y);
    }

    private static final Map<String, Supplier<Dataset>> BUILT_IN = Map.of(
            "study-hours", Datasets::studyHours,
            "study-sleep", Datasets::studySleep,
            "study-hours-plus", Datasets::studyHoursPlus,
            "quiz-attendance", Datasets::quizAttendance,
            "xor", Datasets::xor,
            "circles", () -> circles(PLANE_ROWS, PLANE_SEED),
            "moons", () -> moons(PLANE_ROWS, PLANE_SEED),
            "spiral", () -> spiral(PLANE_ROWS, PLANE_SEED));

    /** The names of the built-in datasets, sorted. */
    public static List<String> names() {
        return BUILT_IN.keySet().stream().sorted().toList();
    }

    /** The built-in dataset with this name; the error message lists the names there are. */
    public static Dataset named(String name) {
        Supplier<Dataset> dataset = BUILT_IN.get(name);
        if (dataset == null) {
            throw new IllegalArgumentException("unknown dataset '" + name + "'; built-in datasets are: "
                    + String.join(", ", names()));
        }
        return dataset.get();
    }
}
