package dev.tinynn.cli;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Standardization;
import dev.tinynn.io.CsvTable;
import dev.tinynn.text.Bar;
import dev.tinynn.text.TrainingData;
import java.io.File;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which data to use: a built-in dataset by name, or the user's own CSV file.
 *
 * <p>How {@code --data} tells them apart: a value that ends in {@code .csv} (in any case) or
 * contains a path separator ({@code /}, or {@code \} on Windows) is a file; anything else is the
 * name of a built-in dataset. The rule looks only at the text, never at what happens to exist in
 * the current folder, so a command means the same wherever it runs; a file with another ending is
 * named with its folder, {@code ./grades.txt}.
 */
final class DataOptions {

    @Option(names = "--data", paramLabel = "NAME|FILE.csv", defaultValue = "study-hours",
            description = {"A built-in dataset (study-hours, study-sleep, study-hours-plus, quiz-attendance; for networks xor, "
                    + "circles, moons, spiral) or your "
                + "own CSV file: a value ending in .csv or containing a / is a file (default: ${DEFAULT-VALUE}).",
                "The file needs a header line naming the columns; labels are 0 (fail) or 1 (pass)."})
    String data;

    @Option(names = "--label", paramLabel = "COL",
            description = "With a CSV file: the column holding the 0/1 label (default: the last column).")
    String label;

    @Option(names = "--features", paramLabel = "COL", split = ",",
            description = "With a CSV file: the input columns, comma-separated, in this order "
                    + "(default: every column but the label).")
    List<String> features;

    @Option(names = "--standardize",
            description = "Replace every input by its z-score, (x − mean) / sd, with the mean and population "
                    + "standard deviation of the training rows (train --save keeps them with the model).")
    boolean standardize;

    /** Whether {@code --data} names a file rather than a built-in dataset (see the class comment). */
    static boolean isFile(String data) {
        return data.toLowerCase(Locale.ROOT).endsWith(".csv") || data.contains("/")
                || data.contains(File.separator);
    }

    /** Reads the data and, with --standardize, standardises it. */
    TrainingData load(CommandSpec spec) {
        return load(spec, Bar.Drawing.NEVER);
    }

    /** As {@link #load(CommandSpec)}, with a progress bar while a large file is read, drawn as {@code drawing} says. */
    TrainingData load(CommandSpec spec, Bar.Drawing drawing) {
        Dataset raw;
        String labelName;
        int[] lines = null;
        if (isFile(data)) {
            CsvTable table;
            try (Bar bar = new Bar("reading " + dev.tinynn.io.TextFiles.oneLine(new File(data).getName()), 100, "%",
                    drawing)) {
                table = CsvTable.read(data, (chars, total) -> bar.stepTo(100 * chars / Math.max(1, total), null));
            }
            raw = table.dataset(label, features);
            labelName = label == null ? table.lastColumn() : label;
            lines = new int[table.rows()];
            java.util.Arrays.setAll(lines, table::line);
        } else {
            if (label != null || features != null) {
                throw new ParameterException(spec.commandLine(), "--label and --features choose the columns of a CSV"
                        + " file, but '" + data + "' is a built-in dataset; leave them out, or give --data a .csv file");
            }
            raw = UsageErrors.checked(spec, () -> {
                try {
                    return Datasets.named(data);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage() + "; to read a file, give a name that ends in"
                            + " .csv or contains a /, such as ./" + data, e);
                }
            });
            labelName = TrainingData.BUILT_IN_LABEL;
        }
        Standardization scaling = standardize ? Standardization.of(raw) : null;
        return new TrainingData(raw, scaling == null ? raw : scaling.apply(raw), scaling, labelName, lines);
    }
}
