package dev.tinynn.cli;

import static dev.tinynn.text.Numbers.num;
import static dev.tinynn.text.Numbers.signed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tinynn.core.Decision;
import dev.tinynn.core.Model;
import dev.tinynn.core.Network;
import dev.tinynn.core.Sigmoid;
import dev.tinynn.core.Standardization;
import dev.tinynn.io.CsvTable;
import dev.tinynn.io.Decimal;
import dev.tinynn.io.ModelFile;
import dev.tinynn.io.Saved;
import dev.tinynn.io.SavedModel;
import dev.tinynn.io.SavedNetwork;
import dev.tinynn.io.TextFiles;
import dev.tinynn.text.Bar;
import dev.tinynn.text.Formulas;
import dev.tinynn.text.NetworkExplanation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tinynn predict}: inference is the forward pass alone. Loads a model saved by
 * {@code tinynn train --save}, standardises the inputs with the saved statistics if it has them,
 * and prints z, p = σ(z) and the decision for one row or for every row of a CSV file.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predicts with a saved model: p = σ(x·w + b) and Pass or Fail.",
            "Give one value per feature, in the model's order, or --input FILE.csv with a column per feature."})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true,
            description = "A model saved by 'tinynn train --save FILE'.")
    String model;

    @Option(names = "--input", paramLabel = "FILE.csv",
            description = "Predict every row of this CSV file; columns are matched by the model's feature names "
                    + "(others are ignored; a column named like the model's label is compared with the prediction).")
    String input;

    @Option(names = "--threshold", paramLabel = "T",
            description = "Pass when p >= T, between 0 and 1 (default: the model's own, saved with it).")
    Double threshold;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @picocli.CommandLine.Mixin
    ProgressOption progress;

    @Parameters(paramLabel = "VALUE", arity = "0..*",
            description = "One input row: a value per feature, in the model's order.")
    List<String> values = new ArrayList<>();

    /** One predicted row: its inputs as given, what the neuron saw, and what it says. */
    record Row(double[] x, double[] seen, double z, double p, Decision decision, Double label) {
    }

    @Override
    public Integer call() throws Exception {
        if ((input == null) == values.isEmpty()) {
            throw new ParameterException(spec.commandLine(), input == null
                    ? "give the input: one value per feature after the options, or --input FILE.csv"
                    : "give either values or --input FILE.csv, not both");
        }
        if (threshold != null) {
            UsageErrors.checkThreshold(spec, "--threshold", threshold);
        }
        Saved saved = ModelFile.loadAny(model);
        double t = threshold == null ? saved.threshold() : threshold;
        List<double[]> inputs = new ArrayList<>();
        List<Double> labels = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (input == null) {
            inputs.add(parseValues(saved));
            where.add("the values " + String.join(" ", values));
        } else {
            readInput(saved, inputs, labels, where);
        }
        Standardization scaling = saved.scaling();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            double[] x = inputs.get(i);
            double[] seen = scaling == null ? x : scaling.apply(x);
            double z = saved.z(seen);
            if (!Double.isFinite(z)) {
                // Inputs near 1e308 (or, standardised, far outside the training rows) overflow z:
                // there is no number to print, only a NaN or an infinity.
                throw new IllegalArgumentException(where.get(i) + " give a raw score z = x·w + b beyond the largest"
                        + " double (1.8e308), so there is no probability to compute; they are far outside anything"
                        + " the model was trained on: check them");
            }
            double p = Sigmoid.of(z);
            rows.add(new Row(x, seen, z, p, Decision.of(p, t), labels.isEmpty() ? null : labels.get(i)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(saved, t, rows)));
        } else {
            print(out, saved, t, rows);
        }
        out.flush();
        return 0;
    }

    private double[] parseValues(Saved saved) {
        List<String> features = saved.features();
        if (values.size() != features.size()) {
            throw new IllegalArgumentException("the model in '" + model + "' has " + features.size()
                    + (features.size() == 1 ? " feature (" : " features (") + String.join(", ", features) + ") but "
                    + values.size() + (values.size() == 1 ? " value was" : " values were")
                    + " given; give one value per feature, in that order");
        }
        double[] x = new double[features.size()];
        for (int j = 0; j < x.length; j++) {
            x[j] = Decimal.parse(values.get(j), "the value for '" + features.get(j) + "'");
        }
        return x;
    }

    private void readInput(Saved saved, List<double[]> inputs, List<Double> labels, List<String> where) {
        CsvTable table;
        try (Bar bar = new Bar("reading " + TextFiles.oneLine(new java.io.File(input).getName()), 100, "%",
                progress.drawing(json))) {
            table = CsvTable.read(input, (chars, total) -> bar.stepTo(100 * chars / Math.max(1, total), null));
        }
        List<String> features = saved.features();
        int[] columns = new int[features.size()];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = table.column(features.get(j), "(the model's input " + (j + 1) + " of " + columns.length + ")");
        }
        int label = table.has(saved.label()) ? table.column(saved.label(), "for the label") : -1;
        for (int i = 0; i < table.rows(); i++) {
            double[] x = new double[columns.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = table.number(i, columns[j]);
            }
            inputs.add(x);
            where.add("row " + (i + 1) + " (line " + table.line(i) + " of " + input + "): its values");
            if (label >= 0) {
                labels.add(table.label(i, label));
            }
        }
    }

    private void print(PrintWriter out, Saved saved, double t, List<Row> rows) {
        if (saved instanceof SavedNetwork network) {
            print(out, network, t, rows);
            return;
        }
        SavedModel savedNeuron = (SavedModel) saved;
        List<String> features = saved.features();
        Standardization scaling = saved.scaling();
        Model neuron = savedNeuron.model();
        double[] w = neuron.weights();
        out.printf("tinynn predict: the model in %s, trained on %s%n%n", TextFiles.oneLine(model),
                TextFiles.oneLine(saved.trainedOn()));
        StringBuilder formula = new StringBuilder();
        for (int j = 0; j < w.length; j++) {
            formula.append(num(w[j])).append('·').append(features.get(j)).append(scaling == null ? "" : "′").append(" + ");
        }
        out.printf("  neuron    z = %s%s,  p = σ(z),  Pass when p ≥ %s%n", formula, signed(neuron.bias()), num(t));
        if (scaling != null) {
            double[] mean = scaling.means();
            double[] sd = scaling.standardDeviations();
            for (int j = 0; j < mean.length; j++) {
                out.printf("  %-9s %s′ = (%s − %s) / %s%n", j == 0 ? "scaled" : "", features.get(j), features.get(j),
                        num(mean[j]), num(sd[j]));
            }
            out.println("            (the training rows' mean and population sd, saved with the model)");
        }
        out.println();
        if (rows.size() == 1) {
            Row row = rows.get(0);
            for (int j = 0; j < row.x().length; j++) {
                out.printf("  %s = %s%s%n", features.get(j), num(row.x()[j]),
                        scaling == null ? "" : ",  " + features.get(j) + "′ = " + num(row.seen()[j]));
            }
            out.printf("  z = %s = %s%n", new Formulas(features).zWithNumbers(row.seen(), w, neuron.bias()), num(row.z()));
            out.printf("  p = σ(z) = %s%n", num(row.p()));
            out.printf("  decision  %s (p %s %s)%n", row.decision(), row.decision() == Decision.PASS ? "≥" : "<", num(t));
            return;
        }
        table(out, features, t, rows);
    }

    /** A network: its layout, then each row's hidden values (one row) or the table (several). */
    private void print(PrintWriter out, SavedNetwork saved, double t, List<Row> rows) {
        Network network = saved.network();
        List<String> features = saved.features();
        out.printf("tinynn predict: the network in %s, trained on %s%n%n", TextFiles.oneLine(model),
                TextFiles.oneLine(saved.trainedOn()));
        out.printf("  network   %s,  p = σ(z),  Pass when p ≥ %s%n", NetworkExplanation.layout(network), num(t));
        if (saved.scaling() != null) {
            out.println("  scaled    every input to a z-score first, with the training rows' mean and sd");
        }
        out.println();
        if (rows.size() == 1) {
            Row row = rows.get(0);
            for (int j = 0; j < row.x().length; j++) {
                out.printf("  %s = %s%n", features.get(j), num(row.x()[j]));
            }
            double[][] a = network.activations(row.seen());
            for (int l = 0; l < a.length - 1; l++) {
                StringBuilder values = new StringBuilder();
                for (int j = 0; j < a[l].length; j++) {
                    values.append(j == 0 ? "" : ", ").append(num(a[l][j]));
                }
                out.printf("  hidden layer %d = %s%n", l + 1, values);
            }
            out.printf("  z = %s%n", num(row.z()));
            out.printf("  p = σ(z) = %s%n", num(row.p()));
            out.printf("  decision  %s (p %s %s)%n", row.decision(), row.decision() == Decision.PASS ? "≥" : "<", num(t));
            return;
        }
        table(out, features, t, rows);
    }

    private void table(PrintWriter out, List<String> features, double t, List<Row> rows) {
        boolean labelled = rows.get(0).label() != null;
        StringBuilder header = new StringBuilder("  ");
        for (String feature : features) {
            header.append(String.format("%10s ", feature));
        }
        header.append(labelled ? String.format("%6s ", "label") : "");
        out.println(header.append(String.format("%14s %14s  %s", "z", "p = σ(z)", "decision")));
        int right = 0;
        long done = 0;
        // Lines printed to the terminal the bar is drawn on would break it up: then only with always.
        boolean draw = progress.fromTheStart() || !ProgressOption.stdoutIsTerminal();
        try (Bar bar = new Bar("predict", rows.size(), " rows", draw ? progress.drawing(json) : Bar.Drawing.NEVER)) {
            for (Row row : rows) {
                bar.stepTo(++done, null);
                StringBuilder line = new StringBuilder("  ");
                for (double x : row.x()) {
                    line.append(String.format("%10s ", num(x)));
                }
                line.append(labelled ? String.format("%6s ", num(row.label())) : "");
                line.append(String.format("%14s %14s  %s", num(row.z()), num(row.p()), row.decision()));
                if (labelled) {
                    boolean correct = row.decision().isRightFor(row.label());
                    right += correct ? 1 : 0;
                    line.append(correct ? "  right" : "  wrong");
                }
                out.println(line);
            }
        }
        if (labelled) {
            out.printf("  accuracy  %d of %d rows right at threshold %s%n", right, rows.size(), num(t));
        }
    }

    private Map<String, Object> json(Saved saved, double t, List<Row> rows) {
        List<Map<String, Object>> predictions = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> p = new LinkedHashMap<>();
            Map<String, Double> x = new LinkedHashMap<>();
            for (int j = 0; j < row.x().length; j++) {
                x.put(saved.features().get(j), row.x()[j]);
            }
            p.put("input", x);
            p.put("z", row.z());
            p.put("probability", row.p());
            p.put("decision", row.decision().toString());
            if (row.label() != null) {
                p.put("label", row.label());
            }
            predictions.add(p);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", model);
        result.put("threshold", t);
        result.put("predictions", predictions);
        return result;
    }
}
