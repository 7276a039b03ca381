package dev.tinynn.bench.report;

import static dev.tinynn.bench.report.Format.ratio;
import static dev.tinynn.bench.report.Format.time;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The few lines at the top of the report, written from the run's own numbers: which backend or
 * peer is fastest at each size and why, in one line, and which backend to pick for what.
 */
final class Verdict {
    /** Below this many input values (n·d) an epoch is a few hundred operations and per-call costs decide. */
    static final long SMALL = 10_000;

    private Verdict() {
    }

    /** A contender at one size: a tinynn backend, Deeplearning4j or NumPy. */
    private record Entry(String name, double ns) {
    }

    static void markdown(Results results, Peers peers, List<Targets.Target> targets, StringBuilder md) {
        for (String size : results.sizes()) {
            List<Entry> entries = new ArrayList<>();
            results.named(Results.EPOCH).stream().filter(r -> r.param("size").equals(size))
                    .forEach(r -> entries.add(new Entry("tinynn " + r.param("backend"), r.median())));
            results.named(Results.DL4J).stream().filter(r -> r.param("size").equals(size))
                    .forEach(r -> entries.add(new Entry("Deeplearning4j", r.median())));
            Double numpy = peers.numpy().get(size);
            if (numpy != null) {
                entries.add(new Entry("NumPy", numpy));
            }
            if (entries.size() < 2) {
                continue;
            }
            entries.sort(Comparator.comparingDouble(Entry::ns));
            Entry first = entries.get(0);
            Entry second = entries.get(1);
            long values = elements(size);
            md.append("- **").append(size.replace("x", " × ")).append("**: ").append(first.name()).append(" is fastest (")
                    .append(time(first.ns())).append(", ").append(ratio(second.ns() / first.ns())).append(" ahead of ")
                    .append(second.name()).append("). ")
                    .append(values <= SMALL
                            ? "Per-call overhead decides: the arithmetic is a few hundred operations, less than one call"
                                    + " into native code (ND4J's JNI, NumPy's Python dispatch) costs."
                            : "Passes over memory decide: X is " + megabytes(size) + ", and the fused `fast` epoch reads it"
                                    + " once on every core where the others read it twice or more on one.")
                    .append('\n');
        }
        long missed = targets.stream().filter(t -> t.status() != Targets.Status.MET).count();
        md.append("- **Which to pick for one neuron**: `plain` to read and learn from (the reference, one loop per step); `fast` for large"
                + " data (one pass, all cores); `ejml` and `nd4j` to see the same neuron in their library's idiom, not for"
                + " speed.\n");
        md.append("- **Targets**: ").append(targets.size() - missed).append(" of ").append(targets.size())
                .append(" met; each one not met says why in the Targets table.\n\n");
    }

    static long elements(String size) {
        return (long) dev.tinynn.bench.BenchData.rows(size) * dev.tinynn.bench.BenchData.features(size);
    }

    private static String megabytes(String size) {
        double mb = elements(size) * 8 / 1e6;
        return mb >= 1 ? String.format(java.util.Locale.ROOT, "%.0f MB", mb)
                : String.format(java.util.Locale.ROOT, "%.0f KB", mb * 1e3);
    }
}
