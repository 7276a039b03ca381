package dev.tinynn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.tinynn.lesson.Exercises;
import dev.tinynn.lesson.Quiz;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Accessibility, measured (issue 20, section 6): axe-core on every page, the focus ring's contrast,
 * no live region that speaks every animation frame, a code cell that says how to leave it and has one
 * name, and right and wrong told by more than colour.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AccessibilityBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Test
    void axeFindsNoSeriousOrCriticalViolationOnAnyPage() {
        List<String> found = new ArrayList<>();
        for (int n = 1; n <= Pages.count(); n++) {
            browser.openFilled(n);
            Results results = new AxeBuilder().analyze(browser.driver());
            assertThat(results.isErrored()).as("axe on page %d: %s", n, results.getErrorMessage()).isFalse();
            for (Rule rule : results.getViolations()) {
                if (List.of("serious", "critical").contains(rule.getImpact())) {
                    found.add("page " + n + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                            + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList());
                }
            }
            assertThat(results.getPasses()).as("rules axe checked on page %d", n).isNotEmpty();
        }
        assertThat(found).isEmpty();
    }

    /** WCAG's relative luminance of an sRGB colour given as rgb(…) or rgba(…). */
    private static double luminance(String css) {
        String[] parts = css.replaceAll("[^0-9.,]", "").split(",");
        double sum = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int k = 0; k < 3; k++) {
            double c = Double.parseDouble(parts[k]) / 255;
            sum += weights[k] * (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return sum;
    }

    static double contrast(String a, String b) {
        double x = luminance(a);
        double y = luminance(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    }

    @Test
    void theFocusRingStandsOutThreeToOneFromWhatIsAroundIt() {
        assertThat(contrast("rgb(240, 165, 0)", "rgb(255, 255, 255)")).as("the old ring, as the issue measured it")
                .isCloseTo(2.08, org.assertj.core.api.Assertions.within(0.01));
        browser.openFilled(2);
        browser.js("document.querySelector('.skip').focus();");
        int seen = 0;
        for (int k = 0; k < 25; k++) {
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            @SuppressWarnings("unchecked")
            Map<String, Object> ring = (Map<String, Object>) browser.js(
                    "const e = document.activeElement, s = getComputedStyle(e);"
                    + "let p = e.parentElement, bg = 'rgb(255, 255, 255)';"
                    + "for (; p; p = p.parentElement) { const c = getComputedStyle(p).backgroundColor;"
                    + "  if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; } }"
                    + "return {tag: e.tagName + (e.id ? '#' + e.id : ''), style: s.outlineStyle, width: parseFloat(s.outlineWidth),"
                    + " color: s.outlineColor, background: bg};");
            if (ring.get("tag").toString().equals("TEXTAREA#code-2")) {
                break; // Tab indents inside the editor
            }
            seen++;
            assertThat(ring.get("style")).as("%s", ring).isNotEqualTo("none");
            assertThat(((Number) ring.get("width")).doubleValue()).as("%s", ring).isGreaterThanOrEqualTo(2);
            assertThat(contrast((String) ring.get("color"), (String) ring.get("background"))).as("%s", ring)
                    .isGreaterThanOrEqualTo(3);
        }
        assertThat(seen).as("controls reached by Tab before the editor").isGreaterThan(10);
    }

    @Test
    void noLiveRegionSpeaksEveryFrameOfAnAnimation() {
        String live = "[aria-live]:not([aria-live=off]), [role=status], [role=log], [role=alert], [role=marquee], [role=timer]";
        for (int n : new int[] {1, 4}) {
            browser.openFilled(n);
            for (String changing : n == 1 ? List.of("#s0", "#s1", "#s2", "#s3", "#s4", "#flow-says", "#player .where")
                    : List.of("#step", "#step-caption", "#loss-curve", "#player .where")) {
                assertThat(browser.js("return arguments[0].closest(arguments[1]) === null;", browser.find(changing), live))
                        .as("%s on page %d is inside no live region", changing, n).isEqualTo(true);
            }
            browser.find("#player .play").click();
            assertThat(browser.text("#player [role=status]")).as("said while playing").isEmpty();
            browser.find("#player .play").click();
            assertThat(browser.find("#player [role=status]").getAttribute("textContent")).as("said when paused").isNotBlank();
        }
    }

    @Test
    void theCodeCellHasOneNameAndSaysThatTabIndentsAndEscapeLeavesIt() {
        browser.openFilled(2);
        WebElement area = browser.find(".cell textarea");
        assertThat(area.getAttribute("aria-label")).isNull();
        assertThat(area.getAttribute("aria-labelledby")).isNull();
        assertThat(browser.all("label[for='" + area.getAttribute("id") + "']")).hasSize(1);
        assertThat(area.getAccessibleName()).isEqualTo("Java, run by JShell with tinynn and its backends");
        String help = browser.find("#" + area.getAttribute("aria-describedby")).getText();
        assertThat(help).contains("Tab indents").contains("Escape");
        String before = area.getAttribute("value");
        area.click();
        area.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME));
        area.sendKeys(Keys.TAB);
        assertThat(area.getAttribute("value")).isEqualTo("    " + before);
        assertThat(browser.js("return document.activeElement === arguments[0];", area)).isEqualTo(true);
        area.sendKeys(Keys.ESCAPE);
        area.sendKeys(Keys.TAB);
        assertThat(browser.js("return document.activeElement === arguments[0];", area)).isEqualTo(false);
        assertThat(area.getAttribute("value")).isEqualTo("    " + before);
        browser.forgetCode();
    }

    @Test
    void rightAndWrongAreToldByAMarkAndWordsNotColourAlone() {
        browser.openFilled(3);
        int right = ((Quiz) Exercises.named("p3", null)).questions().get(0).answer();
        browser.find("input[name=p3][value='" + (1 - right) + "']").click();
        browser.find("#check").click();
        browser.waitUpTo(10).until(d -> !d.findElement(By.id("feedback")).getText().isBlank());
        assertThat(browser.text("#feedback")).isNotBlank().doesNotStartWith("Right");
        assertThat(browser.find("#feedback").getAttribute("data-right")).isEqualTo("false");
        assertThat(browser.js("return getComputedStyle(document.getElementById('feedback'), '::before').content;"))
                .isEqualTo("\"✗ \"");
        browser.find("input[name=p3][value='" + right + "']").click();
        browser.find("#check").click();
        browser.waitUpTo(10).until(d -> d.findElement(By.id("feedback")).getText().startsWith("Right"));
        assertThat(browser.js("return getComputedStyle(document.getElementById('feedback'), '::before').content;"))
                .isEqualTo("\"✓ \"");
        browser.openFilled(6);
        browser.waitFor("#plane circle");
        // passed rows are circles, failed rows crosses
        assertThat(browser.all("#plane circle.pass")).hasSize(2);
        assertThat(browser.all("#plane path.fail")).hasSize(2);
        assertThat(browser.all("#plane .fail[fill], #plane circle.fail")).isEmpty();
    }
}
