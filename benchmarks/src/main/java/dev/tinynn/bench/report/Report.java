package dev.tinynn.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one benchmark run into {@code report.md} and its PNG charts. It reads JMH's JSON
 * ({@link Results}) and the peers' JSON ({@link Peers}, {@link NetworkPeers}), and writes, in order:
 * the verdict ({@link Verdict}), the machine, the tables ({@link Tables}, {@link NetworkSweep}), the
 * targets ({@link Targets}), and the charts ({@link ReportCharts}, {@link NetworkSweep#chart}).
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.tinynn.bench.report.Report \
 *       jmh.json[,more.json] numpy.json|- OUTDIR [machine.txt] [sklearn.json|-] [network-peers.json[,more.json]|-]
 * </pre>
 */
public final class Report {
    private Report() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: Report JMH.json[,MORE.json] NUMPY.json|- OUTDIR [MACHINE.txt] [SKLEARN.json|-]"
                    + " [NETWORK-PEERS.json[,MORE.json]|-]");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        Results results = Results.read(Arrays.stream(args[0].split(",")).map(Path::of).toList());
        Peers peers = Peers.read(args[1], args.length > 4 ? args[4] : "-");
        NetworkPeers networkPeers = NetworkPeers.read(args.length > 5 ? args[5] : "-");
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        String machine = args.length > 3 && Files.exists(Path.of(args[3])) ? Files.readString(Path.of(args[3])) : "";
        NetworkSweep sweep = new NetworkSweep(results, networkPeers);
        Files.writeString(out.resolve("report.md"), markdown(results, peers, sweep, machine));
        ReportCharts.timeVsSize(results, peers).ifPresent(c -> ReportCharts.save(c, out.resolve("time-vs-size.png")));
        ReportCharts.overhead(results).ifPresent(c -> ReportCharts.save(c, out.resolve("overhead.png")));
        sweep.chart().ifPresent(c -> ReportCharts.save(c, out.resolve(NETWORK_CHART)));
        System.out.println("wrote " + out.resolve("report.md") + ", time-vs-size.png, overhead.png"
                + (sweep.chart().isPresent() ? ", " + NETWORK_CHART : ""));
    }

    /** The network sweep's log-log chart, linked from the report. */
    static final String NETWORK_CHART = "network-time-vs-width.png";

    static String markdown(Results results, Peers peers, String machine) {
        return markdown(results, peers, new NetworkSweep(results, NetworkPeers.none()), machine);
    }

    static String markdown(Results results, Peers peers, NetworkSweep sweep, String machine) {
        List<Targets.Target> targets = new java.util.ArrayList<>(sweep.targets());
        targets.addAll(Targets.check(results, peers));
        StringBuilder md = new StringBuilder("# tinynn benchmark report\n\n");
        md.append("## Verdict\n\n");
        sweep.verdict(md);
        Verdict.markdown(results, peers, targets, md);
        if (!machine.isBlank()) {
            md.append("## Machine\n\n```\n").append(machine.strip()).append("\n```\n\n");
        }
        sweep.tables(md);
        if (sweep.chart().isPresent()) {
            md.append("![epoch time against width, log-log](").append(NETWORK_CHART).append(")\n\n");
        }
        Tables.epochs(results, peers, md);
        Tables.bandwidth(results, md);
        Tables.online(results, peers, md);
        Tables.operations(results, md);
        Tables.training(results, md);
        Targets.markdown(targets, md);
        md.append("The `fast` backend has no raw floor of its own: its library is Java arrays, whose raw floor is"
                + " `raw floor plain`.\n");
        return md.toString();
    }
}
