package dev.tinynn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tinynn.Folders;
import dev.tinynn.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The training report in a real browser: headless Chromium, driven by Selenium, opens the file
 * written by {@code tinynn train --report}, and the test reads the neuron diagram and its backward
 * half, moves the slider, picks a row and presses Play, as a learner would; at several epochs it
 * checks, by their bounding boxes, that no two text labels of the diagram or of the data panel
 * overlap and that no label of the data panel covers a row's marker. Skipped, with the reason
 * printed, where Chromium is not installed; failed instead when the environment variable CI is set.
 */
class TrainingReportBrowserTest {
    /** Where the screenshot of the report goes, to look at after the build. */
    static final Path SCREENSHOT = Folders.module().resolve(Path.of("target", "report-screenshot.png"));

    @BeforeAll
    static void needsChromium() {
        Chromium.required("TrainingReportBrowserTest");
    }

    @Test
    void theDiagramShowsTheTrainedNumbersAndTheSliderMovesEverything(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("report.html");
        Cli run = Cli.run("train", "--initial-weights", "0.1", "--report", page.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        double[] trained = weightsAndBias("--initial-weights", "0.1");
        double[] afterEpoch0 = weightsAndBias("--initial-weights", "0.1", "--epochs", "1");

        ChromeDriver chromium = Chromium.open(dir.resolve("profile"), 1280, 1000);
        try {
            chromium.get(page.toUri().toString());
            waitUntil(chromium, "return window.tinynnReady === true");
            assertThat(js(chromium, "return window.tinynnErrors.join('; ')")).as("errors in the page").isEqualTo("");

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

            // The backward half for row 1 (x = 1, y = 0), online: δ = p − y, the steps lr·δ·x and lr·δ.
            double p = 1 / (1 + Math.exp(-(trained[0] * 1 + trained[1])));
            assertThat(value(chromium, "b-delta")).isCloseTo(p - 0, within(1e-15));
            assertThat(value(chromium, "b-step-w0")).isCloseTo(0.1 * p * 1, within(1e-15));
            assertThat(value(chromium, "b-w0")).isCloseTo(trained[0] - 0.1 * p, within(1e-14));
            assertThat(value(chromium, "b-step-b")).isCloseTo(0.1 * p, within(1e-15));
            assertThat(value(chromium, "b-b")).isCloseTo(trained[1] - 0.1 * p, within(1e-14));
            assertThat(text(chromium, "b-delta-line")).isEqualTo("δ = ∂ℓ/∂z = p − y = 0.002012941922 − 0 = 0.002012941922");
            String curve = attribute(chromium, "#data-curve", "d");
            String lossDot = attribute(chromium, "#loss-dot", "cx");

            // The slider to the far left: epoch 0, and all three panels change together.
            slide(chromium, "0");
            assertThat(text(chromium, "epoch-label")).isEqualTo("after epoch 0 of 1000 (frame 1 of 200)");
            assertThat(value(chromium, "n-w0")).isEqualTo(afterEpoch0[0]);
            assertThat(value(chromium, "n-b")).isEqualTo(afterEpoch0[1]);
            assertThat(text(chromium, "n-w0")).isNotEqualTo("4.301868546");
            assertThat(attribute(chromium, "#data-curve", "d")).as("the sigmoid").isNotEqualTo(curve);
            assertThat(attribute(chromium, "#loss-dot", "cx")).as("the loss curve's dot").isNotEqualTo(lossDot);

            // Another row on the neuron: row 3, 3 hours, at the last epoch.
            slide(chromium, "s.max");
            js(chromium, "const r = document.getElementById('row'); r.value = 2; r.dispatchEvent(new Event('change'));");
            assertThat(text(chromium, "n-x0")).isEqualTo("3");
            assertThat(text(chromium, "n-z")).isEqualTo("2.397594079");
            assertThat(text(chromium, "n-decision")).isEqualTo("Pass");
            assertThat(text(chromium, "backward-title")).startsWith("The backward half: row 3's own step");
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, chromium.getScreenshotAs(OutputType.BYTES));
            System.out.println("TrainingReportBrowserTest: screenshot of the report at " + SCREENSHOT.toAbsolutePath());

            // Play from the start: the epochs step forward on their own; Pause stops them.
            slide(chromium, "0");
            js(chromium, "document.getElementById('play').click();");
            waitUntil(chromium, "return Number(document.getElementById('epoch').value) >= 3");
            js(chromium, "document.getElementById('play').click();");
            assertThat(text(chromium, "play")).contains("Play");
            assertThat(value(chromium, "n-w0")).isNotEqualTo(afterEpoch0[0]);
            assertThat(js(chromium, "return window.tinynnErrors.length")).isEqualTo(0L);
        } finally {
            chromium.quit();
        }
        assertThat(Files.readAllBytes(SCREENSHOT)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void theBatchReportShowsTheEpochsMeanGradientAndStep(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("batch.html");
        Cli run = Cli.run("train", "--updates", "batch", "--learning-rate", "0.4", "--epochs", "50", "--report",
                page.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        double[] trained = weightsAndBias("--updates", "batch", "--learning-rate", "0.4", "--epochs", "50");
        double[] x = {1, 2, 3, 4};
        double[] y = {0, 0, 1, 1};
        double g = 0;
        double gb = 0;
        for (int i = 0; i < 4; i++) {
            double delta = 1 / (1 + Math.exp(-(trained[0] * x[i] + trained[1]))) - y[i];
            g += delta * x[i] / 4;
            gb += delta / 4;
        }
        ChromeDriver chromium = Chromium.open(dir.resolve("profile"), 1280, 1000);
        try {
            chromium.get(page.toUri().toString());
            waitUntil(chromium, "return window.tinynnReady === true");
            assertThat(value(chromium, "b-g0")).isCloseTo(g, within(1e-15));
            assertThat(value(chromium, "b-gb")).isCloseTo(gb, within(1e-15));
            assertThat(value(chromium, "b-step-w0")).isCloseTo(0.4 * g, within(1e-15));
            assertThat(value(chromium, "b-w0")).isCloseTo(trained[0] - 0.4 * g, within(1e-14));
            assertThat(value(chromium, "b-b")).isCloseTo(trained[1] - 0.4 * gb, within(1e-14));
            assertThat(text(chromium, "backward-title")).contains("the mean gradient of all 4 rows");
        } finally {
            chromium.quit();
        }
    }

    @Test
    void noLabelOverlapsAnotherOrAMarkerAtAnyOfSeveralEpochs(@TempDir Path dir) throws Exception {
        Path hours = dir.resolve("hours.html");
        assertThat(Cli.run("train", "--initial-weights", "0.1", "--report", hours.toString()).exitCode()).isZero();
        Path sleep = dir.resolve("sleep.html");
        assertThat(Cli.run("train", "--data", "study-sleep", "--initial-weights", "0.1,0.1", "--report",
                sleep.toString()).exitCode()).isZero();
        ChromeDriver chromium = Chromium.open(dir.resolve("profile"), 1280, 1000);
        try {
            for (Path page : List.of(hours, sleep)) {
                chromium.get(page.toUri().toString());
                waitUntil(chromium, "return window.tinynnReady === true");
                // frame 3 is epoch 15, where "boundary hours = 1.247" once sat on the 2-hour marker
                for (String frame : List.of("0", "1", "3", "10", "50", "100", "s.max")) {
                    for (int row = 0; row < 4; row++) {
                        slide(chromium, frame);
                        js(chromium, "const r = document.getElementById('row'); r.value = " + row + ";"
                                + " r.dispatchEvent(new Event('change'));");
                        String where = page.getFileName() + " at frame " + frame + ", row " + (row + 1);
                        assertThat(overlaps(chromium, "#neuron text", "#neuron text")).as(where).isEmpty();
                        assertThat(overlaps(chromium, "#data text", "#data text")).as(where).isEmpty();
                        assertThat(overlaps(chromium, "#data text", "#data .mark")).as(where).isEmpty();
                    }
                }
                assertThat(js(chromium, "return window.tinynnErrors.length")).isEqualTo(0L);
            }
            // the p label stands after the σ node, not before it
            chromium.get(hours.toUri().toString());
            waitUntil(chromium, "return window.tinynnReady === true");
            Object sigmaRight = js(chromium, "const t = Array.from(document.querySelectorAll('#neuron text'))"
                    + ".find(e => e.textContent === '\u03c3'); return t.getBoundingClientRect().right;");
            Object pLeft = js(chromium, "return document.getElementById('n-p').parentNode.getBoundingClientRect().left;");
            assertThat(((Number) pLeft).doubleValue()).isGreaterThan(((Number) sigmaRight).doubleValue());
            // the check can fail: the threshold's label moved onto the boundary's is caught
            js(chromium, "const all = Array.from(document.querySelectorAll('#data text'));"
                    + " const a = all.find(e => e.textContent.startsWith('threshold'));"
                    + " const b = all.find(e => e.textContent.startsWith('boundary'));"
                    + " ['x', 'y', 'text-anchor'].forEach(k => a.setAttribute(k, b.getAttribute(k)));");
            assertThat(overlaps(chromium, "#data text", "#data text")).singleElement().asString()
                    .startsWith("\"threshold p = 0.5\" overlaps \"boundary hours = ");
        } finally {
            chromium.quit();
        }
    }

    /**
     * The pairs of visible elements, one matching each selector, whose boxes on the screen overlap
     * (by more than half a pixel each way, so that boxes that merely touch pass), as readable text.
     */
    @SuppressWarnings("unchecked")
    private static List<String> overlaps(ChromeDriver chromium, String first, String second) {
        Object found = chromium.executeScript("""
                const visible = sel => Array.from(document.querySelectorAll(sel)).map(e => ({ e: e,
                    r: e.getBoundingClientRect() })).filter(b => b.r.width > 0 && b.r.height > 0 && b.r.left > -500
                    && (b.e.tagName !== 'text' || b.e.textContent.trim() !== ''));
                const a = visible(arguments[0]), b = visible(arguments[1]);
                const out = [];
                a.forEach((p, i) => b.forEach((q, k) => {
                  if (p.e === q.e || (arguments[0] === arguments[1] && k <= i)) return;
                  if (p.e.contains(q.e) || q.e.contains(p.e)) return;
                  const w = Math.min(p.r.right, q.r.right) - Math.max(p.r.left, q.r.left);
                  const h = Math.min(p.r.bottom, q.r.bottom) - Math.max(p.r.top, q.r.top);
                  if (w > 0.5 && h > 0.5) out.push('"' + p.e.textContent + '" overlaps '
                      + (q.e.tagName === 'text' ? '"' + q.e.textContent + '"' : 'a marker') + ' by ' + w.toFixed(1)
                      + ' x ' + h.toFixed(1));
                }));
                return out;""", first, second);
        return new ArrayList<>((List<String>) found);
    }

    /** The slider to frame {@code index} (a number, or {@code s.max} for the last), as a learner drags it. */
    private static void slide(ChromeDriver chromium, String index) {
        js(chromium, "const s = document.getElementById('epoch'); s.value = " + index + ";"
                + " s.dispatchEvent(new Event('input'));");
    }

    private static Object js(ChromeDriver chromium, String script) {
        return chromium.executeScript(script);
    }

    private static void waitUntil(ChromeDriver chromium, String condition) {
        new WebDriverWait(chromium, Chromium.PATIENCE).until(driver -> Boolean.TRUE.equals(js(chromium, condition)));
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

    private static String text(ChromeDriver chromium, String id) {
        return (String) js(chromium, "return document.getElementById('" + id + "').textContent");
    }

    /** The full-precision number behind a rounded one on the page. */
    private static double value(ChromeDriver chromium, String id) {
        return Double.parseDouble((String) js(chromium, "return document.getElementById('" + id
                + "').getAttribute('data-value')"));
    }

    private static String attribute(ChromeDriver chromium, String selector, String name) {
        return (String) js(chromium, "return document.querySelector(\"" + selector + "\").getAttribute('" + name
                + "')");
    }
}
