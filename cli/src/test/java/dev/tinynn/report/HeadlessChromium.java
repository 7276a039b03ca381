package dev.tinynn.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A page in Debian's headless Chromium, driven over the Chrome DevTools Protocol: a WebSocket
 * (java.net.http) that sends JSON commands such as {@code Runtime.evaluate}. Nothing is installed
 * or downloaded; where /usr/bin/chromium is missing, {@link #missing()} says so and tests skip.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** How long any one step may take before the test gives up (a wait, not a measurement). */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    /** The commands sent and not yet answered, by id. */
    private final Map<Integer, CompletableFuture<JsonNode>> pending;

    private HeadlessChromium(Process process, Path log, WebSocket socket,
            Map<Integer, CompletableFuture<JsonNode>> pending) {
        this.process = process;
        this.log = log;
        this.socket = socket;
        this.pending = pending;
    }

    /** Why the browser tests cannot run here, or empty when they can. */
    static Optional<String> missing() {
        return Files.isExecutable(CHROMIUM) ? Optional.empty()
                : Optional.of(CHROMIUM + " is not installed (Debian: apt-get install chromium); .ci/run installs it");
    }

    /**
     * Starts Chromium on {@code page}, with a new empty profile in {@code profile}, and connects
     * to the page. The flags keep it from reaching the network on its own (updates, sync,
     * QUIC), which in a closed sandbox makes it fail.
     */
    static HeadlessChromium open(URI page, Path profile, int width, int height) throws Exception {
        Path log = profile.resolveSibling(profile.getFileName() + ".log");
        // Chromium keeps sockets under TMPDIR: inside the test's folder, they go away with it.
        Path temporary = Files.createDirectories(profile.resolveSibling(profile.getFileName() + "-tmp"));
        ProcessBuilder chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0", "--hide-scrollbars",
                "--window-size=" + width + "," + height, page.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        chromium.environment().put("TMPDIR", temporary.toString());
        Process process = chromium.start();
        process.getOutputStream().close();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            waitFor(() -> Files.isRegularFile(portFile) || !process.isAlive(), "Chromium to listen", log);
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium stopped at once: " + Files.readString(log));
            }
            int port = Integer.parseInt(waitForLines(portFile).get(0).strip());
            HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
            AtomicReference<String> socketUrl = new AtomicReference<>();
            waitFor(() -> {
                socketUrl.set(pageSocket(http, port, page));
                return socketUrl.get() != null;
            }, "the page to open", log);
            Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(PATIENCE)
                    .buildAsync(URI.create(socketUrl.get()), new WebSocket.Listener() {
                        private final StringBuilder message = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            message.append(data);
                            if (last) {
                                received(pending, message.toString());
                                message.setLength(0);
                            }
                            ws.request(1);
                            return null;
                        }
                    }).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            return new HeadlessChromium(process, log, socket, pending);
        } catch (Exception | Error e) {
            stop(process);
            throw e;
        }
    }

    private static List<String> waitForLines(Path portFile) throws Exception {
        AtomicReference<List<String>> lines = new AtomicReference<>(List.of());
        waitFor(() -> {
            try {
                lines.set(Files.readAllLines(portFile));
                return lines.get().size() >= 2;
            } catch (IOException e) {
                return false;
            }
        }, "DevToolsActivePort", portFile);
        return lines.get();
    }

    /** The WebSocket address of the tab showing {@code page}, or null while there is none. */
    private static String pageSocket(HttpClient http, int port, URI page) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(PATIENCE).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode target : JSON.readTree(response.body())) {
                if ("page".equals(target.path("type").asText()) && target.path("url").asText().startsWith("file:")) {
                    return target.path("webSocketDebuggerUrl").asText();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Hands a reply to the command waiting for it; events (messages without an id) are not needed here. */
    private static void received(Map<Integer, CompletableFuture<JsonNode>> pending, String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
                if (reply != null) {
                    reply.complete(message);
                }
            }
        } catch (IOException e) {
            pending.values().forEach(reply -> reply.completeExceptionally(e));
        }
    }

    /** Sends one DevTools command and waits for its result. */
    JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", params);
        socket.sendText(JSON.writeValueAsString(command), true).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        JsonNode message = reply.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (message.has("error")) {
            throw new IllegalStateException(method + " failed: " + message.get("error"));
        }
        return message.get("result");
    }

    /** The value of a JavaScript expression in the page; an exception in the page fails the test. */
    JsonNode evaluate(String expression) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("expression", expression).put("returnByValue", true);
        JsonNode result = send("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw on '" + expression + "': " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until the expression is true in the page. */
    void waitUntil(String expression) throws Exception {
        Exception[] failure = new Exception[1];
        waitFor(() -> {
            try {
                return evaluate(expression).asBoolean(false);
            } catch (Exception e) {
                failure[0] = e;
                return true;
            }
        }, expression, log);
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** The page as it looks now, as PNG bytes. */
    byte[] screenshot() throws Exception {
        JsonNode result = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        return Base64.getDecoder().decode(result.get("data").asText());
    }

    private static void waitFor(BooleanSupplier condition, String what, Path log) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + PATIENCE.toSeconds()
                        + " s; Chromium's log: " + (Files.exists(log) ? Files.readString(log) : "none"));
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        socket.abort();
        stop(process);
    }

    /** Ends the Chromium this test started, and the helper processes it started, by their ids. */
    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
