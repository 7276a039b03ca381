package dev.tinynn.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Standardization;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.io.AtomicFile;
import dev.tinynn.plot.Units;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code tinynn train --report FILE.html}: one self-contained HTML page that replays training.
 * It shows the neuron as a diagram with the numbers of one row on it, the loss curve, and the data
 * with the model's probabilities and decision boundary, with a slider and a play button that step
 * through the epochs and move all three together.
 *
 * <p>Everything is inside the one file: the page, its style and script come from the template
 * {@code report.html} beside this class, and the run's numbers go into it as JSON. It loads
 * nothing from the network, so it opens anywhere, offline.
 */
public final class TrainingReport {
    private static final String TEMPLATE = "report.html";
    /** Where the JSON goes: the template's data element holds exactly this. */
    static final String DATA_MARKER = "\"TINYNN-DATA\"";
    /** At most this many points of the loss curve go into the page. */
    static final int MAX_CURVE_POINTS = 600;
    private static final String WHAT = "the report";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingReport() {
    }

    /**
     * Checks {@code file} before any work is done: it ends in .html (or .htm) and its folder exists.
     *
     * @throws IllegalArgumentException one line naming the problem and the fix
     */
    public static Path check(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        if (!name.endsWith(".html") && !name.endsWith(".htm")) {
            throw new IllegalArgumentException("cannot write the report to '" + dev.tinynn.io.TextFiles.oneLine(file) + "': the name must end in .html"
                    + " (a web page), such as report.html");
        }
        return AtomicFile.checkWritable(file, WHAT, "report.html");
    }

    /** What the page is made from. */
    public record Run(TrainingResult result, Dataset raw, Standardization scaling, String label, double threshold,
            List<EpochFrames.Frame> frames) {
    }

    /** The whole page for {@code run}. */
    public static String html(Run run) {
        return page(TEMPLATE, Data.of(run));
    }

    /** The page {@code templateName} (beside this class) with {@code data} in its data element, as {@link #json}. */
    static String page(String templateName, Object data) {
        String template = template(templateName);
        int at = template.indexOf(DATA_MARKER);
        if (at < 0 || template.indexOf(DATA_MARKER, at + 1) >= 0) {
            throw new IllegalStateException("the report template must hold " + DATA_MARKER + " exactly once");
        }
        return template.substring(0, at) + json(data) + template.substring(at + DATA_MARKER.length());
    }

    /** Writes the page at {@code target}, atomically. */
    public static void write(Path target, Run run) throws IOException {
        try (AtomicFile.Batch batch = new AtomicFile.Batch()) {
            write(batch, target, run);
            batch.commit();
        }
    }

    /** Adds the page at {@code target} to {@code batch}, which writes it with the run's other outputs. */
    public static void write(AtomicFile.Batch batch, Path target, Run run) throws IOException {
        write(batch, target, html(run));
    }

    /** Adds {@code html} at {@code target} to {@code batch}. */
    static void write(AtomicFile.Batch batch, Path target, String html) throws IOException {
        byte[] page = html.getBytes(StandardCharsets.UTF_8);
        batch.add(target, WHAT, out -> out.write(page));
    }

    /**
     * The run's numbers as JSON, safe inside a script element: every {@code <} is written
     * {@code \u003c}, so no name in the data can close the element.
     */
    static String json(Object data) {
        try {
            return JSON.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report's data always serialises", e);
        }
    }

    private static String template(String name) {
        try (InputStream in = TrainingReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the program");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON the page reads; the field names are the script's. */
    record Data(String data, List<String> features, List<String> axisTitles, String label, double[][] rows,
            double[] labels, Scaling scaling, double threshold, String backend, String loss, String updates,
            double learningRate, int epochs, double[] initialWeights, double initialBias, List<EpochFrames.Frame> frames,
            Curve lossCurve, double[] weights, double bias, double finalLoss) {

        static Data of(Run run) {
            TrainingResult result = run.result();
            TrainingConfig config = result.config();
            Dataset raw = run.raw();
            return new Data(raw.name(), raw.featureNames(), TrainingReport.axisTitles(raw), run.label(), TrainingReport.rows(raw), raw.labels(),
                    Scaling.of(run.scaling()), run.threshold(),
                    result.backend(), config.loss().id(), config.updates().id(), config.learningRate(),
                    config.epochs(), config.initialWeightsFor(result.data()), config.initialBias(), run.frames(),
                    Curve.of(result.lossHistory()), result.weights(), result.bias(), result.finalLoss());
        }
    }

    /** Every row's raw values. */
    static double[][] rows(Dataset raw) {
        double[][] rows = new double[raw.rows()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = raw.row(i);
        }
        return rows;
    }

    /** Each feature's axis title, with its unit where known. */
    static List<String> axisTitles(Dataset raw) {
        List<String> titles = new ArrayList<>();
        for (String feature : raw.featureNames()) {
            titles.add(Units.axisTitle(raw.name(), feature));
        }
        return titles;
    }

    record Scaling(double[] means, double[] standardDeviations) {
        static Scaling of(Standardization s) {
            return s == null ? null : new Scaling(s.means(), s.standardDeviations());
        }
    }

    /** The loss curve, sampled: the epochs drawn and their losses. */
    record Curve(int[] epochs, double[] loss) {
        static Curve of(double[] history) {
            int[] epochs = EpochFrames.epochsToKeep(history.length, MAX_CURVE_POINTS);
            double[] loss = new double[epochs.length];
            for (int k = 0; k < epochs.length; k++) {
                loss[k] = history[epochs[k]];
            }
            return new Curve(epochs, loss);
        }
    }
}
