package dev.tinynn.bench.report;

import static dev.tinynn.bench.report.Format.bytes;
import static dev.tinynn.bench.report.Format.gflops;
import static dev.tinynn.bench.report.Format.num;
import static dev.tinynn.bench.report.Format.ratio;
import static dev.tinynn.bench.report.Format.time;

import dev.tinynn.bench.Networks;
import dev.tinynn.bench.report.Targets.Status;
import dev.tinynn.bench.report.Targets.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The network sweep of one run (issue 23): a batch epoch of d → H → 1 at every width, for each
 * tinynn backend, ND4J's raw floor, Deeplearning4j and the Python peers; the dgemm ceilings; the
 * crossover widths; the targets; the verdict's opening paragraph; the log-log chart.
 */
final class NetworkSweep {
    /** The rows of the width sweep. */
    static final int SWEEP_ROWS = 10_000;
    /** The matrix size of the ceiling the widest network is held to. */
    static final int CEILING_N = 1024;
    /** The tinynn backends, in the order tables list them. */
    static final List<String> BACKENDS = List.of("plain", "ejml", "nd4j", "nd4j-default", "fast");

    private final Results results;
    private final NetworkPeers peers;

    NetworkSweep(Results results, NetworkPeers peers) {
        this.results = results;
        this.peers = peers;
    }

    /** One contender at one network: a tinynn backend, a floor, Deeplearning4j or a Python peer. */
    record Entry(String name, String kind, double ns, Result result) {
        double error() {
            return result == null ? Double.NaN : result.error();
        }

        double alloc() {
            return result == null ? Double.NaN : result.alloc();
        }
    }

    /** A dgemm ceiling: who, at which n, GFLOP/s. */
    record Ceiling(String label, int n, double gflops) {
    }

    /** Whether the run has any network figures at all. */
    boolean any() {
        return !nets().isEmpty();
    }

    /** Every network with a figure, in the order of {@link Networks#BATCH} (others after, by flops). */
    List<String> nets() {
        Set<String> present = new LinkedHashSet<>();
        for (Result r : results.all()) {
            if (r.benchmark().equals(Results.NET_EPOCH) || r.benchmark().equals(Results.NET_FLOOR)
                    || r.benchmark().equals(Results.NET_DL4J)) {
                present.add(r.param("net"));
            }
        }
        peers.batch().values().forEach(m -> present.addAll(m.keySet()));
        List<String> sorted = new ArrayList<>(Networks.BATCH.stream().filter(present::contains).toList());
        present.stream().filter(n -> !sorted.contains(n)).sorted(Comparator.comparingDouble(Networks::flops)).forEach(sorted::add);
        return sorted;
    }

    /** The networks of the width sweep (n = 10,000), narrowest first. */
    List<String> sweep() {
        return nets().stream().filter(n -> !n.equals("xor") && Networks.rows(n) == SWEEP_ROWS)
                .sorted(Comparator.comparingInt(Networks::width)).toList();
    }

    Optional<Result> epoch(String backend, String net) {
        return results.all().stream().filter(r -> r.benchmark().equals(Results.NET_EPOCH)
                && r.param("backend").equals(backend) && r.param("net").equals(net)).findFirst();
    }

    Optional<Result> floor(String library, String net) {
        return results.all().stream().filter(r -> r.benchmark().equals(Results.NET_FLOOR)
                && r.param("library").equals(library) && r.param("net").equals(net)).findFirst();
    }

    /** Every contender at a network, fastest first. */
    List<Entry> entries(String net) {
        List<Entry> entries = new ArrayList<>();
        for (Result r : results.all()) {
            if (!r.param("net").equals(net)) {
                continue;
            }
            switch (r.benchmark()) {
                case Results.NET_EPOCH -> entries.add(new Entry("tinynn " + r.param("backend"), "tinynn", r.median(), r));
                case Results.NET_FLOOR -> entries.add(new Entry("raw floor " + r.param("library"), "raw", r.median(), r));
                case Results.NET_DL4J -> entries.add(new Entry("Deeplearning4j", "peer", r.median(), r));
                default -> {
                }
            }
        }
        peers.batch().forEach((peer, times) -> {
            Double ns = times.get(net);
            if (ns != null) {
                entries.add(new Entry(peer, "peer", ns, null));
            }
        });
        entries.sort(Comparator.comparingDouble(Entry::ns));
        return entries;
    }

