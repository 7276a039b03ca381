package dev.tinynn.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.bench.Networks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network sweep's report from made-up results: crossovers, the verdict's first paragraph, issue 23's targets, the peers' checks. */
class NetworkReportTest {
    private static final int[] WIDTHS = {4, 16, 64, 256, 1024};

    private static Result net(String backend, String net, double ns) {
        return new Result(Results.NET_EPOCH, Map.of("backend", backend, "net", net), ns, ns / 100, 0);
    }

    private static Result dgemm(String library, int n, double gflops) {
        return new Result(Results.DGEMM, Map.of("library", library, "n", Integer.toString(n)), 2.0 * n * n * n / gflops, 0, 0);
    }

    /** plain at 2 GFLOP/s, ejml at 5 from H = 64 (1.5 below), nd4j-default at 60 from H = 256 (1 below), fast at 20 from H = 256 (1.8 below). */
    private static Results sweep() {
        List<Result> all = new ArrayList<>();
        for (int w : WIDTHS) {
            String n = "10000x" + w;
            double flops = Networks.flops(n);
            all.add(net("plain", n, flops / 2));
            all.add(net("ejml", n, w < 64 ? flops / 1.5 : flops / 5));
            all.add(net("nd4j-default", n, w < 256 ? flops / 1 : flops / 60));
            all.add(net("fast", n, w < 256 ? flops / 1.8 : flops / 20));
        }
        all.add(net("plain", "xor", 200));
        all.add(net("fast", "xor", 250));
        all.add(dgemm("nd4j-default", 1024, 80));
        all.add(dgemm("nd4j-default", 256, 40));
        return new Results(all);
    }

    private static NetworkPeers peers(double numpyDgemm) {
        return new NetworkPeers(Map.of("PyTorch", Map.of("xor", 90_000.0, "10000x1024", Networks.flops("10000x1024") / 70)),
                Map.of(), Map.of("NumPy 2.4.6 `@` (openblas 0.3.31 SkylakeX)", Map.of("1024", new double[] {numpyDgemm, 50})),
                List.of("Python 3.11"), List.of("PyTorch: weights within 1.0e-16"), List.of());
    }

    @Test
    void theFlopsOfOneEpochAreTwoNHTimesTwoDPlusThree() {
        assertThat(Networks.flops("10000x1024")).isEqualTo(2.0 * 10_000 * 1024 * (2 * 1024 + 3));
        assertThat(Networks.flops("xor")).isEqualTo(2.0 * 4 * 4 * (2 * 2 + 3));
    }

    @Test
    void theCrossoversAreTheFirstWidthFromWhichTheLibraryStaysFaster() {
        NetworkSweep sweep = new NetworkSweep(sweep(), peers(100));

        assertThat(sweep.crossovers()).containsExactly(
                "loop → EJML between H = 16 and H = 64 (EJML 2.50× faster at 64)",
                "EJML → ND4J between H = 64 and H = 256 (ND4J 12.00× faster at 256)",
                "loop → ND4J between H = 64 and H = 256 (ND4J 30.00× faster at 256)");
    }

    @Test
    void theVerdictOpensWithWhatToUseAtWhichWidthAndWhy() {
        String md = Report.markdown(sweep(), new Peers(Map.of(), "", Map.of(), "", ""), new NetworkSweep(sweep(), peers(100)), "");

        String verdict = md.substring(md.indexOf("## Verdict"));
        assertThat(verdict).startsWith("## Verdict\n\n**For a network on a machine like this** (one hidden layer of H sigmoid units"
                + " on H features, 10,000 rows): use `plain` for H = 4 to 16, `ejml` at H = 64, and `nd4j-default` for H = 256 to 1024."
                + " (`nd4j-default` is the nd4j backend on every core: `TINYNN_JAVA_OPTS=-Dtinynn.nd4j.threads=$(nproc)"
                + " ./tinynn …`; tinynn's default is one thread.) Because: at H = 4 an epoch is small products");
        assertThat(verdict).contains("Crossovers in this run: loop → EJML between H = 16 and H = 64")
                .contains("The tutorial's XOR net (4 rows, H = 4): tinynn plain, 200 ns, 450.00× faster than PyTorch.");
        assertThat(md).contains("![epoch time against width, log-log](network-time-vs-width.png)");
    }

