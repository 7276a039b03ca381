package dev.tinynn.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinynn.bench.BenchData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Turns a JMH JSON result file (and, if there is one, the NumPy script's JSON) into
 * {@code report.md} (the tables and a check of every target) and two PNG charts: time per epoch
 * against size on log-log axes, and the abstraction overhead of each backend over its library's
 * raw floor.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.tinynn.bench.report.Report jmh.json[,more.json] numpy.json|- OUTDIR [machine.txt]
 * </pre>
 *
 * Each time is the median of the measurement iterations of all forks (ns per operation), beside
 * JMH's 99.9% confidence half-width ("±") and {@code gc.alloc.rate.norm} (bytes per operation)
 * when the run used {@code -prof gc}.
 */
public final class Report {
    static final String EPOCH = "dev.tinynn.bench.EpochBenchmark.epoch";
    static final String RAW = "dev.tinynn.bench.RawFloorBenchmark.epoch";
    static final String SINGLE = "dev.tinynn.bench.SinglePassFloorBenchmark.epoch";
    static final String DL4J = "dev.tinynn.bench.Dl4jBenchmark.epoch";
    static final String BANDWIDTH = "dev.tinynn.bench.BandwidthBenchmark.sum";
    static final String BANDWIDTH_IN_ORDER = "dev.tinynn.bench.BandwidthBenchmark.sumInOrder";
    static final String TRAIN = "dev.tinynn.bench.TrainingBenchmark.train";
    static final String OPERATION = "dev.tinynn.bench.OperationBenchmark.";

    /** One JMH result: a benchmark at one set of parameters. */
    record Result(String benchmark, Map<String, String> params, double median, double error, double alloc) {
        String param(String name) {
            return params.getOrDefault(name, "");
        }
    }

    /** One row of the epoch table. */
    record Row(String label, String kind, Result result) {
    }

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: Report JMH.json NUMPY.json|- OUTDIR [MACHINE.txt]");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        List<Result> results = new ArrayList<>();
        for (String file : args[0].split(",")) {
            if (Files.exists(Path.of(file))) {
                results.addAll(readJmh(Path.of(file)));
            }
        }
        Map<String, Double> numpy = args[1].equals("-") || !Files.exists(Path.of(args[1]))
                ? Map.of() : readNumpy(Path.of(args[1]));
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        String machine = args.length > 3 && Files.exists(Path.of(args[3])) ? Files.readString(Path.of(args[3])) : "";
        Files.writeString(out.resolve("report.md"), markdown(results, numpy, machine));
        timeChart(results, numpy).ifPresent(c -> save(c, out.resolve("time-vs-size")));
        overheadChart(results).ifPresent(c -> save(c, out.resolve("overhead")));
        System.out.println("wrote " + out.resolve("report.md") + ", time-vs-size.png, overhead.png");
    }

    static List<Result> readJmh(Path file) throws IOException {
        List<Result> results = new ArrayList<>();
        for (JsonNode node : new ObjectMapper().readTree(file.toFile())) {
            Map<String, String> params = new LinkedHashMap<>();
            node.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode primary = node.path("primaryMetric");
            List<Double> raw = new ArrayList<>();
            primary.path("rawData").forEach(fork -> fork.forEach(v -> raw.add(v.asDouble())));
            double median = raw.isEmpty() ? primary.path("score").asDouble() : median(raw);
            double error = primary.path("scoreError").asDouble(Double.NaN);
            JsonNode alloc = node.path("secondaryMetrics").path("gc.alloc.rate.norm");
            results.add(new Result(node.path("benchmark").asText(), params, median, error,
                    alloc.isMissingNode() ? Double.NaN : alloc.path("score").asDouble()));
        }
        return results;
    }

    /** The NumPy script's JSON: {"sizes": {"4x1": {"best_ns": ...}, ...}}. */
    static Map<String, Double> readNumpy(Path file) throws IOException {
        Map<String, Double> best = new LinkedHashMap<>();
        new ObjectMapper().readTree(file.toFile()).path("sizes").fields()
                .forEachRemaining(e -> best.put(e.getKey(), e.getValue().path("best_ns").asDouble()));
        return best;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static Optional<Result> find(List<Result> results, String benchmark, String key, String value, String size) {
        return results.stream()
                .filter(r -> r.benchmark().equals(benchmark))
                .filter(r -> key == null || r.param(key).equals(value))
                .filter(r -> size == null || r.param("size").equals(size))
                .findFirst();
    }

    /** The backends that appear in the epoch results, in the order they first appear. */
    static List<String> backends(List<Result> results) {
        return results.stream().filter(r -> r.benchmark().equals(EPOCH)).map(r -> r.param("backend"))
                .distinct().toList();
    }

    static List<String> sizes(List<Result> results) {
        List<String> present = results.stream().map(r -> r.param("size")).filter(s -> !s.isEmpty()).distinct().toList();
        List<String> sorted = new ArrayList<>(BenchData.SIZES.stream().filter(present::contains).toList());
        present.stream().filter(s -> !sorted.contains(s)).forEach(sorted::add);
        return sorted;
    }

    /** Every epoch-like row at one size: the tinynn backends, the floors, DL4J (NumPy is added separately). */
    static List<Row> epochRows(List<Result> results, String size) {
        List<Row> rows = new ArrayList<>();
        for (Result r : results) {
            if (!r.param("size").equals(size)) {
                continue;
            }
            switch (r.benchmark()) {
                case EPOCH -> rows.add(new Row("tinynn " + r.param("backend"), "tinynn", r));
                case RAW -> rows.add(new Row("raw floor " + r.param("library"), "raw", r));
                case SINGLE -> rows.add(new Row("single-pass floor (plain Java, fused)", "floor", r));
                case DL4J -> rows.add(new Row("Deeplearning4j (1 thread)", "dl4j", r));
                default -> {
                }
            }
        }
        return rows;
    }

    static String markdown(List<Result> results, Map<String, Double> numpy, String machine) {
        StringBuilder md = new StringBuilder();
        md.append("# tinynn benchmark report\n\n");
        if (!machine.isBlank()) {
            md.append("```\n").append(machine.strip()).append("\n```\n\n");
        }
        md.append("One batch epoch with cross-entropy (forward, sigmoid, loss, delta, gradient, update). Time is the median\n"
                + "of all measurement iterations in ns per epoch; ± is JMH's 99.9% confidence half-width; B/op is\n"
                + "`gc.alloc.rate.norm` (blank when the run had no `-prof gc`); ×fastest is the time divided by the fastest\n"
                + "row at that size (Java-Matrix-Benchmark's relative view); overhead is a tinynn epoch over the raw\n"
                + "floor of the same library.\n\n");
        if (numpy.isEmpty()) {
            md.append("NumPy was not installed (or the NumPy script did not run), so it is absent from the tables.\n\n");
        }
        for (String size : sizes(results)) {
            List<Row> rows = epochRows(results, size);
            if (rows.isEmpty() && !numpy.containsKey(size)) {
                continue;
            }
            double fastest = rows.stream().mapToDouble(r -> r.result().median()).min().orElse(Double.MAX_VALUE);
            if (numpy.containsKey(size)) {
                fastest = Math.min(fastest, numpy.get(size));
            }
            md.append("### ").append(size.replace("x", " × ")).append(" (n × d)\n\n");
            md.append("| what | ns/epoch | ± | B/op | ×fastest | overhead vs raw floor |\n");
            md.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
            List<Row> sorted = new ArrayList<>(rows);
            sorted.sort((a, b) -> Double.compare(a.result().median(), b.result().median()));
            for (Row row : sorted) {
                Result r = row.result();
                String overhead = "";
                if (row.kind().equals("tinynn")) {
                    overhead = find(results, RAW, "library", r.param("backend"), size)
                            .map(f -> percent(r.median() / f.median() - 1)).orElse("");
                }
                md.append("| ").append(row.label()).append(" | ").append(num(r.median())).append(" | ")
                        .append(num(r.error())).append(" | ").append(bytes(r.alloc())).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", r.median() / fastest)).append(" | ")
                        .append(overhead).append(" |\n");
            }
            if (numpy.containsKey(size)) {
                md.append("| NumPy (best variant, Python) | ").append(num(numpy.get(size))).append(" |  |  | ")
                        .append(String.format(Locale.ROOT, "%.2f", numpy.get(size) / fastest)).append(" |  |\n");
            }
            md.append('\n');
        }
        bandwidth(results, md);
        operations(results, md);
        training(results, md);
        targets(results, numpy, md);
        return md.toString();
    }

    static void bandwidth(List<Result> results, StringBuilder md) {
        find(results, BANDWIDTH, null, null, null).ifPresent(r -> {
            md.append("### Memory-bandwidth reference\n\n");
            md.append("Summing the 1,000,000 × 16 array (128 MB) once, eight independent sums: ").append(num(r.median()))
                    .append(" ns (").append(String.format(Locale.ROOT, "%.1f", 128e6 / r.median())).append(" GB/s)");
            find(results, BANDWIDTH_IN_ORDER, null, null, null).ifPresent(s -> md.append("; in index order, one sum: ")
                    .append(num(s.median())).append(" ns (").append(String.format(Locale.ROOT, "%.1f", 128e6 / s.median()))
                    .append(" GB/s)"));
            md.append(".\n\n");
        });
    }

    static void operations(List<Result> results, StringBuilder md) {
        List<Result> ops = results.stream().filter(r -> r.benchmark().startsWith(OPERATION)).toList();
        if (ops.isEmpty()) {
            return;
        }
        List<String> names = List.of("forward", "sigmoid", "loss", "delta", "gradient", "update");
        md.append("### Each SPI operation on its own (ns/op, B/op in brackets)\n\n");
        md.append("| size | backend | ").append(String.join(" | ", names)).append(" |\n");
        md.append("| --- | --- |").append(" ---: |".repeat(names.size())).append('\n');
        for (String size : sizes(ops)) {
            for (String backend : ops.stream().map(r -> r.param("backend")).distinct().toList()) {
                StringBuilder line = new StringBuilder("| " + size + " | " + backend + " |");
                boolean any = false;
                for (String op : names) {
                    Optional<Result> r = find(ops, OPERATION + op, "backend", backend, size);
                    any |= r.isPresent();
                    line.append(' ').append(r.map(x -> num(x.median()) + (Double.isNaN(x.alloc()) ? "" : " (" + bytes(x.alloc()) + ")"))
                            .orElse("")).append(" |");
                }
                if (any) {
                    md.append(line).append('\n');
                }
            }
        }
        md.append('\n');
    }

    static void training(List<Result> results, StringBuilder md) {
        List<Result> train = results.stream().filter(r -> r.benchmark().equals(TRAIN)).toList();
        if (train.isEmpty()) {
            return;
        }
        md.append("### The whole tutorial in a warm JVM (Trainer.train, study-hours, 1,000 online epochs, w₀ = 0.1)\n\n");
        md.append("| backend | µs | ± | B/op |\n| --- | ---: | ---: | ---: |\n");
        for (Result r : train) {
            md.append("| ").append(r.param("backend")).append(" | ").append(num(r.median() / 1e3)).append(" | ")
                    .append(num(r.error() / 1e3)).append(" | ").append(bytes(r.alloc())).append(" |\n");
        }
        md.append('\n');
    }

    /** The targets, each checked against this run. */
    static void targets(List<Result> results, Map<String, Double> numpy, StringBuilder md) {
        md.append("### Targets\n\n");
        md.append("| target | measured | met |\n| --- | --- | --- |\n");
        for (String size : sizes(results)) {
            for (String backend : backends(results)) {
                Optional<Result> epoch = find(results, EPOCH, "backend", backend, size);
                Optional<Result> raw = find(results, RAW, "library", backend, size);
                if (epoch.isPresent() && raw.isPresent()) {
                    double ratio = epoch.get().median() / raw.get().median();
                    md.append("| abstraction ≤ 10% over raw floor: ").append(backend).append(' ').append(size).append(" | ")
                            .append(percent(ratio - 1)).append(" | ").append(yes(ratio <= 1.10)).append(" |\n");
                }
            }
        }
        for (String size : sizes(results)) {
            Optional<Result> best = results.stream().filter(r -> r.benchmark().equals(EPOCH) && r.param("size").equals(size))
                    .min((a, b) -> Double.compare(a.median(), b.median()));
            if (best.isPresent() && numpy.containsKey(size)) {
                double ratio = best.get().median() / numpy.get(size);
                md.append("| fastest tinynn backend ≤ NumPy's best at ").append(size).append(" | ")
                        .append(best.get().param("backend")).append(' ').append(num(best.get().median())).append(" vs ")
                        .append(num(numpy.get(size))).append(" (").append(String.format(Locale.ROOT, "%.2f×", ratio))
                        .append(") | ").append(yes(ratio <= 1)).append(" |\n");
            }
        }
        Optional<Result> bw = find(results, BANDWIDTH, null, null, null);
        Optional<Result> bigBest = results.stream().filter(r -> r.benchmark().equals(EPOCH) && r.param("size").equals("1000000x16"))
                .min((a, b) -> Double.compare(a.median(), b.median()));
        if (bw.isPresent() && bigBest.isPresent()) {
            double ratio = bigBest.get().median() / bw.get().median();
            md.append("| fastest at 1000000x16 within 2× of the bandwidth sum | ").append(bigBest.get().param("backend"))
                    .append(' ').append(num(bigBest.get().median())).append(" = ")
                    .append(String.format(Locale.ROOT, "%.2f×", ratio)).append(" | ").append(yes(ratio <= 2)).append(" |\n");
        }
        find(results, EPOCH, "backend", "nd4j", "4x1").ifPresent(r -> md.append("| nd4j epoch at 4x1 ≤ 35 µs | ")
                .append(num(r.median())).append(" ns | ").append(yes(r.median() <= 35_000)).append(" |\n"));
        Optional<Result> plainTiny = find(results, EPOCH, "backend", "plain", "4x1");
        Optional<Result> fused = find(results, SINGLE, null, null, "4x1");
        if (plainTiny.isPresent() && fused.isPresent()) {
            double ratio = plainTiny.get().median() / fused.get().median();
            md.append("| plain epoch at 4x1 ≤ 1.5× the single-pass floor | ").append(num(plainTiny.get().median()))
                    .append(" vs ").append(num(fused.get().median())).append(" = ")
                    .append(String.format(Locale.ROOT, "%.2f×", ratio)).append(" | ").append(yes(ratio <= 1.5)).append(" |\n");
        }
        for (String backend : List.of("plain", "ejml")) {
            // JMH allocates a few KB per iteration itself (results, timestamps); gc.alloc.rate.norm spreads
            // that over the iteration's operations, which at 50 ms per epoch are only ~20. The raw floor of
            // the same library has no tinynn code, so its B/op is that harness share: an epoch allocates
            // nothing of its own when it stays within it.
            StringBuilder worst = new StringBuilder();
            boolean met = true;
            for (Result r : results) {
                if (!r.benchmark().equals(EPOCH) || !r.param("backend").equals(backend) || Double.isNaN(r.alloc())) {
                    continue;
                }
                double harness = find(results, RAW, "library", backend, r.param("size")).map(Result::alloc).orElse(0.0);
                boolean zero = r.alloc() < 1 || r.alloc() <= 1.5 * harness;
                met &= zero;
                if (r.alloc() >= 1) {
                    worst.append(worst.length() == 0 ? "" : "; ").append(r.param("size")).append(": ")
                            .append(bytes(r.alloc())).append(" (raw floor ").append(bytes(harness)).append(')');
                }
            }
            md.append("| ").append(backend).append(" epoch allocates 0 B/op beyond JMH's own per-iteration share | ")
                    .append(worst.length() == 0 ? "0 at every size" : "0 where an iteration has many epochs; " + worst)
                    .append(" | ").append(yes(met)).append(" |\n");
        }
        md.append("\nThe `fast` backend has no raw floor of its own: its library is Java arrays, whose raw floor is"
                + " `raw floor plain`.\n");
        md.append('\n');
    }

    static Optional<XYChart> timeChart(List<Result> results, Map<String, Double> numpy) {
        XYChart chart = new XYChartBuilder().width(900).height(600).title("One batch epoch: time vs size")
                .xAxisTitle("n × d (input values)").yAxisTitle("ns per epoch").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        boolean any = false;
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (Result r : results) {
            String name = switch (r.benchmark()) {
                case EPOCH -> "tinynn " + r.param("backend");
                case SINGLE -> "single-pass floor";
                case DL4J -> "Deeplearning4j";
                default -> null;
            };
            if (name != null) {
                series.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {elements(r.param("size")), r.median()});
            }
        }
        if (!numpy.isEmpty()) {
            series.put("NumPy", numpy.entrySet().stream().map(e -> new double[] {elements(e.getKey()), e.getValue()}).toList());
        }
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            List<double[]> points = new ArrayList<>(e.getValue());
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            chart.addSeries(e.getKey(), points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray()).setMarker(SeriesMarkers.CIRCLE);
            any = true;
        }
        return any ? Optional.of(chart) : Optional.empty();
    }

    static Optional<CategoryChart> overheadChart(List<Result> results) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title("Abstraction overhead: tinynn epoch / raw library floor − 1").xAxisTitle("size (n × d)")
                .yAxisTitle("overhead, %").build();
        boolean any = false;
        for (String backend : backends(results)) {
            List<String> sizes = new ArrayList<>();
            List<Double> overhead = new ArrayList<>();
            for (String size : sizes(results)) {
                Optional<Result> epoch = find(results, EPOCH, "backend", backend, size);
                Optional<Result> raw = find(results, RAW, "library", backend, size);
                if (epoch.isPresent() && raw.isPresent()) {
                    sizes.add(size);
                    overhead.add(100 * (epoch.get().median() / raw.get().median() - 1));
                }
            }
            if (!sizes.isEmpty()) {
                chart.addSeries(backend, sizes, overhead);
                any = true;
            }
        }
        return any ? Optional.of(chart) : Optional.empty();
    }

    static double elements(String size) {
        return (double) BenchData.rows(size) * BenchData.features(size);
    }

    static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) {
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static String bytes(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * v);
    }

    static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }
}