    /** The fastest tinynn backend at a network. */
    Optional<Entry> best(String net) {
        return entries(net).stream().filter(e -> e.kind().equals("tinynn")).findFirst();
    }

    /** A peer's time at a network ("Deeplearning4j", "NumPy", "PyTorch", "scikit-learn"). */
    Optional<Double> peer(String name, String net) {
        return entries(net).stream().filter(e -> e.name().equals(name)).map(Entry::ns).findFirst();
    }

    /** ND4J through tinynn at a network: the faster of one thread and all cores. */
    Optional<Result> nd4j(String net) {
        return BACKENDS.stream().filter(b -> b.startsWith("nd4j")).map(b -> epoch(b, net)).flatMap(Optional::stream)
                .min(Comparator.comparingDouble(Result::median));
    }

    static double gflopsOf(String net, double ns) {
        return Networks.flops(net) / ns;
    }

    /** Every dgemm figure of the run: JMH's (ND4J, EJML, the loop) and NumPy's `@`, at each n. */
    List<Ceiling> ceilings() {
        List<Ceiling> all = new ArrayList<>();
        for (Result r : results.named(Results.DGEMM)) {
            int n = Integer.parseInt(r.param("n"));
            String label = switch (r.param("library")) {
                case "nd4j-default" -> "ND4J `mmuli` (OpenBLAS), all cores";
                case "nd4j" -> "ND4J `mmuli` (OpenBLAS), one thread";
                case "ejml" -> "EJML `CommonOps_DDRM.mult`, one thread";
                case "plain" -> "plain i-k-j loop, one thread";
                default -> r.param("library");
            };
            all.add(new Ceiling(label, n, 2.0 * n * n * n / r.median()));
        }
        peers.dgemm().forEach((label, sizes) -> sizes.forEach((n, rates) -> {
            all.add(new Ceiling(label + ", all cores", Integer.parseInt(n), rates[0]));
            all.add(new Ceiling(label + ", one thread", Integer.parseInt(n), rates[1]));
        }));
        return all;
    }

    /** The hardware's ceiling at n: the best of ND4J's `mmuli` and NumPy's `@`, any thread count. */
    Optional<Ceiling> ceiling(int n) {
        return ceilings().stream().filter(c -> c.n() == n && (c.label().startsWith("ND4J") || c.label().startsWith("NumPy")))
                .max(Comparator.comparingDouble(Ceiling::gflops));
    }

    Optional<Ceiling> ceiling(String prefix, int n) {
        return ceilings().stream().filter(c -> c.n() == n && c.label().startsWith(prefix))
                .max(Comparator.comparingDouble(Ceiling::gflops));
    }

    // ---- crossovers ----------------------------------------------------------------------------

    /**
     * Where {@code to} overtakes {@code from} in the sweep: the narrowest width from which {@code to}
     * is faster at that width and every wider one measured.
     *
     * @param width the first width of that run
     * @param below the widest measured width below it (0 if {@code to} was faster at every width)
     * @param ratio how many times faster {@code to} is at {@code width}
     */
    record Crossover(String from, String to, int width, int below, double ratio) {
        String text() {
            return below == 0 ? to + " is faster than " + (from.equals("loop") ? "the loop" : from) + " at every width measured ("
                    + Format.ratio(ratio) + " at H = " + width + ")"
                    : from + " → " + to + " between H = " + below + " and H = " + width + " (" + to + " " + Format.ratio(ratio)
                            + " faster at " + width + ")";
        }
    }

