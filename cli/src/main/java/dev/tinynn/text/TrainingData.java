package dev.tinynn.text;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Standardization;
import java.util.Optional;

/**
 * The data a command works on, and how messages name its rows.
 *
 * @param raw the rows as read
 * @param data what the neuron sees: {@code raw}, or its z-scores with --standardize
 * @param scaling the standardisation, or {@code null} without --standardize
 * @param label the label column's name ({@value #BUILT_IN_LABEL} for the built-in datasets)
 * @param lines for a CSV file, the line of the file each row is on (counted from 1); {@code null} for
 *     a built-in dataset
 */
public record TrainingData(Dataset raw, Dataset data, Standardization scaling, String label, int[] lines) {

    /** What the built-in datasets call their label. */
    public static final String BUILT_IN_LABEL = "passed";

    /**
     * How messages name row {@code i} (from 0): counted from 1, as everywhere in tinynn, and for a
     * CSV file with the line it is on, {@code row 3 (line 5 of grades.csv)}, so it can be found in an
     * editor.
     */
    public String rowName(int i) {
        return lines == null ? "row " + (i + 1) : "row " + (i + 1) + " (line " + lines[i] + " of " + raw.name() + ")";
    }

    /** Whether the rows come from a CSV file (--data named one) rather than a built-in dataset. */
    public boolean fromFile() {
        return lines != null;
    }

    /**
     * A warning when every row has the same label: training still runs, but there is no boundary
     * between pass and fail to learn, only "always Pass" (or "always Fail").
     */
    public Optional<String> oneClassWarning() {
        double first = raw.y(0);
        for (int i = 1; i < raw.rows(); i++) {
            if (raw.y(i) != first) {
                return Optional.empty();
            }
        }
        int only = (int) first;
        return Optional.of("warning: every row of '" + raw.name() + "' has label " + only + ", so the model cannot"
                + " learn a boundary between pass and fail (it can only learn to say " + (only == 1 ? "Pass" : "Fail")
                + "); add rows with label " + (1 - only));
    }
}
