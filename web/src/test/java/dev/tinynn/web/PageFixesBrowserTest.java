package dev.tinynn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.lesson.Num;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What a first learner found broken in the browser, one test each (issue 20, section 3): page 2's
 * exercise always ends with the answer shown; page 5's Retrain refuses out-of-range values beside the
 * field; code edits survive navigation and reload; dragging the sigmoid's point selects no text; no
 * page scrolls sideways on a phone.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PageFixesBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @AfterEach
    void cleanUp() {
        browser.forgetCode();
        browser.viewport(1200, 1000);
    }

    /** Types an answer, presses Check and waits for the server's reply. */
    private static String check(String answer) {
        WebElement field = browser.find("#answer");
        field.clear();
        if (!answer.isEmpty()) {
            field.sendKeys(answer);
        }
        browser.js("document.getElementById('feedback').textContent = '';");
        browser.find("#check").click();
        browser.waitUpTo(10).until(d -> !d.findElement(By.id("feedback")).getText().isBlank());
        return browser.text("#feedback");
    }

    @Test
    void anySequenceOfAnswersOnPageTwoEndsWithTheAnswerShownAndTryAgainStartsAfresh() {
        browser.open("/page/2");
        browser.waitFor("#neurons tbody tr");
        // wrong, not a number, empty, wrong; not numbers first; a right answer after nothing; wrong then right
        List<List<String>> sequences = List.of(List.of("5", "abc", "", "7"), List.of("abc", "abc", "3", "2.5"),
                List.of("", "1"), List.of("0", "1"), List.of("abc", "1"));
        for (List<String> sequence : sequences) {
            int counted = 0;
            for (String answer : sequence) {
                assertThat(browser.find("#check").isEnabled()).as("Check before %s in %s", answer, sequence).isTrue();
                String reply = check(answer);
                boolean number = answer.matches("-?[0-9.]+");
                if (!number) {
                    assertThat(reply).as("the reply to '%s'", answer).containsIgnoringCase("type a number");
                } else {
                    counted++;
                }
            }
            assertThat(browser.find("#check").isEnabled()).as("Check after %s", sequence).isFalse();
            String last = browser.text("#feedback");
            assertThat(last).as("the end of %s shows the answer, 1", sequence).containsPattern("(^|[^0-9.])1([^0-9.]|$)");
            assertThat(browser.find("#feedback").getAttribute("data-right")).isEqualTo(
                    String.valueOf(sequence.get(sequence.size() - 1).equals("1")));
            assertThat(counted).isBetween(1, 2);
            WebElement again = browser.driver().findElement(By.xpath("//button[text()='Try again']"));
            assertThat(again.isDisplayed()).isTrue();
            again.click();
            assertThat(browser.text("#feedback")).isEmpty();
            assertThat(browser.find("#answer").getAttribute("value")).isEmpty();
            assertThat(browser.find("#check").isEnabled()).isTrue();
            assertThat(again.isDisplayed()).isFalse();
        }
    }

    /** The sentence the server refuses a training setting with, asked of the server's own rule. */
    private static String refusal(String key, String value) {
        return catchThrowableOfType(TrainLimits.OutOfRange.class,
                () -> TrainLimits.check(new Query(Map.of(key, List.of(value))))).getMessage();
    }

    private static void retrain(String lr, String epochs) {
        for (Map.Entry<String, String> field : Map.of("#lr", lr, "#epochs", epochs).entrySet()) {
            WebElement input = browser.find(field.getKey());
            input.clear();
            input.sendKeys(field.getValue());
        }
        browser.js("document.getElementById('retrain-result').removeAttribute('data-stale');");
        browser.find("#retrain").click();
        browser.waitUpTo(20).until(d -> d.findElement(By.id("retrain-result")).getAttribute("data-stale") != null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> api(String path) {
        return (Map<String, Object>) browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {headers: {'X-Tinynn-Key': localStorage.getItem('tinynn-key')}})"
                + ".then(async r => done({status: r.status, body: await r.json()}));", path);
    }

    @Test
    void retrainRefusesOutOfRangeValuesBesideTheFieldInTheServersOwnSentence() {
        browser.open("/page/5");
        browser.waitUpTo(30).until(d -> !d.findElement(By.id("w5")).getText().isBlank()
                && "false".equals(d.findElement(By.id("retrain-result")).getAttribute("data-stale")));
        // the same limits in the fields and the API
        assertThat(browser.find("#lr").getAttribute("min")).isEqualTo(Num.num(TrainLimits.MIN_LEARNING_RATE));
        assertThat(browser.find("#lr").getAttribute("max")).isEqualTo(Num.num(TrainLimits.MAX_LEARNING_RATE));
        assertThat(browser.find("#epochs").getAttribute("min")).isEqualTo(String.valueOf(TrainLimits.MIN_EPOCHS));
        assertThat(browser.find("#epochs").getAttribute("max")).isEqualTo(String.valueOf(TrainLimits.MAX_EPOCHS));
        String[][] refused = {{"lr", "-1", "1000"}, {"lr", "1000", "1000"}, {"lr", "", "1000"},
            {"epochs", "0.1", "0"}, {"epochs", "0.1", "1e8"}, {"lr", "0", "1000"}};
        for (String[] attempt : refused) {
            String field = attempt[0];
            retrain(attempt[1], attempt[2]);
            String sentence = refusal(field, field.equals("lr") ? attempt[1] : attempt[2]);
            assertThat(browser.text("#" + field + "-error")).as("beside %s for %s", field, List.of(attempt))
                    .isEqualTo("✗ " + sentence);
            assertThat(sentence).contains(field.equals("lr") ? "0.001 to 10" : "1 to 5000");
            assertThat(browser.find("#" + field).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#retrain-result").getAttribute("class")).contains("stale");
            assertThat(browser.text("#stale-note")).isNotBlank();
            Map<String, Object> answer = api("/api/train?lr=" + attempt[1] + "&epochs=" + attempt[2]);
            assertThat(answer.get("status")).isEqualTo(400L);
            assertThat(((Map<?, ?>) answer.get("body")).get("error")).isEqualTo(sentence);
        }
        retrain("0.5", "1000");
        assertThat(browser.find("#retrain-result").getAttribute("data-stale")).isEqualTo("false");
        assertThat(browser.all(".field-error")).allSatisfy(e -> assertThat(e.getText()).isEmpty());
        assertThat(browser.find("#lr").getAttribute("aria-invalid")).isNull();
        TrainingResult expected = Trainer.train(Backends.named("plain"), Datasets.studyHours(),
                TrainingConfig.tutorial().withInitialWeights(0.1).withLearningRate(0.5));
        assertThat(browser.text("#w5")).isEqualTo(Num.num(expected.weights()[0]).replace('−', '-'));
    }

    private static WebElement cell() {
        browser.waitUpTo(30).until(d -> !d.findElement(By.cssSelector(".cell textarea")).getAttribute("value").isBlank());
        return browser.find(".cell textarea");
    }

    @Test
    void codeEditsAreKeptPerPageAcrossNavigationAndReloadAndRestoringTheSampleAsksFirst() {
        browser.open("/page/2");
        String sample2 = cell().getAttribute("value");
        cell().sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n// mine, on page 2");
        browser.open("/page/3");
        String sample3 = cell().getAttribute("value");
        assertThat(sample3).doesNotContain("mine");
        cell().sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n// mine, on page 3");
        browser.driver().navigate().back();
        assertThat(cell().getAttribute("value")).isEqualTo(sample2 + "\n// mine, on page 2");
        browser.driver().navigate().refresh();
        assertThat(cell().getAttribute("value")).isEqualTo(sample2 + "\n// mine, on page 2");
        browser.open("/page/3");
        assertThat(cell().getAttribute("value")).isEqualTo(sample3 + "\n// mine, on page 3");

        WebElement restore = browser.driver().findElement(By.xpath("//button[text()='Restore the sample']"));
        restore.click();
        assertThat(browser.find(".cell .confirm").isDisplayed()).isTrue();
        assertThat(cell().getAttribute("value")).as("nothing replaced before the answer").endsWith("// mine, on page 3");
        browser.find(".cell .confirm [data-answer=keep]").click();
        assertThat(browser.find(".cell .confirm").isDisplayed()).isFalse();
        assertThat(cell().getAttribute("value")).endsWith("// mine, on page 3");
        restore.click();
        browser.find(".cell .confirm [data-answer=replace]").click();
        assertThat(cell().getAttribute("value")).isEqualTo(sample3);
        browser.driver().navigate().refresh();
        assertThat(cell().getAttribute("value")).isEqualTo(sample3);
        browser.open("/page/2");
        assertThat(cell().getAttribute("value")).isEqualTo(sample2 + "\n// mine, on page 2");
    }

    @Test
    void draggingTheSigmoidsPointSelectsNoText() {
        browser.open("/page/3?z=0");
        browser.waitFor("#curve circle.point");
        browser.waitFor("#rows tbody tr");
        WebElement point = browser.find("#curve circle.point");
        new Actions(browser.driver()).moveToElement(point).clickAndHold().moveByOffset(40, 0).moveByOffset(40, 30)
                .moveByOffset(60, 60).release().perform();
        browser.waitUpTo(10).until(d -> Double.parseDouble(d.findElement(By.id("z")).getAttribute("value")) > 1);
        String z = browser.find("#z").getAttribute("value");
        browser.waitUpTo(10).until(d -> d.findElement(By.id("zp")).getText().startsWith("σ(" + z.replaceAll("\\.0$", "") + ")"));
        assertThat(browser.js("return window.getSelection().toString();")).isEqualTo("");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void noPageScrollsSidewaysAt360Or400PixelsWide() {
        for (int width : new int[] {360, 400}) {
            browser.viewport(width, 800);
            for (int n = 1; n <= Pages.count(); n++) {
                browser.openFilled(n);
                long page = (Long) browser.js("return document.documentElement.scrollWidth;");
                assertThat(page).as("page %d's width in a %d px window; too wide: %s", n, width, browser.js(
                        "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > arguments[0] && !e.parentElement.closest('.scroll, pre'))"
                        + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));",
                        width)).isLessThanOrEqualTo(width);
                // code and wide tables scroll inside their own box
                for (WebElement box : browser.all("main pre, main .scroll")) {
                    Number right = (Number) browser.js("return arguments[0].getBoundingClientRect().right;", box);
                    assertThat(right.doubleValue()).as("a box on page %d", n).isLessThanOrEqualTo(width);
                }
                if (n == 1) {
                    @SuppressWarnings("unchecked") // a JavaScript array arrives as a List
                    List<Object> lefts = (List<Object>) browser.js(
                            "return [...document.querySelectorAll('#flow .stage')].map(s => s.getBoundingClientRect().left);");
                    assertThat(lefts).as("page 1's flow stacks from top to bottom").hasSize(5).containsOnly(lefts.get(0));
                }
            }
        }
    }
}
