package dev.tinynn.text;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Decision;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code tinynn lab} prints of its threshold experiment: each row's p under each learning
 * rate's model, its decision at each threshold, and which rows flip when the threshold moves
 * from the first to each other one.
 */
public final class ThresholdExperiment {
    private ThresholdExperiment() {
    }

    /** Each row's p under each run, its decision at each threshold, and which decisions flip. */
    public static void print(PrintWriter out, List<LearningRateRun> runs, Dataset raw, double[] thresholds) {
        StringBuilder cut = new StringBuilder();
        for (int k = 0; k < thresholds.length; k++) {
            cut.append(k == 0 ? "" : k == thresholds.length - 1 ? " and " : ", ").append(num(thresholds[k]));
        }
        out.printf("  thresholds  Pass when p ≥ %s%n", cut);
        int width = Math.max(input(raw).length(), values(raw.row(0)).length());
        for (int i = 0; i < raw.rows(); i++) {
            width = Math.max(width, values(raw.row(i)).length());
        }
        String columns = "  %4s  %-" + width + "s %5s";
        StringBuilder header = new StringBuilder(String.format(columns, "row", input(raw), "label"));
        for (LearningRateRun run : runs) {
            header.append(String.format("   %12s", "lr " + num(run.learningRate()) + ": p"));
            for (double t : thresholds) {
                header.append(String.format(" %5s", num(t)));
            }
        }
        out.println(header);
        for (int i = 0; i < raw.rows(); i++) {
            StringBuilder line = new StringBuilder(String.format(columns, i + 1, values(raw.row(i)), num(raw.y(i))));
            for (LearningRateRun run : runs) {
                if (run.result() == null) {
                    line.append(String.format("   %12s", "—")).append(" ".repeat(6 * thresholds.length));
                    continue;
                }
                double p = run.result().probabilities()[i];
                line.append(String.format("   %12s", num(p, 6)));
                for (double t : thresholds) {
                    line.append(String.format(" %5s", Decision.of(p, t)));
                }
            }
            out.println(line);
        }
        for (int k = 1; k < thresholds.length; k++) {
            out.printf("  at %s instead of %s:%n", num(thresholds[k]), num(thresholds[0]));
            for (LearningRateRun run : runs) {
                out.printf("    lr %-8s %s%n", num(run.learningRate()), flips(run, raw, thresholds[0], thresholds[k]));
            }
        }
    }

    private static String flips(LearningRateRun run, Dataset raw, double from, double to) {
        if (run.result() == null) {
            return "diverged, no model";
        }
        List<String> flipped = new ArrayList<>();
        for (int i = 0; i < raw.rows(); i++) {
            double p = run.result().probabilities()[i];
            Decision before = Decision.of(p, from);
            Decision after = Decision.of(p, to);
            if (before != after) {
                boolean right = after.isRightFor(raw.y(i));
                flipped.add("row " + (i + 1) + " " + values(raw.row(i)) + " " + before + " → " + after + " (p "
                        + num(p, 6) + ", label " + num(raw.y(i)) + ": now " + (right ? "right" : "wrong") + ")");
            }
        }
        return flipped.isEmpty() ? "no row changes its decision" : String.join("; ", flipped);
    }

    private static String input(Dataset raw) {
        return raw.features() == 1 ? raw.featureNames().get(0) : "(" + String.join(", ", raw.featureNames()) + ")";
    }

    private static String values(double[] row) {
        String[] text = Arrays.stream(row).mapToObj(Numbers::num).toArray(String[]::new);
        return row.length == 1 ? text[0] : "(" + String.join(", ", text) + ")";
    }
}
