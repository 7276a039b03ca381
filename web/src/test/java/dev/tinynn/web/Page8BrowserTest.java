package dev.tinynn.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.web.runner.Runners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page 8 in a real browser (headless Chromium): page 7 links to it; it loads without a JavaScript error, shows the one
 * neuron's four rows, steps from the keyboard, and when played trains XOR with 4 hidden units to
 * 4 of 4, drawing the decision region and each hidden unit's as heat maps; no sideways scroll at
 * 360 and 400 px. Waits are for what the page shows, never for time. With
 * {@code -Dtinynn.screenshots=true} it saves docs/images/web-page-8-1280.png and -400.png.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class Page8BrowserTest {
    private static WebServer server;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        browser = Chromium.start();
        server = WebServer.start(0, "plain", new Runners(1, Duration.ofSeconds(20), System.getProperty("java.class.path")));
        base = "http://127.0.0.1:" + server.port();
        browser.get(server.address());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    /** How many different colours a canvas shows: a heat map has many, a blank canvas one. */
    private static long colours(String css) {
        return (Long) script("const c = document.querySelector(arguments[0]); const d = c.getContext('2d')"
                + ".getImageData(0, 0, c.width, c.height).data; const seen = new Set();"
                + "for (let i = 0; i < d.length; i += 4) seen.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2]);"
                + "return seen.size;", css);
    }

    @Test
    void xorTrainsToFourOfFourWithFourHiddenUnitsWhenPlayed() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(base + "/page/7");
        browser.findElement(By.linkText("8. Beyond one neuron →")).click();   // page 7's "what we skipped" links here
        waitUpTo(60).until(d -> d.findElements(By.cssSelector("#neuron-rows tbody tr")).size() == 4);
        waitUpTo(60).until(d -> d.findElements(By.cssSelector("#net-units canvas")).size() == 4);
        waitUpTo(60).until(d -> d.findElement(By.id("net-where")).getText().startsWith("epoch 0,"));
        assertThat(text("h1")).isEqualTo("8. Beyond one neuron");
        assertThat(text("#neuron-caption")).startsWith("After 0 epochs: w1 = 0.5, w2 = -0.3, b = 0;");

        browser.findElement(By.id("net-step")).sendKeys(Keys.ENTER);
        waitUpTo(30).until(d -> d.findElement(By.id("net-where")).getText().startsWith("epoch 1,"));

        browser.findElement(By.id("net-play")).click();
        waitUpTo(90).until(d -> d.findElement(By.id("net-where")).getText().endsWith("4 of 4 rows right"));
        browser.findElement(By.id("net-play")).click();
        assertThat(text("#net-play")).isEqualTo("Play");
        assertThat(colours("#net-map")).as("colours of the decision region").isGreaterThan(50);
        assertThat(colours("#net-units figure:first-child canvas")).as("colours of hidden unit 1's map").isGreaterThan(20);
        assertThat(browser.findElements(By.cssSelector("#net-loss polyline"))).hasSize(1);
        waitUpTo(60).until(d -> !d.findElement(By.cssSelector(".cell textarea")).getAttribute("value").isBlank());
        assertThat(text("#status")).isEmpty();
        assertThat(errors()).isEmpty();
        shoot(1280);
        for (int width : new int[] {360, 400}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            waitUpTo(10).until(d -> (Long) script("return window.innerWidth;") <= width);
            assertThat((Long) script("return document.documentElement.scrollWidth - window.innerWidth;"))
                    .as("sideways scroll at %d px, from %s", width, script("return [...document.querySelectorAll("
                            + "'main *, header *')].filter(e => e.getBoundingClientRect().right > window.innerWidth)"
                            + ".map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 8).join(' ');"))
                    .isLessThanOrEqualTo(0L);
            if (width == 400) {
                shoot(400);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> errors() {
        return (List<Object>) script("return window.__errors;");
    }

    /** The whole page at this width, when screenshots are asked for. */
    private static void shoot(int width) throws IOException {
        if (!Boolean.getBoolean("tinynn.screenshots")) {
            return;
        }
        long height = (Long) script("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 140, 8000)));
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of(System.getProperty("user.dir")).getParent()
                .resolve("docs/images/web-page-8-" + width + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(width, 1000));
    }
}
