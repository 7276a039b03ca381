package dev.tinynn.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Selenium, headless, with the browser and driver paths given so that
 * Selenium Manager never downloads anything. Where either is missing the browser tests are skipped
 * with a printed reason, except under CI (the environment variable CI set), where they fail.
 */
final class Chromium {
    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private Chromium() {
    }

    static ChromeDriver start() throws IOException {
        for (String path : new String[] {BROWSER, DRIVER}) {
            if (!new File(path).canExecute()) {
                String reason = path + " is missing; install Debian's chromium and chromium-driver (.ci/run does)";
                if (System.getenv("CI") != null) {
                    throw new IllegalStateException("CI is set and " + reason);
                }
                System.out.println("browser tests skipped: " + reason);
                Assumptions.abort(reason);
            }
        }
        System.setProperty("webdriver.chrome.driver", DRIVER);
        Path profile = Files.createTempDirectory("tinynn-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1200,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
