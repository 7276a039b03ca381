package dev.tinynn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seven pages in a real browser (headless Chromium through Selenium): each loads without a
 * JavaScript error, shows the server's numbers, and its interactive pieces work: the card order,
 * the quizzes, the backend tabs, the code runner. Waits are for what the page shows, never for time.
 */
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class PagesBrowserTest {
    /** The runner's limit per Run: generous, since the first Run starts a JVM and JShell's compiler on a busy machine. */
    private static final int TIMEOUT_SECONDS = BrowserSession.RUN_TIMEOUT_SECONDS;
    @RegisterExtension
    static final BrowserSession session = new BrowserSession();
    private static WebServer server;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void start() {
        browser = session.driver();
        server = session.server();
        base = session.base();
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void open(String path) {
        browser.get(base + path);
        waitUpTo(30).until(d -> !d.findElements(By.cssSelector("#backend option")).isEmpty());
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static void waitForText(String css) {
        waitUpTo(60).until(d -> !d.findElement(By.cssSelector(css)).getText().isBlank());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> errors() {
        return (List<Object>) ((JavascriptExecutor) browser).executeScript("return window.__errors;");
    }

    @Test
    void everyPageLoadsWithoutAJavaScriptError() {
        for (int n = 1; n <= Pages.count(); n++) {
            session.openFilled(n);
            assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith(n + ". ");
            assertThat(text("#status")).as("page %d's status line", n).isEmpty();
            assertThat(errors()).as("JavaScript errors on page %d", n).isEmpty();
        }
    }

    @Test
    void pageFourShowsTheTrainingRunsNumbers() {
        open("/page/4");
        waitForText("[data-k='run.weights.0']");
        TrainingResult expected = Trainer.train(Backends.named("plain"), Datasets.studyHours(),
                TrainingConfig.tutorial().withInitialWeights(0.1));
        assertThat(Double.parseDouble(text("[data-k='run.weights.0']"))).isCloseTo(expected.weights()[0], within(1e-9));
        assertThat(Double.parseDouble(text("[data-k='run.bias']"))).isCloseTo(expected.bias(), within(1e-9));
        assertThat(text("#example-loss")).isEqualTo("0.09");
        assertThat(text("#step-caption")).isEqualTo("Epoch 0, row 1 of 4");
        browser.findElement(By.cssSelector("button[aria-label='Step forward']")).click();
        assertThat(text("#step-caption")).isEqualTo("Epoch 0, row 2 of 4");
        assertThat(browser.getCurrentUrl()).contains("frame=1");
    }

    private static void order(int... cards) {
        for (int target = 0; target < cards.length; target++) {
            List<WebElement> items = browser.findElements(By.cssSelector("#cards li"));
            int at = 0;
            while (!items.get(at).getAttribute("data-card").equals(String.valueOf(cards[target]))) {
                at++;
            }
            for (int k = at; k > target; k--) {
                browser.findElements(By.cssSelector("#cards li")).get(k).sendKeys(Keys.ARROW_UP);
            }
        }
    }

    @Test
    void cardsInTheRightOrderAreRightAndAWrongOrderGetsTheHint() {
        open("/page/4");
        waitUpTo(30).until(d -> d.findElements(By.cssSelector("#cards li")).size() == 4);
        order(0, 1, 2, 3);
        browser.findElement(By.id("check-order")).click();
        waitForText("#order-feedback");
        assertThat(text("#order-feedback")).startsWith("Not yet. Hint: step 1 is not “Update weight and bias")
                .endsWith("One more try.");
        order(2, 3, 0, 1);
        assertThat(browser.getCurrentUrl()).contains("order=2%2C3%2C0%2C1");
        browser.findElement(By.id("check-order")).click();
        waitUpTo(10).until(d -> d.findElement(By.id("order-feedback")).getText().startsWith("Right."));
    }

    @Test
    void aQuizAnsweredRightAndWrong() {
        open("/page/5");
        waitUpTo(30).until(d -> d.findElements(By.cssSelector("#quiz fieldset")).size() == 3);
        WebElement first = browser.findElements(By.cssSelector("#quiz fieldset")).get(0);
        first.findElements(By.cssSelector("input")).get(0).click();
        first.findElement(By.tagName("button")).click();
        waitUpTo(10).until(d -> first.findElement(By.cssSelector(".feedback")).getText().startsWith("Not yet. Hint:"));
        assertThat(first.findElement(By.cssSelector(".feedback")).getText()).endsWith("One more try.");
        first.findElements(By.cssSelector("input")).get(1).click();
        first.findElement(By.tagName("button")).click();
        waitUpTo(10).until(d -> first.findElement(By.cssSelector(".feedback")).getText().startsWith("Right. Inference"));
        WebElement third = browser.findElements(By.cssSelector("#quiz fieldset")).get(2);
        third.findElements(By.cssSelector("input")).get(0).click();
        third.findElement(By.tagName("button")).click();
        waitUpTo(10).until(d -> third.findElement(By.cssSelector(".feedback")).getText().endsWith("One more try."));
        third.findElements(By.cssSelector("input")).get(1).click();
        third.findElement(By.tagName("button")).click();
        waitUpTo(10).until(d -> third.findElement(By.cssSelector(".feedback")).getText().contains("The answer is “it barely moves”"));
        assertThat(third.findElement(By.tagName("button")).isEnabled()).isFalse();
    }

    @Test
    void theBackendTabsShowThreeCodesAndEqualNumbers() {
        open("/page/6");
        waitUpTo(60).until(d -> d.findElements(By.cssSelector("[role=tab]")).size() == 3);
        Set<String> codes = new HashSet<>();
        double[] reference = null;
        for (String backend : List.of("plain", "ejml", "nd4j")) {
            browser.findElement(By.id("tab-" + backend)).click();
            waitUpTo(10).until(d -> d.findElement(By.id("tab-" + backend)).getAttribute("aria-selected").equals("true"));
            codes.add(text("#code"));
            List<WebElement> cells = browser.findElements(By.cssSelector("#results tbody td"));
            double[] numbers = cells.stream().mapToDouble(c -> Double.parseDouble(c.getText())).toArray();
            if (reference == null) {
                reference = numbers;
            }
            for (int k = 0; k < numbers.length; k++) {
                assertThat(numbers[k]).isCloseTo(reference[k], within(1e-12));
            }
            assertThat(browser.getCurrentUrl()).contains("backend=" + backend);
        }
        assertThat(codes).hasSize(3);
    }

    private static WebElement run(String code) {
        WebElement area = browser.findElement(By.cssSelector(".cell textarea"));
        if (code != null) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", area, code);
        }
        WebElement out = browser.findElement(By.cssSelector(".cell .out"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].removeAttribute('data-status');", out);
        browser.findElement(By.xpath("//div[@class='cell']//button[text()='Run']")).click();
        waitUpTo(TIMEOUT_SECONDS + 60).until(ExpectedConditions.attributeToBeNotEmpty(out, "data-status"));
        return out;
    }

    @Test
    void theRunnerRunsTheEditedSampleStopsAnEndlessLoopAndGoesOn() {
        open("/page/4");
        waitUpTo(30).until(d -> !d.findElement(By.cssSelector(".cell textarea")).getAttribute("value").isBlank());
        String sample = browser.findElement(By.cssSelector(".cell textarea")).getAttribute("value");
        WebElement warm = run("1 + 1");
        assertThat(warm.getAttribute("data-status")).as(warm.getText()).isEqualTo("ok");
        assertThat(warm.getText()).contains("==> 2");
        String edited = sample.replace("TrainingConfig.tutorial().withInitialWeights(0.1)",
                "TrainingConfig.tutorial().withInitialWeights(0.1).withLearningRate(0.5)");
        assertThat(edited).isNotEqualTo(sample);
        WebElement out = run(edited);
        TrainingResult expected = Trainer.train(Backends.named("plain"), Datasets.studyHours(),
                TrainingConfig.tutorial().withInitialWeights(0.1).withLearningRate(0.5));
        assertThat(out.getAttribute("data-status")).as(out.getText()).isEqualTo("ok");
        assertThat(out.getText()).contains("learned w = " + expected.weights()[0] + ", b = " + expected.bias());

        long start = System.nanoTime();
        out = run("while (true) {}");
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertThat(out.getAttribute("data-status")).isEqualTo("timeout");
        assertThat(seconds).as("seconds until the timeout came back").isLessThanOrEqualTo(TIMEOUT_SECONDS + 5);

        out = run("2 + 3");
        assertThat(out.getAttribute("data-status")).as(out.getText()).isEqualTo("ok");
        assertThat(out.getText()).contains("==> 5");
    }

    @Test
    void aBrowserWithoutTheCookieIsRefused() {
        browser.manage().deleteAllCookies();
        try {
            browser.get(base + "/page/2");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("Open the address that tinynn serve printed");
        } finally {
            browser.get(server.address());
        }
    }
}
