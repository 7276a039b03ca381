package dev.tinynn.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's wording from made-up results: the verdict, noisy rows, "within noise", and reasons for misses. */
class ReportTest {

    private static Result epoch(String backend, String size, double ns, double error) {
        return new Result(Results.EPOCH, Map.of("backend", backend, "size", size), ns, error, 0);
    }

    private static Result raw(String library, String size, double ns, double error) {
        return new Result(Results.RAW, Map.of("library", library, "size", size), ns, error, 0);
    }

    private static final Peers NUMPY = new Peers(Map.of("4x1", 10_000.0, "1000000x16", 20_000_000.0),
            "NumPy 2.4.6", Map.of(), "", "");

    @Test
    void theVerdictNamesTheFastestAtEachSizeAndWhy() {
        Results results = new Results(List.of(epoch("plain", "4x1", 120, 5), epoch("fast", "4x1", 100, 5),
                epoch("plain", "1000000x16", 45e6, 1e6), epoch("fast", "1000000x16", 10e6, 1e6)));

        String md = Report.markdown(results, NUMPY, "");

        assertThat(md).contains("- **4 × 1**: tinynn fast is fastest (100 ns, 1.20× ahead of tinynn plain). Per-call overhead decides")
                .contains("- **1000000 × 16**: tinynn fast is fastest (10.00 ms, 2.00× ahead of NumPy). Passes over memory decide");
        assertThat(md.indexOf("## Verdict")).isLessThan(md.indexOf("## One batch epoch"));
    }

    @Test
    void aRowWhoseErrorIsOverAFifthOfItsValueIsMarkedNoisy() {
        Results results = new Results(List.of(epoch("plain", "4x1", 100, 21), epoch("fast", "4x1", 100, 19)));

        String md = Report.markdown(results, NUMPY, "");

        assertThat(md).contains("| tinynn plain | 100 (noisy) |").contains("| tinynn fast | 100 |");
    }

    @Test
    void aNegativeOverheadInsideTheErrorBarsIsWithinNoise() {
        assertThat(Tables.overhead(epoch("plain", "4x1", 95, 10), raw("plain", "4x1", 100, 10)))
                .isEqualTo("within noise (-5.0%)");
        assertThat(Tables.overhead(epoch("plain", "4x1", 50, 1), raw("plain", "4x1", 100, 1))).isEqualTo("-50.0%");
    }

    @Test
    void everyTargetNotMetSaysWhy() {
        Results results = new Results(List.of(epoch("fast", "1000000x16", 10e6, 0.1e6),
                new Result(Results.BANDWIDTH_ALL_CORES, Map.of(), 5e6, 0.1e6, 0)));

        List<Targets.Target> targets = Targets.check(results, NUMPY);

        assertThat(targets).filteredOn(t -> t.name().startsWith("fast at 1000000x16 ≤ 1.5×")).singleElement()
                .satisfies(t -> {
                    assertThat(t.status()).isEqualTo(Targets.Status.MISSED);
                    assertThat(t.measured()).isEqualTo("10,000,000 vs 5,000,000 = 2.00×");
                    assertThat(t.reason()).startsWith("missed by 1.33×: ");
                });
        assertThat(targets).filteredOn(t -> t.name().startsWith("fast ≥ 2.5× faster than NumPy")).singleElement()
                .satisfies(t -> {
                    assertThat(t.status()).isEqualTo(Targets.Status.MISSED);
                    assertThat(t.reason()).startsWith("missed by 1.25×: ");
                });
        assertThat(targets).filteredOn(t -> t.status() != Targets.Status.MET).allSatisfy(t -> assertThat(t.reason()).isNotBlank());
    }
}
