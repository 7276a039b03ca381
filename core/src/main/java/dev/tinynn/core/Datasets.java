package dev.tinynn.core;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The tutorial's datasets, built in, by name. Every one is small enough to check by hand.
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

    private static final Map<String, Supplier<Dataset>> BUILT_IN = Map.of(
            "study-hours", Datasets::studyHours,
            "study-sleep", Datasets::studySleep,
            "study-hours-plus", Datasets::studyHoursPlus,
            "quiz-attendance", Datasets::quizAttendance);

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
