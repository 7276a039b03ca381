package dev.tinynn.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tinynn.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training report in a real browser: headless Chromium opens the file written by
 * {@code tinynn train --report}, and the test reads the neuron diagram, moves the slider, picks a
 * row and presses Play, as a learner would. Skipped, with the reason printed, where Chromium is
 * not installed; the test installs nothing.
 */
class TrainingReportBrowserTest {
    /** Where the screenshot of the report goes, to look at after the build. */
    static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");

    @BeforeAll
    static void needsChromium() {
        Optional<String> missing = HeadlessChromium.missing();
        missing.ifPresent(reason -> System.out.println("TrainingReportBrowserTest skipped: " + reason));
        Assumptions.assumeTrue(missing.isEmpty(), () -> missing.orElse(""));
    }

    @Test
    void theDiagramShowsTheTrainedNumbersAndTheSliderMovesEverything(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("report.html");
        Cli run = Cli.run("train", "--initial-weights", "0.1", "--report", page.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        double[] trained = weightsAndBias("--initial-weights", "0.1");
        double[] afterEpoch0 = weightsAndBias("--initial-weights", "0.1", "--epochs", "1");

        try (HeadlessChromium chromium = HeadlessChromium.open(page.toUri(), dir.resolve("profile"), 1280, 1000)) {
            chromium.waitUntil("window.tinynnReady === true");
            assertThat(chromium.evaluate("window.tinynnErrors.join('; ')").asText()).as("errors in the page").isEmpty();

            // It opens at the last epoch: the trained neuron, with row 1 (1 hour, failed) on it.
            assertThat(text(chromium, "epoch-label")).isEqualTo("after epoch 999 of 1000 (frame 200 of 200)");
            assertThat(value(chromium, "n-w0")).isEqualTo(trained[0]);
            assertThat(value(chromium, "n-b")).isEqualTo(trained[1]);
            assertThat(text(chromium, "n-w0")).isEqualTo("4.301868546");
            assertThat(text(chromium, "n-b")).isEqualTo("-10.50801156");
            assertThat(text(chromium, "n-x0")).isEqualTo("1");
            assertThat(text(chromium, "n-z")).isEqualTo("-6.206143013");
            assertThat(text(chromium, "n-p")).isEqualTo("0.002012941922");
            assertThat(text(chromium, "n-decision")).isEqualTo("Fail");
            String curve = attribute(chromium, "#data-curve", "d");
            String lossDot = attribute(chromium, "#loss-dot", "cx");

            // The slider to the far left: epoch 0, and all three panels change together.
            chromium.evaluate("(() => { const s = document.getElementById('epoch'); s.value = 0;"
                    + " s.dispatchEvent(new Event('input')); })()");
            assertThat(text(chromium, "epoch-label")).isEqualTo("after epoch 0 of 1000 (frame 1 of 200)");
            assertThat(value(chromium, "n-w0")).isEqualTo(afterEpoch0[0]);
            assertThat(value(chromium, "n-b")).isEqualTo(afterEpoch0[1]);
            assertThat(text(chromium, "n-w0")).isNotEqualTo("4.301868546");
            assertThat(attribute(chromium, "#data-curve", "d")).as("the sigmoid").isNotEqualTo(curve);
            assertThat(attribute(chromium, "#loss-dot", "cx")).as("the loss curve's dot").isNotEqualTo(lossDot);

            // Another row on the neuron: row 3, 3 hours, at the last epoch.
            chromium.evaluate("(() => { const s = document.getElementById('epoch'); s.value = s.max;"
                    + " s.dispatchEvent(new Event('input')); const r = document.getElementById('row'); r.value = 2;"
                    + " r.dispatchEvent(new Event('change')); })()");
            assertThat(text(chromium, "n-x0")).isEqualTo("3");
            assertThat(text(chromium, "n-z")).isEqualTo("2.397594079");
            assertThat(text(chromium, "n-decision")).isEqualTo("Pass");
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, chromium.screenshot());
            System.out.println("TrainingReportBrowserTest: screenshot of the report at " + SCREENSHOT.toAbsolutePath());

            // Play from the start: the epochs step forward on their own; Pause stops them.
            chromium.evaluate("(() => { const s = document.getElementById('epoch'); s.value = 0;"
                    + " s.dispatchEvent(new Event('input')); document.getElementById('play').click(); })()");
            chromium.waitUntil("Number(document.getElementById('epoch').value) >= 3");
            chromium.evaluate("document.getElementById('play').click()");
            assertThat(text(chromium, "play")).contains("Play");
            assertThat(value(chromium, "n-w0")).isNotEqualTo(afterEpoch0[0]);
            assertThat(chromium.evaluate("window.tinynnErrors.length").asInt()).isZero();
        }
        assertThat(Files.readAllBytes(SCREENSHOT)).startsWith(0x89, 'P', 'N', 'G');
    }

    /** {@code tinynn train --json ARGS}: the weight and the bias. */
    private static double[] weightsAndBias(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "train";
        all[1] = "--json";
        System.arraycopy(args, 0, all, 2, args.length);
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Cli.run(all).out());
        return new double[] {json.get("weights").get(0).asDouble(), json.get("bias").asDouble()};
    }

    private static String text(HeadlessChromium chromium, String id) throws Exception {
        return chromium.evaluate("document.getElementById('" + id + "').textContent").asText();
    }

    /** The full-precision number behind a rounded one on the diagram. */
    private static double value(HeadlessChromium chromium, String id) throws Exception {
        return Double.parseDouble(chromium.evaluate("document.getElementById('" + id + "').getAttribute('data-value')")
                .asText());
    }

    private static String attribute(HeadlessChromium chromium, String selector, String name) throws Exception {
        return chromium.evaluate("document.querySelector(\"" + selector + "\").getAttribute('" + name + "')").asText();
    }
}