    Optional<Double> timeOf(String contender, String net) {
        return switch (contender) {
            case "loop" -> epoch("plain", net).map(Result::median);
            case "EJML" -> epoch("ejml", net).map(Result::median);
            case "ND4J" -> nd4j(net).map(Result::median);
            default -> epoch(contender, net).map(Result::median);
        };
    }

    Optional<Crossover> crossover(String from, String to) {
        List<String> widths = sweep().stream().filter(n -> timeOf(from, n).isPresent() && timeOf(to, n).isPresent()).toList();
        if (widths.isEmpty()) {
            return Optional.empty();
        }
        int start = widths.size();
        while (start > 0 && timeOf(to, widths.get(start - 1)).get() < timeOf(from, widths.get(start - 1)).get()) {
            start--;
        }
        if (start == widths.size()) {
            return Optional.empty();
        }
        String net = widths.get(start);
        return Optional.of(new Crossover(from, to, Networks.width(net), start == 0 ? 0 : Networks.width(widths.get(start - 1)),
                timeOf(from, net).get() / timeOf(to, net).get()));
    }

    List<String> crossovers() {
        List<String> lines = new ArrayList<>();
        for (String[] pair : new String[][] {{"loop", "EJML"}, {"EJML", "ND4J"}, {"loop", "ND4J"}}) {
            lines.add(crossover(pair[0], pair[1]).map(Crossover::text).orElseGet(() -> noCrossover(pair[0], pair[1])));
        }
        return lines;
    }

    /** When {@code to} does not stay ahead of {@code from} up to the widest width: the widths where it is ahead, if any. */
    private String noCrossover(String from, String to) {
        List<String> ahead = sweep().stream()
                .filter(n -> timeOf(from, n).isPresent() && timeOf(to, n).isPresent())
                .filter(n -> timeOf(to, n).get() < timeOf(from, n).get())
                .map(n -> Integer.toString(Networks.width(n))).toList();
        return ahead.isEmpty() ? to + " never overtakes " + from + " in the widths measured"
                : to + " is faster than " + (from.equals("loop") ? "the loop" : from) + " at H = " + String.join(", ", ahead)
                        + " but not at the widest measured, so there is no width from which it stays ahead";
    }

