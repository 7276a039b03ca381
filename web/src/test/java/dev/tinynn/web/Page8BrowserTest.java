package dev.tinynn.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Page 8 in a real browser (headless Chromium): page 7 links to it; it shows the one neuron's four
 * rows, steps from the keyboard, and when played trains XOR with 4 hidden units to 4 of 4, drawing
 * the decision region and each hidden unit's as heat maps. Waits are for what the page shows, never
 * for time. (Every page's load, axe check, width at 360 and 400 px and screenshots are in the other
 * browser tests, which cover page 8 too.)
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class Page8BrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    /** How many different colours a canvas shows: a heat map has many, a blank canvas one. */
    private static long colours(String css) {
        return (Long) browser.js("const c = document.querySelector(arguments[0]); const d = c.getContext('2d')"
                + ".getImageData(0, 0, c.width, c.height).data; const seen = new Set();"
                + "for (let i = 0; i < d.length; i += 4) seen.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2]);"
                + "return seen.size;", css);
    }

    private static void waitForWhere(String start, String end) {
        browser.waitUpTo(90).until(d -> {
            String where = d.findElement(By.id("net-where")).getText();
            return where.startsWith(start) && where.endsWith(end);
        });
    }

    @Test
    void xorTrainsToFourOfFourWithFourHiddenUnitsWhenPlayed() {
        browser.viewport(1280, 900);
        browser.openFilled(7);
        browser.driver().findElement(By.linkText("8. Beyond one neuron →")).click();   // page 7's "what we skipped"
        browser.waitFor("#net-units canvas");
        browser.waitUpTo(60).until(d -> d.findElements(By.cssSelector("#neuron-rows tbody tr")).size() == 4);
        waitForWhere("epoch 0,", "");
        assertThat(browser.text("h1")).isEqualTo("8. Beyond one neuron");
        assertThat(browser.all("#net-units canvas")).hasSize(4);
        assertThat(browser.text("#neuron-caption")).startsWith("After 0 epochs: w1 = 0.5, w2 = -0.3, b = 0;");

        browser.find("#net-step").sendKeys(Keys.ENTER);
        waitForWhere("epoch 1,", "");

        browser.find("#net-play").click();
        waitForWhere("epoch ", "4 of 4 rows right");
        browser.find("#net-play").click();
        assertThat(browser.text("#net-play")).isEqualTo("Play");
        assertThat(colours("#net-map")).as("colours of the decision region").isGreaterThan(50);
        assertThat(colours("#net-units figure:first-child canvas")).as("colours of hidden unit 1's map").isGreaterThan(20);
        assertThat(browser.all("#net-loss polyline")).hasSize(1);
        assertThat(browser.text("#status")).isEmpty();
        assertThat(browser.errors()).isEmpty();
    }
}
