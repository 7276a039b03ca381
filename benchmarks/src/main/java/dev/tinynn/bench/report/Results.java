package dev.tinynn.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinynn.bench.BenchData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JMH results of one run, read from JMH's JSON files, and the questions the report asks of them. */
final class Results {
    static final String EPOCH = "dev.tinynn.bench.EpochBenchmark.epoch";
    static final String ONLINE = "dev.tinynn.bench.OnlineEpochBenchmark.epoch";
    static final String RAW = "dev.tinynn.bench.RawFloorBenchmark.epoch";
    static final String SINGLE = "dev.tinynn.bench.SinglePassFloorBenchmark.epoch";
    static final String DL4J = "dev.tinynn.bench.Dl4jBenchmark.epoch";
    static final String BANDWIDTH = "dev.tinynn.bench.BandwidthBenchmark.sum";
    static final String BANDWIDTH_ALL_CORES = "dev.tinynn.bench.BandwidthBenchmark.sumAllCores";
    static final String BANDWIDTH_IN_ORDER = "dev.tinynn.bench.BandwidthBenchmark.sumInOrder";
    static final String TRAIN = "dev.tinynn.bench.TrainingBenchmark.train";
    static final String OPERATION = "dev.tinynn.bench.OperationBenchmark.";
    static final String NET_EPOCH = "dev.tinynn.bench.NetworkEpochBenchmark.epoch";
    static final String NET_ONLINE = "dev.tinynn.bench.NetworkOnlineEpochBenchmark.epoch";
    static final String NET_FLOOR = "dev.tinynn.bench.NetworkFloorBenchmark.epoch";
    static final String NET_DL4J = "dev.tinynn.bench.Dl4jNetworkBenchmark.epoch";
    static final String DGEMM = "dev.tinynn.bench.DgemmBenchmark.multiply";

    private final List<Result> all;

    Results(List<Result> all) {
        this.all = List.copyOf(all);
    }

    List<Result> all() {
        return all;
    }

    /** Reads JMH JSON files ({@code -rf json}); files that do not exist are skipped. */
    static Results read(List<Path> files) throws IOException {
        List<Result> results = new ArrayList<>();
        for (Path file : files) {
            if (!file.toFile().exists()) {
                continue;
            }
            for (JsonNode node : new ObjectMapper().readTree(file.toFile())) {
                Map<String, String> params = new LinkedHashMap<>();
                node.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
                JsonNode primary = node.path("primaryMetric");
                List<Double> raw = new ArrayList<>();
                primary.path("rawData").forEach(fork -> fork.forEach(v -> raw.add(v.asDouble())));
                double median = raw.isEmpty() ? primary.path("score").asDouble() : median(raw);
                double error = primary.path("scoreError").asDouble(Double.NaN);
                JsonNode alloc = node.path("secondaryMetrics").path("gc.alloc.rate.norm");
                results.add(new Result(node.path("benchmark").asText(), params, median, error,
                        alloc.isMissingNode() ? Double.NaN : alloc.path("score").asDouble()));
            }
        }
        return new Results(results);
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The result of {@code benchmark} whose parameter {@code key} is {@code value} (any if null) at {@code size} (any if null). */
    Optional<Result> find(String benchmark, String key, String value, String size) {
        return all.stream()
                .filter(r -> r.benchmark().equals(benchmark))
                .filter(r -> key == null || r.param(key).equals(value))
                .filter(r -> size == null || r.param("size").equals(size))
                .findFirst();
    }

    Optional<Result> epoch(String backend, String size) {
        return find(EPOCH, "backend", backend, size);
    }

    Optional<Result> rawFloor(String library, String size) {
        return find(RAW, "library", library, size);
    }

    /** The fastest tinynn backend's epoch at a size. */
    Optional<Result> fastestEpoch(String size) {
        return all.stream().filter(r -> r.benchmark().equals(EPOCH) && r.param("size").equals(size))
                .min(Comparator.comparingDouble(Result::median));
    }

    /** The backends that appear in the results of {@code benchmark}, in the order they first appear. */
    List<String> backends(String benchmark) {
        return all.stream().filter(r -> r.benchmark().equals(benchmark)).map(r -> r.param("backend")).distinct().toList();
    }

    /** Every size in the results, smallest first. */
    List<String> sizes() {
        return sizes(all);
    }

    static List<String> sizes(List<Result> results) {
        List<String> present = results.stream().map(r -> r.param("size")).filter(s -> !s.isEmpty()).distinct().toList();
        List<String> sorted = new ArrayList<>(BenchData.SIZES.stream().filter(present::contains).toList());
        present.stream().filter(s -> !sorted.contains(s)).forEach(sorted::add);
        return sorted;
    }

    List<Result> named(String benchmark) {
        return all.stream().filter(r -> r.benchmark().equals(benchmark)).toList();
    }

    List<Result> startingWith(String prefix) {
        return all.stream().filter(r -> r.benchmark().startsWith(prefix)).toList();
    }

    /**
     * JMH's own bytes per nanosecond of iteration: JMH allocates a few KB per iteration itself
     * (results, timestamps), which gc.alloc.rate.norm spreads over the iteration's operations, so an
     * operation's share grows with its length. The plain raw floor runs no tinynn code, so its B/op ÷
     * ns/op is that rate (the largest over its sizes). NaN when the run has no plain raw floor.
     */
    double harnessBytesPerNs() {
        return named(RAW).stream()
                .filter(r -> r.param("library").equals("plain") && !Double.isNaN(r.alloc()) && r.median() > 0)
                .mapToDouble(r -> r.alloc() / r.median()).max().orElse(Double.NaN);
    }

    /**
     * JMH's share of {@code r}'s B/op, with a margin of half again: the bytes an operation that
     * allocates nothing of its own is charged; 0 when the run cannot tell ({@link #harnessBytesPerNs}).
     */
    double harnessShare(Result r) {
        double rate = harnessBytesPerNs();
        return Double.isNaN(rate) ? 0 : 1.5 * rate * r.median();
    }

    /** Whether {@code r} allocates nothing of its own: under 1 B/op, or within JMH's share of its length. */
    boolean allocatesNothing(Result r) {
        return r.alloc() < 1 || r.alloc() <= harnessShare(r);
    }
}
