package dev.tinynn.bench.report;

import static dev.tinynn.bench.report.Format.bytes;
import static dev.tinynn.bench.report.Format.marked;
import static dev.tinynn.bench.report.Format.num;
import static dev.tinynn.bench.report.Format.percent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The report's Markdown tables: epochs by size, the bandwidth floor, online epochs, operations, the tutorial. */
final class Tables {
    private Tables() {
    }

    /** One row of an epoch table. */
    record Row(String label, String kind, Result result) {
    }

    /** Every epoch-like row at one size: the tinynn backends, the floors, DL4J (NumPy is added separately). */
    static List<Row> epochRows(Results results, String size) {
        List<Row> rows = new ArrayList<>();
        for (Result r : results.all()) {
            if (!r.param("size").equals(size)) {
                continue;
            }
            switch (r.benchmark()) {
                case Results.EPOCH -> rows.add(new Row("tinynn " + r.param("backend"), "tinynn", r));
                case Results.RAW -> rows.add(new Row("raw floor " + r.param("library"), "raw", r));
                case Results.SINGLE -> rows.add(new Row("single-pass floor (plain Java, fused)", "floor", r));
                case Results.DL4J -> rows.add(new Row("Deeplearning4j (1 thread)", "dl4j", r));
                default -> {
                }
            }
        }
        return rows;
    }

