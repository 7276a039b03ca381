package dev.tinynn.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven by Selenium WebDriver through Debian's chromedriver. Both
 * programs are named by their paths, so Selenium Manager never looks for (or downloads) a browser
 * or a driver; chromedriver listens on a free port of 127.0.0.1 only, for the length of a test.
 */
final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** The longest any one wait may take before the test gives up (a limit, not a measurement). */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private Chromium() {
    }

    /** Why the browser tests cannot run here, or empty when they can. */
    static Optional<String> missing() {
        for (Path program : new Path[] {BROWSER, DRIVER}) {
            if (!Files.isExecutable(program)) {
                return Optional.of(program + " is not installed (Debian: apt-get install chromium chromium-driver)");
            }
        }
        return Optional.empty();
    }

    /**
     * Skips the calling test, printing why, when Chromium or its driver is missing; fails instead
     * when the environment variable CI is set, where a skipped browser test would hide a broken
     * installation.
     */
    static void required(String test) {
        Optional<String> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        if (System.getenv("CI") != null) {
            throw new AssertionError(test + " cannot run: " + missing.get() + ", and CI is set, so it may not skip");
        }
        System.out.println(test + " skipped: " + missing.get());
        Assumptions.assumeTrue(false, missing.get());
    }

    /** A new headless browser with its own profile folder, a window of width × height. */
    static ChromeDriver open(Path profile, int width, int height) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        return driver;
    }
}
