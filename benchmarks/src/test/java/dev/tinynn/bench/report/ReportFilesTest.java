package dev.tinynn.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report generator on the committed careful run: report.md and the two charts, as PNG files under the names the docs link. */
class ReportFilesTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void writesTheReportAndTwoPngCharts(@TempDir Path out) throws Exception {
        Report.main(new String[] {"results/jmh-main.json,results/jmh-operations.json", "results/numpy.json",
                out.toString(), "results/machine.txt", "results/sklearn.json"});

        assertThat(Files.readString(out.resolve("report.md"))).contains("## Targets");
        for (String chart : new String[] {"time-vs-size.png", "overhead.png"}) {
            byte[] start = new byte[PNG_SIGNATURE.length];
            System.arraycopy(Files.readAllBytes(out.resolve(chart)), 0, start, 0, start.length);
            assertThat(start).as(chart).isEqualTo(PNG_SIGNATURE);
        }
    }
}