    // ---- targets ---------------------------------------------------------------------------------

    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        String widest = SWEEP_ROWS + "x" + CEILING_N;
        Optional<Entry> best = best(widest);
        Optional<Ceiling> ceiling = ceiling(CEILING_N);
        if (best.isPresent() && ceiling.isPresent()) {
            double rate = gflopsOf(widest, best.get().ns());
            double share = rate / ceiling.get().gflops();
            Optional<Ceiling> nd4j = ceiling("ND4J", CEILING_N);
            Optional<Ceiling> numpy = ceiling("NumPy", CEILING_N);
            boolean nd4jBehind = nd4j.isPresent() && numpy.isPresent() && nd4j.get().gflops() < 0.7 * numpy.get().gflops();
            String passes = "the epoch's element-wise passes (the sigmoids, their slopes, Δ₁) and the small products add"
                    + " to the two big ones, and every step is a separate pass over n×H values";
            String bound;
            if (best.get().name().contains("nd4j") && nd4jBehind) {
                bound = "ND4J's bundled OpenBLAS bounds it: its raw `mmuli` reaches " + gflops(nd4j.get().gflops())
                        + " GFLOP/s (" + nd4j.get().label() + ") against NumPy's `@` " + gflops(numpy.get().gflops()) + " ("
                        + numpy.get().label() + "); " + best.get().name() + " reaches "
                        + String.format(Locale.ROOT, "%.0f%%", 100 * rate / nd4j.get().gflops()) + " of ND4J's own";
            } else if (best.get().name().contains("fast")) {
                bound = "fast's own kernel bounds it: pure Java, blocked in registers (4 rows × 2 vectors) and cache, without"
                        + " a BLAS kernel's packed panels and hand-scheduled instructions; and " + passes
                        + (nd4jBehind ? ". The library that could close the gap does not here: ND4J's raw `mmuli` reaches "
                                + gflops(nd4j.get().gflops()) + " GFLOP/s (" + nd4j.get().label() + ")" : "");
            } else {
                bound = passes;
            }
            targets.add(new Target("at H = d = 1024, tinynn's best backend ≥ 70% of the better dgemm ceiling",
                    best.get().name() + ' ' + gflops(rate) + " GFLOP/s vs " + gflops(ceiling.get().gflops()) + " ("
                            + ceiling.get().label() + ") = " + String.format(Locale.ROOT, "%.0f%%", 100 * share),
                    Status.of(share >= 0.70, best.get().result() != null && gflopsOf(widest,
                            best.get().ns() - best.get().error()) >= 0.70 * ceiling.get().gflops()),
                    "missed by " + ratio(0.70 / share) + ": " + bound));
        }
        for (String library : List.of("nd4j", "nd4j-default")) {
            double worst = 0;
            String where = "";
            boolean reachable = true;
            int count = 0;
            for (String net : nets()) {
                Optional<Result> e = epoch(library, net);
                Optional<Result> f = floor(library, net);
                if (e.isPresent() && f.isPresent()) {
                    count++;
                    double r = e.get().median() / f.get().median();
                    reachable &= e.get().median() - e.get().error() <= 1.25 * (f.get().median() + f.get().error());
                    if (r > worst) {
                        worst = r;
                        where = net;
                    }
                }
            }
            if (count > 0) {
                targets.add(new Target(library + " network epoch ≤ 1.25× ND4J's raw floor at every network",
                        "worst " + ratio(worst) + " at " + where + " (" + count + " networks)", Status.of(worst <= 1.25, reachable),
                        "at " + where + " tinynn's epoch makes calls the floor does not (the SPI's steps one by one: separate"
                                + " passes for the bias, the slope and the mean, each an ND4J op with its own set-up)"));
            }
        }
        String mid = SWEEP_ROWS + "x256";
        Optional<Result> fast = epoch("fast", mid);
        Optional<Ceiling> mmul256 = ceiling("ND4J `mmuli` (OpenBLAS), all cores", 256);
        if (fast.isPresent() && mmul256.isPresent()) {
            double share = gflopsOf(mid, fast.get().median()) / mmul256.get().gflops();
            targets.add(new Target("fast ≥ 40% of ND4J's raw `mmuli` (all cores) at H = d = 256",
                    gflops(gflopsOf(mid, fast.get().median())) + " vs " + gflops(mmul256.get().gflops()) + " GFLOP/s = "
                            + String.format(Locale.ROOT, "%.0f%%", 100 * share),
                    Status.of(share >= 0.40, gflopsOf(mid, fast.get().median() - fast.get().error()) >= 0.40 * mmul256.get().gflops()),
                    "missed by " + ratio(0.40 / share) + ": a Java kernel of vector lanes and cache blocks against OpenBLAS's"
                            + " hand-written assembly (register tiles, packed panels, prefetching)"));
        }
        List<String> losses = new ArrayList<>();
        boolean any = false;
        for (String net : nets()) {
            if (net.equals("xor") || Networks.width(net) < 16) {
                continue;
            }
            Optional<Result> f = epoch("fast", net);
            Optional<Result> e = epoch("ejml", net);
            if (f.isPresent() && e.isPresent()) {
                any = true;
                if (f.get().median() >= e.get().median()) {
                    losses.add(net + " (" + ratio(f.get().median() / e.get().median()) + " EJML's time)");
                }
            }
        }
        if (any) {
            targets.add(new Target("fast beats EJML at every width ≥ 16", losses.isEmpty() ? "at every width" : "not at " + String.join(", ", losses),
                    Status.of(losses.isEmpty(), false), "fast's kernel is slower than EJML's blocked product at those widths"));
        }
        peerTargets(targets);
        targets.add(new Target("the crossover widths (loop → EJML → ND4J) reported, with the log-log chart",
                String.join("; ", crossovers()), Status.of(!sweep().isEmpty(), false),
                "the run has no network sweep at n = 10,000"));
        for (String backend : List.of("plain", "ejml", "fast")) {
            allocation(backend).ifPresent(targets::add);
        }
        return targets;
    }

    /** Target 4: no slower than PyTorch and NumPy anywhere; ≥ 10× at XOR and H ≤ 16; ≥ 5× DL4J everywhere. */
    private void peerTargets(List<Target> targets) {
        for (String[] rule : new String[][] {{"NumPy,PyTorch", "1", "all"}, {"NumPy,PyTorch", "10", "small"},
                {"Deeplearning4j", "5", "all"}}) {
            double want = Double.parseDouble(rule[1]);
            List<String> misses = new ArrayList<>();
            double worst = Double.MAX_VALUE;
            String worstAt = "";
            int count = 0;
            for (String net : nets()) {
                if (rule[2].equals("small") && !net.equals("xor") && Networks.width(net) > 16) {
                    continue;
                }
                Optional<Entry> best = best(net);
                if (best.isEmpty()) {
                    continue;
                }
                for (String peer : rule[0].split(",")) {
                    Optional<Double> ns = peer(peer, net);
                    if (ns.isPresent()) {
                        count++;
                        double faster = ns.get() / best.get().ns();
                        if (faster < worst) {
                            worst = faster;
                            worstAt = peer + " at " + net;
                        }
                        if (faster < want) {
                            misses.add(peer + " at " + net + " (" + ratio(faster) + ")");
                        }
                    }
                }
            }
            if (count == 0) {
                continue;
            }
            String name = switch (rule[2] + rule[0]) {
                case "allNumPy,PyTorch" -> "tinynn's best no slower than PyTorch and NumPy at any width";
                case "smallNumPy,PyTorch" -> "tinynn's best ≥ 10× faster than PyTorch and NumPy at XOR and H ≤ 16";
                default -> "tinynn's best ≥ 5× faster than Deeplearning4j at every width";
            };
            boolean narrowMiss = misses.stream().anyMatch(m -> m.contains(" at xor ") || narrow(m));
            boolean wideMiss = misses.stream().anyMatch(m -> !m.contains(" at xor ") && !narrow(m));
            targets.add(new Target(name, "peer's time ÷ tinynn's best, least: " + ratio(worst) + " (" + worstAt + "; " + count + " pairs)",
                    Status.of(misses.isEmpty(), false),
                    "missed at " + String.join(", ", misses) + ":"
                            + (narrowMiss ? " where the products are small, tinynn's best pays more per step (its passes and"
                                    + " calls) than the peer's vectorised whole-array operations;" : "")
                            + (wideMiss ? " where they are large, the peer's BLAS runs the products faster than tinynn's best;" : "")
                            + " the network tables show each contender"));
        }
    }

    /** Whether a miss ("PyTorch at 10000x4 (0.09×)") is at a width of 16 or less. */
    private static boolean narrow(String miss) {
        String net = miss.substring(miss.indexOf(" at ") + 4, miss.indexOf(" ("));
        return !net.equals("xor") && Networks.width(net) <= 16;
    }

    /**
     * 0 B per epoch beyond JMH's own bytes ({@link Results#allocatesNothing}). Without a raw floor in
     * the run, only epochs short enough for JMH's share to round to 0 B are judged.
     */
    private Optional<Target> allocation(String backend) {
        double harness = results.harnessBytesPerNs();
        List<String> over = new ArrayList<>();
        int judged = 0;
        for (String net : nets()) {
            Optional<Result> r = epoch(backend, net);
            if (r.isEmpty() || Double.isNaN(r.get().alloc())) {
                continue;
            }
            if (!Double.isNaN(harness) || r.get().median() <= 1e6) {
                judged++;
                if (!results.allocatesNothing(r.get())) {
                    over.add(net + ": " + bytes(r.get().alloc()) + " B (JMH's share " + bytes(results.harnessShare(r.get()))
                            + " B)");
                }
            }
        }
        if (judged == 0) {
            return Optional.empty();
        }
        String measured = over.isEmpty()
                ? (Double.isNaN(harness) ? "0 B at each of the " + judged + " networks"
                        : "within JMH's own bytes at each of the " + judged + " networks (its share: "
                                + bytes(harness * 1e9) + " B per second of iteration, the plain raw floor's)")
                : String.join("; ", over);
        return Optional.of(new Target(backend + " network epoch allocates 0 B/op beyond JMH's own per-iteration share",
                measured, Status.of(over.isEmpty(), false),
                "the epoch allocates: a buffer or a boxed value per call"));
    }

    // ---- markdown ----------------------------------------------------------------------------------

    /** The verdict's opening paragraph: which backend to use for a network of a given width, and why. */
    void verdict(StringBuilder md) {
        List<String> sweep = sweep();
        if (sweep.isEmpty()) {
            return;
        }
        List<String[]> runs = new ArrayList<>(); // {backend, from width, to width}
        for (String net : sweep) {
            Optional<Entry> best = best(net);
            if (best.isEmpty()) {
                continue;
            }
            String name = best.get().name().substring("tinynn ".length());
            String width = Integer.toString(Networks.width(net));
            if (!runs.isEmpty() && runs.get(runs.size() - 1)[0].equals(name)) {
                runs.get(runs.size() - 1)[2] = width;
            } else {
                runs.add(new String[] {name, width, width});
            }
        }
        if (runs.isEmpty()) {
            return;
        }
        md.append("**For a network on a machine like this** (one hidden layer of H sigmoid units on H features, 10,000 rows): use ");
        for (int k = 0; k < runs.size(); k++) {
            String[] run = runs.get(k);
            md.append(k == 0 ? "" : k == runs.size() - 1 ? ", and " : ", ").append('`').append(run[0]).append('`')
                    .append(run[1].equals(run[2]) ? " at H = " + run[1] : " for H = " + run[1] + " to " + run[2]);
        }
        md.append('.');
        if (runs.stream().anyMatch(r -> r[0].equals("nd4j-default"))) {
            md.append(" (`nd4j-default` is the nd4j backend on every core:"
                    + " `TINYNN_JAVA_OPTS=-Dtinynn.nd4j.threads=$(nproc) ./tinynn …`; tinynn's default is one thread.)");
        }
        md.append(" Because: ");
        String narrow = sweep.get(0);
        String wide = sweep.get(sweep.size() - 1);
        epoch("plain", narrow).ifPresent(p -> nd4j(narrow).ifPresent(n -> md.append("at H = ").append(Networks.width(narrow))
                .append(p.median() <= n.median()
                        ? " an epoch is small products, and a library call costs more than the arithmetic (the loop "
                        : " the products are small, yet ND4J's calls already cost less than the loop's passes (the loop ")
                .append(time(p.median())).append(", ND4J ").append(time(n.median())).append("); ")));
        best(wide).ifPresent(b -> {
            md.append("at H = ").append(Networks.width(wide)).append(" it is matrix × matrix, where a BLAS kernel reuses every value it")
                    .append(" loads many times (").append(b.name()).append(' ').append(gflops(gflopsOf(wide, b.ns()))).append(" GFLOP/s");
            ceiling(CEILING_N).ifPresent(c -> md.append(", this machine's dgemm ceiling ").append(gflops(c.gflops())));
            epoch("plain", wide).ifPresent(p -> md.append(", the loop ").append(gflops(gflopsOf(wide, p.median()))));
            md.append("). ");
        });
        md.append("Crossovers in this run: ").append(String.join("; ", crossovers())).append('.');
        if (nets().contains("xor")) {
            best("xor").ifPresent(b -> {
                md.append(" The tutorial's XOR net (4 rows, H = 4): ").append(b.name()).append(", ").append(time(b.ns()));
                peer("PyTorch", "xor").ifPresent(t -> md.append(", ").append(ratio(t / b.ns())).append(" faster than PyTorch"));
                md.append('.');
            });
        }
        md.append("\n\n");
    }

    void tables(StringBuilder md) {
        if (!any() && ceilings().isEmpty()) {
            return;
        }
        md.append("## The network: one batch epoch of d → H → 1, sigmoid, cross-entropy\n\n");
        md.append("Networks are `n x w`: n rows of w features, w hidden units (d = H = w); `xor` is XOR's 4 rows, d = 2,"
                + " H = 4. GFLOP/s counts the epoch's five products, flops = 4·n·d·H + 6·n·H = 2·n·H·(2d + 3)"
                + " (X·W₁ and Xᵀ·Δ₁ 2·n·d·H each; A₁·w₂, A₁ᵀ·δ and δ·w₂ᵀ 2·n·H each), not the element-wise"
                + " work. Every peer was checked to leave tinynn's weights after one epoch (within 1e-9) before it was timed.\n\n");
        for (String line : peers.from()) {
            md.append("- ").append(line).append('\n');
        }
        for (String line : peers.checks()) {
            md.append("- ").append(line).append('\n');
        }
        for (String line : peers.failures()) {
            md.append("- **").append(line).append("**\n");
        }
        md.append('\n');
        summary(md);
        for (String net : nets()) {
            List<Entry> entries = entries(net);
            if (entries.isEmpty()) {
                continue;
            }
            double fastest = entries.get(0).ns();
            md.append("### ").append(net.equals("xor") ? "xor (4 × 2, H = 4)" : net.replace("x", " × ") + ", H = " + Networks.width(net))
                    .append("\n\n| what | ns/epoch | ± | GFLOP/s | B/op | ×fastest | over ND4J's raw floor |\n")
                    .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (Entry e : entries) {
                String over = "";
                if (e.kind().equals("tinynn") && e.name().contains("nd4j")) {
                    over = floor(e.name().substring("tinynn ".length()), net).map(f -> e.result() == null ? ""
                            : Tables.overhead(e.result(), f)).orElse("");
                }
                md.append("| ").append(e.name()).append(" | ").append(e.result() == null ? num(e.ns()) : Format.marked(e.result()))
                        .append(" | ").append(num(e.error())).append(" | ").append(gflops(gflopsOf(net, e.ns()))).append(" | ")
                        .append(bytes(e.alloc())).append(" | ").append(String.format(Locale.ROOT, "%.2f", e.ns() / fastest))
                        .append(" | ").append(over).append(" |\n");
            }
            md.append('\n');
        }
        ceilingTable(md);
        online(md);
    }

    /** One line per contender, one column per network: time per epoch and GFLOP/s. */
    private void summary(StringBuilder md) {
        List<String> nets = nets();
        if (nets.isEmpty()) {
            return;
        }
        List<String> order = names(nets);
        md.append("### Time per epoch (GFLOP/s), every network\n\n| | ")
                .append(nets.stream().map(n -> n.equals("xor") ? "xor" : n.replace("x", "×")).collect(Collectors.joining(" | ")))
                .append(" |\n| --- |").append(" ---: |".repeat(nets.size())).append('\n');
        for (String name : order) {
            md.append("| ").append(name).append(" |");
            for (String net : nets) {
                Optional<Entry> e = entries(net).stream().filter(x -> x.name().equals(name)).findFirst();
                md.append(' ').append(e.map(x -> time(x.ns()) + " (" + gflops(gflopsOf(net, x.ns())) + ")").orElse("")).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    /** Every contender at these networks: tinynn's backends, then the raw floors, then the peers. */
    private List<String> names(List<String> nets) {
        Set<String> names = new LinkedHashSet<>();
        nets.forEach(n -> entries(n).forEach(e -> names.add(e.name())));
        List<String> order = new ArrayList<>(names);
        order.sort(Comparator.comparing((String s) -> !s.startsWith("tinynn")).thenComparing(s -> !s.startsWith("raw")));
        return order;
    }

    private void ceilingTable(StringBuilder md) {
        List<Ceiling> all = ceilings();
        if (all.isEmpty()) {
            return;
        }
        md.append("## The hardware's ceiling: C = A·B, n × n doubles, GFLOP/s = 2·n³ / time\n\n");
        List<Integer> sizes = all.stream().map(Ceiling::n).distinct().sorted().toList();
        md.append("| who | ").append(sizes.stream().map(n -> "n = " + n).collect(Collectors.joining(" | "))).append(" |\n| --- |")
                .append(" ---: |".repeat(sizes.size())).append('\n');
        for (String label : all.stream().map(Ceiling::label).distinct().toList()) {
            md.append("| ").append(label).append(" |");
            for (int n : sizes) {
                md.append(' ').append(all.stream().filter(c -> c.label().equals(label) && c.n() == n).findFirst()
                        .map(c -> gflops(c.gflops())).orElse("")).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private void online(StringBuilder md) {
        List<Result> online = results.named(Results.NET_ONLINE);
        Map<String, Double> torch = peers.online().getOrDefault("PyTorch", Map.of());
        if (online.isEmpty() && torch.isEmpty()) {
            return;
        }
        md.append("## The network, one online epoch (one step per row, in order)\n\n");
        md.append("| network | what | ns/epoch | ± | ×fastest |\n| --- | --- | ---: | ---: | ---: |\n");
        Set<String> nets = new LinkedHashSet<>();
        online.forEach(r -> nets.add(r.param("net")));
        nets.addAll(torch.keySet());
        for (String net : nets.stream().sorted(Comparator.comparingDouble(Networks::flops)).toList()) {
            List<Entry> here = new ArrayList<>();
            online.stream().filter(r -> r.param("net").equals(net))
                    .forEach(r -> here.add(new Entry("tinynn " + r.param("backend"), "tinynn", r.median(), r)));
            Optional.ofNullable(torch.get(net)).ifPresent(ns -> here.add(new Entry("PyTorch, per-row loop", "peer", ns, null)));
            here.sort(Comparator.comparingDouble(Entry::ns));
            for (Entry e : here) {
                md.append("| ").append(net).append(" | ").append(e.name()).append(" | ")
                        .append(e.result() == null ? num(e.ns()) : Format.marked(e.result())).append(" | ").append(num(e.error()))
                        .append(" | ").append(String.format(Locale.ROOT, "%.2f", e.ns() / here.get(0).ns())).append(" |\n");
            }
        }
        md.append('\n');
    }

    // ---- chart -------------------------------------------------------------------------------------

    /** Log-log: epoch time against width at n = 10,000, one line per backend and peer, and the dgemm ceiling. */
    Optional<XYChart> chart() {
        List<String> sweep = sweep();
        if (sweep.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(1000).height(600)
                .title("One batch epoch, " + String.format(Locale.ROOT, "%,d", SWEEP_ROWS) + " rows, d = H: time vs width")
                .xAxisTitle("H = d (hidden units = features)").yAxisTitle("ns per epoch").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (String name : names(sweep)) {
            List<double[]> points = new ArrayList<>();
            for (String net : sweep) {
                entries(net).stream().filter(e -> e.name().equals(name)).findFirst()
                        .ifPresent(e -> points.add(new double[] {Networks.width(net), e.ns()}));
            }
            chart.addSeries(name, points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray())
                    .setMarker(SeriesMarkers.CIRCLE);
        }
        ceiling(CEILING_N).ifPresent(c -> {
            double[] x = sweep.stream().mapToDouble(Networks::width).toArray();
            double[] y = sweep.stream().mapToDouble(n -> Networks.flops(n) / c.gflops()).toArray();
            chart.addSeries("dgemm ceiling, " + gflops(c.gflops()) + " GFLOP/s", x, y)
                    .setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DASH_DASH);
        });
        return Optional.of(chart);
    }
}
