package dev.tinynn.cli;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Standardization;
import java.util.Optional;

/**
 * The data a command works on.
 *
 * @param raw the rows as read
 * @param data what the neuron sees: {@code raw}, or its z-scores with --standardize
 * @param scaling the standardisation, or {@code null} without --standardize
 * @param label the label column's name ({@value #BUILT_IN_LABEL} for the built-in datasets)
 */
record TrainingData(Dataset raw, Dataset data, Standardization scaling, String label) {

    /** What the built-in datasets call their label. */
    static final String BUILT_IN_LABEL = "passed";

    /**
     * A warning when every row has the same label: training still runs, but there is no boundary
     * between pass and fail to learn, only "always Pass" (or "always Fail").
     */
    Optional<String> oneClassWarning() {
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
