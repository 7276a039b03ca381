package dev.tinynn.bench.report;

import static dev.tinynn.bench.report.Format.bytes;
import static dev.tinynn.bench.report.Format.num;
import static dev.tinynn.bench.report.Format.percent;
import static dev.tinynn.bench.report.Format.ratio;
import static dev.tinynn.bench.report.Format.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The performance targets, each checked against one run: met, missed, or "within noise" (missed,
 * but the error bar reaches the target), and for every target not met one line saying by how much
 * and what bounds it.
 */
final class Targets {
    /** What the fast backend's epoch at 4 × 1 took before the fused epoch (benchmarks/results/quiet). */
    static final double FAST_TUTORIAL_BEFORE_NS = 100;

    private Targets() {
    }

    enum Status {
        MET("yes"), NOISE("within noise"), MISSED("**no**");

        final String text;

        Status(String text) {
            this.text = text;
        }

        /** Met if {@code ok}; otherwise within noise if {@code reachable} (the error bar reaches the target). */
        static Status of(boolean ok, boolean reachable) {
            return ok ? MET : reachable ? NOISE : MISSED;
        }
    }

    /** One target: what it asks, what was measured, whether it was met, and why not. */
    record Target(String name, String measured, Status status, String reason) {
    }

    static List<Target> check(Results results, Peers peers) {
        List<Target> targets = new ArrayList<>();
        fused(results, peers, targets);
        for (String size : results.sizes()) {
            for (String backend : results.backends(Results.EPOCH)) {
                Optional<Result> epoch = results.epoch(backend, size);
                Optional<Result> raw = results.rawFloor(backend, size);
                if (epoch.isPresent() && raw.isPresent()) {
                    Result e = epoch.get();
                    Result f = raw.get();
                    double over = e.median() / f.median() - 1;
                    targets.add(new Target("abstraction ≤ 10% over raw floor: " + backend + ' ' + size, percent(over),
                            Status.of(over <= 0.10, e.median() - e.error() <= 1.10 * (f.median() + f.error())),
                            "tinynn's epoch costs " + time(e.median() - f.median()) + " more than the same library's"
                                    + " shortest hand-written epoch: "
                                    + (e.median() < 100_000 ? "the Workspace calls and their checks, per call, weigh at this size"
                                            : "extra passes over memory that the hand-written epoch does not make")));
                }
            }
        }
        for (String size : results.sizes()) {
            Optional<Result> best = results.fastestEpoch(size);
            Double numpy = peers.numpy().get(size);
            if (best.isPresent() && numpy != null) {
                Result b = best.get();
                targets.add(new Target("fastest tinynn backend ≤ NumPy's best at " + size,
                        b.param("backend") + ' ' + num(b.median()) + " vs " + num(numpy) + " (" + ratio(b.median() / numpy) + ")",
                        Status.of(b.median() <= numpy, b.median() - b.error() <= numpy),
                        "at this size the epoch is " + (b.median() < 20_000
                                ? "a handful of arithmetic operations and NumPy's per-call cost is all there is; tinynn should win"
                                : "bound by its arithmetic per row, which NumPy's vectorised exp/log do faster")));
            }
        }
        results.epoch("nd4j", "4x1").ifPresent(r -> targets.add(new Target("nd4j epoch at 4x1 ≤ 35 µs", num(r.median()) + " ns",
                Status.of(r.median() <= 35_000, r.median() - r.error() <= 35_000),
                "each ND4J operation is a JNI call into libnd4j, several per epoch")));
        Optional<Result> plainTiny = results.epoch("plain", "4x1");
        Optional<Result> single = results.find(Results.SINGLE, null, null, "4x1");
        if (plainTiny.isPresent() && single.isPresent()) {
            double r = plainTiny.get().median() / single.get().median();
            targets.add(new Target("plain epoch at 4x1 ≤ 1.5× the single-pass floor",
                    num(plainTiny.get().median()) + " vs " + num(single.get().median()) + " = " + ratio(r),
                    Status.of(r <= 1.5, plainTiny.get().overlaps(single.get())),
                    "plain makes six passes over its buffers where the floor makes one"));
        }
        for (String backend : List.of("plain", "ejml", "fast")) {
            allocation(results, backend).ifPresent(targets::add);
        }
        return targets;
    }

