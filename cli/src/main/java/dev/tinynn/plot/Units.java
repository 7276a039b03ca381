package dev.tinynn.plot;

import java.util.Map;

/**
 * Axis titles with units for the built-in datasets' inputs; a CSV file's columns are titled by
 * their names, whose units tinynn cannot know.
 */
public final class Units {
    private static final Map<String, String> BUILT_IN = Map.of(
            "study-hours/hours", "hours of study",
            "study-hours-plus/hours", "hours of study",
            "study-sleep/study", "study (hours)",
            "study-sleep/sleep", "sleep (hours)",
            "quiz-attendance/quiz", "quiz score (0 to 100)",
            "quiz-attendance/attendance", "attendance (%)");

    private Units() {
    }

    /** The title of the axis that shows {@code feature} of the dataset named {@code data}. */
    public static String axisTitle(String data, String feature) {
        return BUILT_IN.getOrDefault(data + "/" + feature, feature);
    }
}
