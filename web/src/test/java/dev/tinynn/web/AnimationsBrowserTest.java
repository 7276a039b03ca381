package dev.tinynn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.ForwardBackward;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.Updates;
import dev.tinynn.lesson.Num;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The animations tell the truth and can be driven, page 7 has something to do, and the backend is one
 * choice whose numbers are that backend's own (issue 20, sections 4 and 5; issue 21, item 15).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AnimationsBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    private static String after(String text, String label) {
        int at = text.indexOf(label);
        assertThat(at).as("'%s' in '%s'", label, text).isNotNegative();
        return text.substring(at + label.length()).split("[,;\\s]")[0];
    }

    @Test
    void pageOneSaysWhatItsNumbersShowKeepsTheLastUpdateAndGoesOnIntoEpochOne() {
        // row 3 of epoch 0 at its sigmoid: p has dropped below 0.5 after two updates
        browser.open("/page/1?frame=12");
        browser.waitUpTo(30).until(d -> !d.findElement(By.id("s2")).getText().isBlank());
        double p = Double.parseDouble(after(browser.text("#s2"), "p = "));
        assertThat(browser.text("#flow-says")).contains(p < 0.5 ? "below 0.5" : "above 0.5");
        // the Data box shows the w and b this row meets; the Update box still shows the last update, to those
        String data = browser.text("#s0");
        assertThat(data).startsWith("epoch 0, row 3:");
        String update = browser.text("#s4");
        assertThat(update).startsWith("last: w → " + after(data, "w = ") + ", b → " + after(data, "b = "));
        browser.find("button[aria-label='Step forward']").click();
        browser.find("button[aria-label='Step forward']").click();
        assertThat(browser.text("#s4")).startsWith("w → ").doesNotStartWith("last");
        // after row 4 it goes on into epoch 1
        for (int k = 0; k < 6; k++) {
            browser.find("button[aria-label='Step forward']").click();
        }
        assertThat(browser.text("#s0")).startsWith("epoch 1, row 1:");
        assertThat(browser.text("#flow-says")).containsIgnoringCase("row 1 of epoch 1");
    }

    @Test
    void pageFoursRunCanBeScrubbedAndJumpedStopsAtTheEndAndNamesItsTwoLosses() {
        browser.open("/page/4");
        browser.waitFor("#step tbody tr");
        WebElement player = browser.find("#player");
        int frames = Integer.parseInt(player.getAttribute("data-frames"));
        TrainingResult expected = Trainer.train(Backends.named("plain"), Datasets.studyHours(),
                TrainingConfig.tutorial().withInitialWeights(0.1));
        assertThat(frames).isEqualTo(4 + expected.lossHistory().length);
        assertThat(Integer.parseInt(player.getAttribute("data-normal-millis"))).as("a whole run at normal speed")
                .isBetween(10_000, 30_000);
        browser.find("button[aria-label='Jump to the end']").click();
        int last = expected.lossHistory().length - 1;
        assertThat(browser.text("#step-caption")).isEqualTo("End of epoch " + last + " (epochs 0 to " + last + ")");
        assertThat(value("mean cross-entropy during the epoch")).isEqualTo(expected.lossHistory()[last]);
        assertThat(value("cross-entropy at the final weights")).isEqualTo(expected.finalLoss());
        browser.find("button[aria-label='Jump to the start']").click();
        assertThat(browser.text("#step-caption")).isEqualTo("Epoch 0, row 1 of 4");
        browser.js("const s = document.querySelector('#player .scrub'); s.value = 504; s.dispatchEvent(new Event('input'));");
        assertThat(browser.text("#step-caption")).startsWith("End of epoch 500 ");
        assertThat(value("mean cross-entropy during the epoch")).isEqualTo(expected.lossHistory()[500]);
        assertThat(browser.driver().getCurrentUrl()).contains("frame=504");
        // the chart's axes carry numbers
        List<String> labels = browser.all("#loss-curve text").stream().map(WebElement::getText).toList();
        assertThat(labels).contains("0", "500", "epoch");

        // playback stops at the last frame
        browser.js("const s = document.querySelector('#player .scrub'); s.value = " + (frames - 3)
                + "; s.dispatchEvent(new Event('input'));");
        new Select(browser.find("#player select")).selectByVisibleText("fast");
        browser.find("#player .play").click();
        browser.waitUpTo(10).until(d -> "false".equals(player.getAttribute("data-playing")));
        assertThat(browser.find("#player .scrub").getAttribute("value")).isEqualTo(String.valueOf(frames - 1));
        assertThat(browser.text("#player .play")).isEqualTo("Play");
    }

    private static double value(String row) {
        WebElement th = browser.driver().findElement(By.xpath("//table[@id='step']//th[text()='" + row + "']"));
        return Double.parseDouble(th.findElement(By.xpath("following-sibling::td")).getAttribute("data-value"));
    }

    @Test
    void theButtonsDoNotMoveWhilePlaying() {
        for (String page : List.of("/page/1", "/page/4")) {
            browser.open(page);
            browser.waitFor("#player .play");
            browser.waitUpTo(30).until(d -> !d.findElement(By.cssSelector(page.equals("/page/1") ? "#s0" : "#step-caption")).getText().isBlank());
            new Select(browser.find("#player select")).selectByVisibleText("fast");
            browser.find("#player .play").click();
            Set<Object> places = new HashSet<>();
            List<Object> frames = new ArrayList<>();
            for (int k = 0; k < 40 && "true".equals(browser.find("#player").getAttribute("data-playing")); k++) {
                places.add(browser.js("return [...document.querySelectorAll('#player button, #player input, #player select')]"
                        + ".map(b => { const r = b.getBoundingClientRect(); return r.left + ',' + r.top + ',' + r.width; }).join(' ');"));
                frames.add(browser.find("#player .scrub").getAttribute("value"));
            }
            browser.js("if (document.querySelector('#player').dataset.playing === 'true') document.querySelector('#player .play').click();");
            assertThat(new HashSet<>(frames)).as("frames seen on %s", page).hasSizeGreaterThan(1);
            assertThat(places).as("where the buttons were on %s", page).hasSize(1);
        }
    }

    @Test
    void pageSevenHasAnEditableChainRuleCellAndARowPickerThatChangesEachFactor() {
        browser.open("/page/7");
        browser.waitFor("#chain tbody tr");
        browser.waitUpTo(30).until(d -> !d.findElement(By.cssSelector(".cell textarea")).getAttribute("value").isBlank());
        assertThat(browser.find(".cell textarea").getAttribute("value")).contains("dl_dp * dp_dz * dz_dw");
        assertThat(browser.find(".cell textarea").getAttribute("readonly")).isNull();
        Dataset data = Datasets.studyHours();
        for (int row = 1; row <= data.rows(); row++) {
            new Select(browser.find("#row")).selectByValue(String.valueOf(row));
            double hours = data.x(row - 1, 0);
            // the fourth factor is ∂z/∂w = hours; the sixth row is the backend's own gradient
            browser.waitUpTo(10).until(d -> d.findElement(By.cssSelector("#chain tbody tr:nth-child(4) td"))
                    .getAttribute("data-value").equals(String.valueOf(hours).replaceAll("\\.0$", "")));
            Dataset one = Dataset.of("row", data.featureNames(), new double[][] {data.row(row - 1)}, new double[] {data.y(row - 1)});
            ForwardBackward cross = ForwardBackward.at(Backends.named("plain"), one, new double[] {0.1}, 0, Loss.CROSS_ENTROPY);
            List<WebElement> backend = browser.all("#chain tbody tr:nth-child(6) td");
            assertThat(Double.parseDouble(backend.get(1).getAttribute("data-value"))).isEqualTo(cross.gradient()[0]);
            assertThat(browser.driver().getCurrentUrl()).contains("row=" + row);
        }
    }

    @Test
    void theBackendMenuAndPageSixsTabsAreOneChoice() {
        browser.open("/page/6");
        browser.waitUpTo(60).until(d -> d.findElements(By.cssSelector("[role=tab]")).size() == 3);
        browser.find("#tab-ejml").click();
        assertThat(new Select(browser.find("#backend")).getFirstSelectedOption().getText()).isEqualTo("ejml");
        assertThat(browser.driver().getCurrentUrl()).contains("backend=ejml");
        browser.driver().navigate().refresh();
        browser.waitUpTo(60).until(d -> d.findElements(By.cssSelector("[role=tab]")).size() == 3);
        assertThat(browser.find("#tab-ejml").getAttribute("aria-selected")).isEqualTo("true");
        new Select(browser.find("#backend")).selectByValue("nd4j");
        browser.waitUpTo(60).until(d -> d.findElements(By.cssSelector("#tab-nd4j[aria-selected=true]")).size() == 1);
        assertThat(new Select(browser.find("#backend")).getFirstSelectedOption().getText()).isEqualTo("nd4j");
        assertThat(browser.find("#tab-ejml").getAttribute("aria-selected")).isEqualTo("false");
    }

    @Test
    void eachTabOfPageSixShowsItsOwnBackendsRunToTheLastBit() {
        browser.open("/page/6");
        browser.waitUpTo(60).until(d -> d.findElements(By.cssSelector("[role=tab]")).size() == 3);
        Dataset data = Datasets.studySleep();
        TrainingConfig online = TrainingConfig.tutorial().withInitialWeights(0.1, 0.1);
        TrainingConfig batch = online.withUpdates(Updates.BATCH).withLearningRate(0.1 * data.rows());
        for (String backend : List.of("plain", "ejml", "nd4j")) {
            browser.find("#tab-" + backend).click();
            assertThat(browser.text("#results caption")).isEqualTo("computed now by " + backend
                    + " (online) and " + backend + " (batch)");
            TrainingResult a = Trainer.train(Backends.named(backend), data, online);
            TrainingResult b = Trainer.train(Backends.named(backend), data, batch);
            double[] expected = {a.weights()[0], b.weights()[0], a.weights()[1], b.weights()[1], a.bias(), b.bias(),
                a.finalLoss(), b.finalLoss()};
            double[] shown = browser.all("#results tbody td").stream()
                    .mapToDouble(td -> Double.parseDouble(td.getAttribute("data-value"))).toArray();
            assertThat(shown).as("the %s tab", backend).containsExactly(expected);
        }
    }

    @Test
    void aSliderSendsOneRequestAtATimeAndTheLastValueWins() {
        browser.open("/page/3");
        browser.waitFor("#rows tbody tr");
        browser.js("window.__inflight = 0; window.__most = 0; window.__sent = 0; const real = window.fetch;"
                + "window.fetch = (...args) => { window.__inflight++; window.__sent++;"
                + " window.__most = Math.max(window.__most, window.__inflight);"
                + " return real(...args).finally(() => window.__inflight--); };");
        browser.js("const z = document.getElementById('z');"
                + "for (let k = 0; k <= 40; k++) { z.value = (-2 + k / 10).toFixed(1); z.dispatchEvent(new Event('input')); }");
        browser.waitUpTo(10).until(d -> browser.text("#zp").startsWith("σ(2)") && ((Long) browser.js("return window.__inflight;")) == 0);
        assertThat(browser.js("return window.__most;")).isEqualTo(1L);
        assertThat((Long) browser.js("return window.__sent;")).isLessThan(41L);
        double p = ForwardBackward.at(Backends.named("plain"), Dataset.of("z", List.of("z"), new double[][] {{2}}, new double[] {0}),
                new double[] {1}, 0, Loss.CROSS_ENTROPY).p()[0];
        assertThat(browser.text("#zp")).isEqualTo("σ(2) = " + Num.num(p));
    }
}