    @Test
    void theCeilingTargetSaysWhenNd4jsOpenBlasIsWhatBoundsIt() {
        List<Targets.Target> targets = new NetworkSweep(sweep(), peers(120)).targets();

        assertThat(targets).filteredOn(t -> t.name().startsWith("at H = d = 1024")).singleElement().satisfies(t -> {
            assertThat(t.measured()).isEqualTo("tinynn nd4j-default 60.0 GFLOP/s vs 120.0 (NumPy 2.4.6 `@` (openblas 0.3.31"
                    + " SkylakeX), all cores) = 50%");
            assertThat(t.status()).isEqualTo(Targets.Status.MISSED);
            assertThat(t.reason()).startsWith("missed by 1.40×: ND4J's bundled OpenBLAS bounds it: its raw `mmuli` reaches 80.0"
                    + " GFLOP/s").endsWith("tinynn nd4j-default reaches 75% of ND4J's own");
        });
        assertThat(new NetworkSweep(sweep(), peers(80)).targets()).filteredOn(t -> t.name().startsWith("at H = d = 1024"))
                .singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(Targets.Status.MET));
    }

    @Test
    void theTargetsAgainstPeersAndEjmlNameEveryMiss() {
        List<Targets.Target> targets = new NetworkSweep(sweep(), peers(100)).targets();

        assertThat(targets).filteredOn(t -> t.name().equals("tinynn's best no slower than PyTorch and NumPy at any width"))
                .singleElement().satisfies(t -> assertThat(t.reason()).startsWith("missed at PyTorch at 10000x1024 (0.86×)"));
        assertThat(targets).filteredOn(t -> t.name().startsWith("tinynn's best ≥ 10× faster")).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(Targets.Status.MET));
        assertThat(targets).filteredOn(t -> t.name().equals("fast beats EJML at every width ≥ 16")).singleElement()
                .satisfies(t -> assertThat(t.measured()).isEqualTo("not at 10000x64 (2.78× EJML's time)"));
        assertThat(targets).filteredOn(t -> t.name().startsWith("fast ≥ 40% of ND4J's raw")).singleElement()
                .satisfies(t -> assertThat(t.measured()).isEqualTo("20.0 vs 40.0 GFLOP/s = 50%"));
        assertThat(targets).filteredOn(t -> t.status() != Targets.Status.MET).allSatisfy(t -> assertThat(t.reason()).isNotBlank());
    }

    @Test
    void aPeerWhoseWeightsDifferIsNotTimedAndTheReportSaysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("peers.json");
        Files.writeString(file, """
                {"python": "3.11.2", "executable": "/usr/bin/python3", "numpy": "1.24.2", "threads": 2,
                 "blas": {"library": "openblas", "version": "0.3.21", "kernel": "Haswell", "source": "threadpoolctl"},
                 "environment": {"OPENBLAS_CORETYPE": null, "OPENBLAS_L2_SIZE": null}, "sklearn": "1.2.1",
                 "batch": {"sklearn": {
                   "xor": {"check": {"max_difference": 3e-19, "tolerance": 1e-9, "ok": true}, "epoch_ns": 350000},
                   "10000x64": {"check": {"max_difference": 0.0123, "tolerance": 1e-9, "ok": false}}}},
                 "online": {}}
                """);

        NetworkPeers peers = NetworkPeers.read(file.toString());

        assertThat(peers.batch("scikit-learn", "xor")).isEqualTo(350_000.0);
        assertThat(peers.batch("scikit-learn", "10000x64")).isNull();
        assertThat(peers.checks()).containsExactly("scikit-learn: weights after one epoch within 3.0e-19 of tinynn's at all 1"
                + " networks it was timed on");
        assertThat(peers.failures()).containsExactly("scikit-learn at 10000x64: not timed, its weights after one epoch differ"
                + " from tinynn's by 1.2e-02 (allowed 1.0E-9)");
        String md = Report.markdown(sweep(), new Peers(Map.of(), "", Map.of(), "", ""), new NetworkSweep(sweep(), peers), "");
        assertThat(md).contains("- **scikit-learn at 10000x64: not timed").contains("scikit-learn 1.2.1");
    }

    @Test
    void theChartHasOneLinePerContenderAndTheCeiling(@TempDir Path dir) throws Exception {
        NetworkSweep sweep = new NetworkSweep(sweep(), peers(100));

        var chart = sweep.chart().orElseThrow();
        assertThat(chart.getSeriesCollection()).extracting(s -> s.getName()).containsExactlyInAnyOrder("tinynn plain", "tinynn ejml", "tinynn nd4j-default",
                "tinynn fast", "PyTorch", "dgemm ceiling, 100.0 GFLOP/s");
        assertThat(chart.getSeries("dgemm ceiling, 100.0 GFLOP/s").getYData()[4])
                .isEqualTo(Networks.flops("10000x1024") / 100);
        ReportCharts.save(chart, dir.resolve("chart.png"));
        assertThat(Files.readAllBytes(dir.resolve("chart.png"))).startsWith(0x89, 'P', 'N', 'G');
    }
}
