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

    private static final Map<String, Supplier<Dataset>> BUILT_IN = Map.of(
            "study-hours", Datasets::studyHours,
            "study-sleep", Datasets::studySleep,
            "study-hours-plus", Datasets::studyHoursPlus);

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