    static void epochs(Results results, Peers peers, StringBuilder md) {
        md.append("## One batch epoch\n\n");
        md.append("Cross-entropy, learning rate 0.1 (forward, sigmoid, loss, delta, gradient, update; `fast` fuses them into\n"
                + "one pass). Time is the median of all measurement iterations in ns per epoch; ± is JMH's 99.9% confidence\n"
                + "half-width, and \"(noisy)\" marks a row whose ± is more than 20% of its time; B/op is `gc.alloc.rate.norm`\n"
                + "(blank when the run had no `-prof gc`); ×fastest is the time divided by the fastest row at that size;\n"
                + "overhead is a tinynn epoch over the raw floor of the same library, \"within noise\" when the two error bars\n"
                + "overlap.\n\n");
        if (peers.numpy().isEmpty()) {
            md.append("NumPy was not installed (or the NumPy script did not run), so it is absent from the tables.\n\n");
        } else {
            md.append("NumPy: ").append(peers.numpyFrom()).append(".\n\n");
        }
        for (String size : results.sizes()) {
            List<Row> rows = epochRows(results, size);
            Double numpy = peers.numpy().get(size);
            if (rows.isEmpty() && numpy == null) {
                continue;
            }
            double fastest = rows.stream().mapToDouble(r -> r.result().median()).min().orElse(Double.MAX_VALUE);
            if (numpy != null) {
                fastest = Math.min(fastest, numpy);
            }
            md.append("### ").append(size.replace("x", " × ")).append(" (n × d)\n\n");
            md.append("| what | ns/epoch | ± | B/op | ×fastest | overhead vs raw floor |\n");
            md.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
            List<Row> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparingDouble(r -> r.result().median()));
            for (Row row : sorted) {
                Result r = row.result();
                String overhead = row.kind().equals("tinynn")
                        ? results.rawFloor(r.param("backend"), size).map(f -> overhead(r, f)).orElse("") : "";
                md.append("| ").append(row.label()).append(" | ").append(marked(r)).append(" | ")
                        .append(num(r.error())).append(" | ").append(bytes(r.alloc())).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", r.median() / fastest)).append(" | ")
                        .append(overhead).append(" |\n");
            }
            if (numpy != null) {
                md.append("| NumPy (best variant, Python) | ").append(num(numpy)).append(" |  |  | ")
                        .append(String.format(Locale.ROOT, "%.2f", numpy / fastest)).append(" |  |\n");
            }
            md.append('\n');
        }
    }

    /** A tinynn epoch over its library's raw floor, or "within noise" when it is below and the error bars overlap. */
    static String overhead(Result epoch, Result floor) {
        double over = epoch.median() / floor.median() - 1;
        if (over < 0 && epoch.overlaps(floor)) {
            return "within noise (" + percent(over) + ")";
        }
        return percent(over);
    }

    static void bandwidth(Results results, StringBuilder md) {
        Optional<Result> one = results.find(Results.BANDWIDTH, null, null, null);
        Optional<Result> all = results.find(Results.BANDWIDTH_ALL_CORES, null, null, null);
        if (one.isEmpty() && all.isEmpty()) {
            return;
        }
        md.append("## The memory-bandwidth floor\n\n");
        md.append("Summing the 1,000,000 × 16 input (128 MB) once, eight independent sums per thread. No epoch can read X\n"
                + "faster than the all-cores figure, which is the floor the fused epoch is compared with.\n\n");
        md.append("| read | ns | ± | GB/s |\n| --- | ---: | ---: | ---: |\n");
        all.ifPresent(r -> bandwidthRow("all cores, one block each (the floor)", r, md));
        one.ifPresent(r -> bandwidthRow("one thread", r, md));
        results.find(Results.BANDWIDTH_IN_ORDER, null, null, null)
                .ifPresent(r -> bandwidthRow("one thread, one sum in index order", r, md));
        md.append('\n');
    }

    private static void bandwidthRow(String label, Result r, StringBuilder md) {
        md.append("| ").append(label).append(" | ").append(marked(r)).append(" | ").append(num(r.error())).append(" | ")
                .append(String.format(Locale.ROOT, "%.1f", 128e6 / r.median())).append(" |\n");
    }

    static void online(Results results, Peers peers, StringBuilder md) {
        List<Result> online = results.named(Results.ONLINE);
        if (online.isEmpty() && peers.sklearn().isEmpty()) {
            return;
        }
        md.append("## One online epoch (one update per row, in order)\n\n");
        md.append("tinynn's `--updates online` epoch beside scikit-learn's `SGDClassifier(loss=\"log_loss\", penalty=None,\n"
                + "learning_rate=\"constant\", eta0=0.1, max_iter=1, tol=None, shuffle=False).fit(X, y, coef_init=0.1,\n"
                + "intercept_init=0)`, the same updates. Each row's update needs the previous one's weights, so nothing\n"
                + "here can use a second core. scikit-learn's time includes its input checks, as every caller pays them.\n\n");
        if (peers.sklearn().isEmpty()) {
            md.append("scikit-learn was not installed (or its script did not run), so it is absent from this table.\n\n");
        } else {
            md.append("scikit-learn: ").append(peers.sklearnFrom()).append("; check: ").append(peers.sklearnCheck())
                    .append(".\n\n");
        }
        md.append("| size | what | ns/epoch | ± | ×fastest |\n| --- | --- | ---: | ---: | ---: |\n");
        List<String> sizes = new ArrayList<>(Results.sizes(online));
        peers.sklearn().keySet().stream().filter(s -> !sizes.contains(s)).forEach(sizes::add);
        for (String size : sizes) {
            List<Result> here = online.stream().filter(r -> r.param("size").equals(size))
                    .sorted(Comparator.comparingDouble(Result::median)).toList();
            Double sklearn = peers.sklearn().get(size);
            double fastest = Math.min(here.stream().mapToDouble(Result::median).min().orElse(Double.MAX_VALUE),
                    sklearn == null ? Double.MAX_VALUE : sklearn);
            for (Result r : here) {
                md.append("| ").append(size).append(" | tinynn ").append(r.param("backend")).append(" | ").append(marked(r))
                        .append(" | ").append(num(r.error())).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", r.median() / fastest)).append(" |\n");
            }
            if (sklearn != null) {
                md.append("| ").append(size).append(" | scikit-learn SGDClassifier | ").append(num(sklearn)).append(" |  | ")
                        .append(String.format(Locale.ROOT, "%.2f", sklearn / fastest)).append(" |\n");
            }
        }
        md.append('\n');
    }

    static void operations(Results results, StringBuilder md) {
        List<Result> ops = results.startingWith(Results.OPERATION);
        if (ops.isEmpty()) {
            return;
        }
        Results only = new Results(ops);
        List<String> names = List.of("forward", "sigmoid", "loss", "delta", "gradient", "update");
        md.append("## Each SPI operation on its own (ns/op, B/op in brackets)\n\n");
        md.append("| size | backend | ").append(String.join(" | ", names)).append(" |\n");
        md.append("| --- | --- |").append(" ---: |".repeat(names.size())).append('\n');
        for (String size : only.sizes()) {
            for (String backend : ops.stream().map(r -> r.param("backend")).distinct().toList()) {
                StringBuilder line = new StringBuilder("| " + size + " | " + backend + " |");
                boolean any = false;
                for (String op : names) {
                    Optional<Result> r = only.find(Results.OPERATION + op, "backend", backend, size);
                    any |= r.isPresent();
                    line.append(' ').append(r.map(x -> marked(x) + (Double.isNaN(x.alloc()) ? "" : " (" + bytes(x.alloc()) + ")"))
                            .orElse("")).append(" |");
                }
                if (any) {
                    md.append(line).append('\n');
                }
            }
        }
        md.append('\n');
    }

    static void training(Results results, StringBuilder md) {
        List<Result> train = results.named(Results.TRAIN);
        if (train.isEmpty()) {
            return;
        }
        md.append("## The whole tutorial in a warm JVM (Trainer.train, study-hours, 1,000 online epochs, w₀ = 0.1)\n\n");
        md.append("| backend | µs | ± | B/op |\n| --- | ---: | ---: | ---: |\n");
        for (Result r : train) {
            md.append("| ").append(r.param("backend")).append(" | ").append(num(r.median() / 1e3))
                    .append(r.noisy() ? " (noisy)" : "").append(" | ")
                    .append(num(r.error() / 1e3)).append(" | ").append(bytes(r.alloc())).append(" |\n");
        }
        md.append('\n');
    }
}
