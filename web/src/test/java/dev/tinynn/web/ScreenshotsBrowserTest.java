package dev.tinynn.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pictures in docs/web.md: each whole page, filled, at 1280 and at 400 CSS pixels wide, saved as
 * docs/images/web-page-N-1280.png and web-page-N-400.png. Runs only when asked:
 * {@code ./mvnw -pl web -am test -Dtest=ScreenshotsBrowserTest -Dtinynn.screenshots=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "tinynn.screenshots", matches = "true")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ScreenshotsBrowserTest {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Test
    void eachPageAt1280And400PixelsWide() throws IOException {
        Path images = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/images");
        Files.createDirectories(images);
        for (int width : new int[] {1280, 400}) {
            browser.viewport(width, width == 1280 ? 900 : 860);
            for (int n = 1; n <= Pages.count(); n++) {
                browser.openFilled(n);
                if (n == 8) {   // page 8 trained: its heat maps after XOR reaches 4 of 4
                    browser.find("#net-play").click();
                    browser.waitUpTo(90).until(d -> browser.text("#net-where").endsWith("4 of 4 rows right"));
                    browser.find("#net-play").click();
                }
                assertThat(browser.errors()).isEmpty();
                // the whole page, top to bottom, through the DevTools protocol
                Number height = (Number) browser.js("return document.documentElement.scrollHeight;");
                Map<String, Object> shot = browser.driver().executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                        "captureBeyondViewport", true,
                        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height.intValue(), "scale", 1)));
                Files.write(images.resolve("web-page-" + n + "-" + width + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
            }
        }
    }
}
