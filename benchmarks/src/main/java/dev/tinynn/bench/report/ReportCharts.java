package dev.tinynn.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The neuron's two PNG charts: time per epoch against size (log-log), and each backend's overhead over its raw
 * floor, and {@link #save}, which writes any of the report's charts (the network's is {@link NetworkSweep#chart}).
 */
final class ReportCharts {
    private ReportCharts() {
    }

    static Optional<XYChart> timeVsSize(Results results, Peers peers) {
        XYChart chart = new XYChartBuilder().width(900).height(600).title("One batch epoch: time vs size")
                .xAxisTitle("n × d (input values)").yAxisTitle("ns per epoch").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (Result r : results.all()) {
            String name = switch (r.benchmark()) {
                case Results.EPOCH -> "tinynn " + r.param("backend");
                case Results.SINGLE -> "single-pass floor";
                case Results.DL4J -> "Deeplearning4j";
                default -> null;
            };
            if (name != null) {
                series.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new double[] {Verdict.elements(r.param("size")), r.median()});
            }
        }
        if (!peers.numpy().isEmpty()) {
            series.put("NumPy", peers.numpy().entrySet().stream()
                    .map(e -> new double[] {Verdict.elements(e.getKey()), e.getValue()}).toList());
        }
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            List<double[]> points = new ArrayList<>(e.getValue());
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            chart.addSeries(e.getKey(), points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray()).setMarker(SeriesMarkers.CIRCLE);
        }
        return series.isEmpty() ? Optional.empty() : Optional.of(chart);
    }

    static Optional<CategoryChart> overhead(Results results) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title("Abstraction overhead: tinynn epoch / raw library floor − 1").xAxisTitle("size (n × d)")
                .yAxisTitle("overhead, %").build();
        boolean any = false;
        for (String backend : results.backends(Results.EPOCH)) {
            List<String> sizes = new ArrayList<>();
            List<Double> overhead = new ArrayList<>();
            for (String size : results.sizes()) {
                Optional<Result> epoch = results.epoch(backend, size);
                Optional<Result> raw = results.rawFloor(backend, size);
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

    static void save(Chart<?, ?> chart, Path file) {
        try {
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
                BitmapEncoder.saveBitmap(java.util.List.of(chart), 1, 1, out, BitmapEncoder.BitmapFormat.PNG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