    /** The fused epoch's targets: the bandwidth floor, NumPy at the two large sizes, and the tutorial's size. */
    private static void fused(Results results, Peers peers, List<Target> targets) {
        Optional<Result> floor = results.find(Results.BANDWIDTH_ALL_CORES, null, null, null);
        Optional<Result> big = results.epoch("fast", "1000000x16");
        if (floor.isPresent() && big.isPresent()) {
            Result f = floor.get();
            Result e = big.get();
            double r = e.median() / f.median();
            targets.add(new Target("fast at 1000000x16 ≤ 1.5× the bandwidth floor (all cores)",
                    num(e.median()) + " vs " + num(f.median()) + " = " + ratio(r),
                    Status.of(r <= 1.5, e.median() - e.error() <= 1.5 * (f.median() + f.error())),
                    "missed by " + ratio(r / 1.5) + ": the fused epoch reads X once, but its arithmetic per row (z's"
                            + " multiply-adds and the sum of their lanes, e^x, g's multiply-adds) takes " + time((e.median() - f.median()) / 1e6 * Runtime.getRuntime().availableProcessors())
                            + " per row per core beyond the read: compute-bound, not memory-bound"));
        }
        for (String[] target : new String[][] {{"1000000x16", "2.5"}, {"100000x16", "2"}}) {
            Optional<Result> fast = results.epoch("fast", target[0]);
            Double numpy = peers.numpy().get(target[0]);
            if (fast.isPresent() && numpy != null) {
                double want = Double.parseDouble(target[1]);
                Result e = fast.get();
                double faster = numpy / e.median();
                targets.add(new Target("fast ≥ " + target[1] + "× faster than NumPy's best at " + target[0],
                        num(e.median()) + " vs " + num(numpy) + ": " + ratio(faster) + " faster",
                        Status.of(faster >= want, numpy / Math.max(e.median() - e.error(), 1) >= want),
                        "missed by " + ratio(want / faster) + ": fast's epoch is bound by its per-row arithmetic (each"
                                + " row's dot product ends in its lanes, extracted and added one by one in a fixed order), NumPy's by its"
                                + " passes over memory"));
            }
        }
        results.epoch("fast", "4x1").ifPresent(e -> targets.add(new Target(
                "fast at 4x1 no slower than before the fused epoch (" + num(FAST_TUTORIAL_BEFORE_NS) + " ns)",
                num(e.median()) + " ns", Status.of(e.median() <= FAST_TUTORIAL_BEFORE_NS,
                        e.median() - e.error() <= FAST_TUTORIAL_BEFORE_NS),
                "slower by " + time(e.median() - FAST_TUTORIAL_BEFORE_NS)
                        + ": at four rows the epoch is a few dozen operations, and the fused epoch's block and chunk bookkeeping shows")));
    }

    /**
     * 0 B per epoch beyond JMH's own bytes per iteration, measured in the same run
     * ({@link Results#allocatesNothing}; the network's epochs are judged by the same rule).
     */
    private static Optional<Target> allocation(Results results, String backend) {
        StringBuilder worst = new StringBuilder();
        boolean met = true;
        boolean any = false;
        for (Result r : results.named(Results.EPOCH)) {
            if (!r.param("backend").equals(backend) || Double.isNaN(r.alloc())) {
                continue;
            }
            any = true;
            met &= results.allocatesNothing(r);
            if (r.alloc() >= 1) {
                worst.append(worst.length() == 0 ? "" : "; ").append(r.param("size")).append(": ")
                        .append(bytes(r.alloc())).append(" (JMH's share ").append(bytes(results.harnessShare(r))).append(')');
            }
        }
        if (!any) {
            return Optional.empty();
        }
        return Optional.of(new Target(backend + " epoch allocates 0 B/op beyond JMH's own per-iteration share",
                worst.length() == 0 ? "0 at every size" : "0 where an iteration has many epochs; " + worst,
                Status.of(met, false),
                backend.equals("fast") ? "the parallel epoch's hand-off of each extra core's block allocates" : "allocation beyond JMH's share at the sizes listed"));
    }

    static void markdown(List<Target> targets, StringBuilder md) {
        md.append("## Targets\n\n");
        md.append("| target | measured | met | why not |\n| --- | --- | --- | --- |\n");
        for (Target t : targets) {
            md.append("| ").append(t.name()).append(" | ").append(t.measured()).append(" | ").append(t.status().text)
                    .append(" | ").append(t.status() == Status.MET ? "" : t.reason()).append(" |\n");
        }
        md.append('\n');
    }
}
