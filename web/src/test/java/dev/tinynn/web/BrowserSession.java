package dev.tinynn.web;

import dev.tinynn.web.runner.Runners;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class, on one tutorial server shared by every class that uses this
 * extension in the test run (started by the first, closed when the run ends), so the browser tests
 * stay quick. Register it with {@code @RegisterExtension static final BrowserSession browser = new BrowserSession();}.
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback {
    /** The runner's limit per Run: generous, since the first Run starts a JVM and JShell's compiler on a busy machine. */
    static final int RUN_TIMEOUT_SECONDS = 20;

    private ChromeDriver driver;
    private WebServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        driver = Chromium.start();
        server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedServer.class, k -> new SharedServer(), SharedServer.class).server;
        driver.get(server.address());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    WebServer server() {
        return server;
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A wait that also outlasts an element replaced while it looked (the pages redraw their tables). */
    WebDriverWait waitUpTo(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Opens a page and waits until its backend menu is filled (its scripts have run). */
    void open(String path) {
        driver.get(base() + path);
        waitUpTo(30).until(d -> !d.findElements(By.cssSelector("#backend option")).isEmpty());
    }

    /** What each page shows once its scripts have filled it. */
    private static final String[] READY = {"#data tbody tr", "#neurons tbody tr", "#rows tbody tr", "#gradients tbody tr",
        "#predictions tbody tr", "#collinear tbody tr", "#chain tbody tr", "#net-units canvas"};

    /** Opens page n and waits until its tables, code cell, code and quiz are filled. */
    void openFilled(int n) {
        open("/page/" + n);
        waitFor(READY[n - 1]);
        if (n > 1) {
            waitUpTo(30).until(d -> !d.findElement(By.cssSelector(".cell textarea")).getAttribute("value").isBlank());
        }
        if (n == 5 || n == 7) {
            waitFor("#quiz fieldset");
        }
        if (n == 6) {
            waitFor("#code pre");
        }
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    void waitFor(String css) {
        waitUpTo(60).until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Sets the viewport (not the window) to width × height CSS pixels. */
    void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long innerWidth = (Long) js("return window.innerWidth;");
        long innerHeight = (Long) js("return window.innerHeight;");
        driver.manage().window().setSize(new Dimension(width + (width - (int) innerWidth),
                height + (height - (int) innerHeight)));
    }

    /** Forgets the code cells' edits kept in this browser (and nothing else it keeps, such as the session's key). */
    void forgetCode() {
        js("Object.keys(localStorage).filter(k => k.startsWith('tinynn-code-')).forEach(k => localStorage.removeItem(k));");
    }

    @SuppressWarnings("unchecked")
    List<Object> errors() {
        return (List<Object>) js("return window.__errors;");
    }

    /** The shared server: closed (with its runner JVMs) when the whole test run ends. */
    // JUnit closes the AutoCloseable values of its root store when the whole run ends.
    private static final class SharedServer implements AutoCloseable {
        private final WebServer server;

        SharedServer() {
            server = WebServer.start(0, "plain", new Runners(4, Duration.ofSeconds(RUN_TIMEOUT_SECONDS),
                    System.getProperty("java.class.path")));
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
