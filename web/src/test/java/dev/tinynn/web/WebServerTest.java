package dev.tinynn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinynn.core.Backends;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.web.runner.Runners;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server over plain HTTP, without a browser: the security rules (token, cookie, Host, Origin,
 * loopback only), the JSON API's numbers against core's, and the runner routes.
 */
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class WebServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebServer server;
    private static WebServer oneRunner;
    private static int port;

    @BeforeAll
    static void start() {
        server = WebServer.start(0, "plain", new Runners(2, Duration.ofSeconds(10), System.getProperty("java.class.path")));
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        if (oneRunner != null) {
            oneRunner.close();
        }
    }

    private static Map<String, String> auth() {
        return Map.of("Authorization", "token " + server.token());
    }

    private static JsonNode get(String path) throws IOException {
        Http.Response r = Http.send(port, "GET", path, auth(), null);
        assertThat(r.status()).as("%s: %s", path, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void addressIsLoopbackWithALongToken() {
        assertThat(server.address()).startsWith("http://127.0.0.1:" + port + "/?token=");
        assertThat(server.token()).hasSizeGreaterThanOrEqualTo(32).matches("[0-9a-f]+");
    }

    @Test
    void aPageWithoutTokenOrCookieIsRefusedWithAnExplanation() throws IOException {
        Http.Response page = Http.send(port, "GET", "/page/1", Map.of(), null);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Open the address that <code>tinynn serve</code> printed");
        assertThat(Http.send(port, "GET", "/api/page/1", Map.of(), null).status()).isEqualTo(403);
        assertThat(Http.send(port, "POST", "/api/run", Map.of(), "{\"code\":\"1+1\"}").status()).isEqualTo(403);
        assertThat(Http.send(port, "GET", "/page/1", Map.of("Authorization", "token wrong"), null).status()).isEqualTo(403);
        assertThat(Http.send(port, "GET", "/page/1?token=wrong", Map.of(), null).status()).isEqualTo(403);
    }

    /** A browser's session as the token swap makes it: the cookie and, from the address's fragment, the key. */
    record Session(String cookie, String key, String location) {
        Map<String, String> page() {
            return Map.of("Cookie", cookie);
        }

        Map<String, String> api() {
            return Map.of("Cookie", cookie, Guard.KEY_HEADER, key);
        }
    }

    static Session session(WebServer server, String path) throws IOException {
        Http.Response swap = Http.send(server.port(), "GET", path + (path.contains("?") ? "&" : "?") + "token=" + server.token(),
                Map.of(), null);
        assertThat(swap.status()).isBetween(300, 399);
        String cookie = swap.header("Set-Cookie");
        String location = swap.header("Location");
        return new Session(cookie.substring(0, cookie.indexOf(';')), location.substring(location.indexOf("#tinynn-key=") + 12),
                location);
    }

    @Test
    void theTokenSetsAStrictHttpOnlyCookieNamedForThePortAndHandsTheKeyInTheFragment() throws IOException {
        Http.Response first = Http.send(port, "GET", "/page/3?z=1&token=" + server.token(), Map.of(), null);
        assertThat(first.status()).isBetween(300, 399);
        assertThat(first.header("Location")).matches("/page/3\\?z=1#tinynn-key=[0-9a-f]{64}");
        String cookie = first.header("Set-Cookie");
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").startsWith("tinynn-session-" + port + "=");
        String session = cookie.substring(0, cookie.indexOf(';'));
        Http.Response page = Http.send(port, "GET", "/page/3?z=1", Map.of("Cookie", session), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>3. Sigmoid and decisions</h1>");
        assertThat(Http.send(port, "GET", "/page/3", Map.of("Cookie", "tinynn-session-" + port + "=made-up"), null).status())
                .isEqualTo(403);
    }

    /**
     * Browsers send a 127.0.0.1 cookie to every port of 127.0.0.1, so another local service can replay
     * it: with the cookie alone it reads the tutorial's pages but no API call, and runs no code. The key
     * that the API also needs never leaves this origin.
     */
    @Test
    void aReplayedCookieWithoutTheKeyRunsNoCode() throws IOException {
        Session learner = session(server, "/page/2");

        Http.Response replayed = Http.send(port, "POST", "/api/run", learner.page(), "{\"code\":\"1 + 1\"}");
        Map<String, String> wrongKey = Map.of("Cookie", learner.cookie(), Guard.KEY_HEADER, "0".repeat(64));

        assertThat(replayed.status()).isEqualTo(403);
        assertThat(JSON.readTree(replayed.body()).path("error").asText()).startsWith("forbidden: no session key");
        assertThat(Http.send(port, "GET", "/api/backends", learner.page(), null).status()).isEqualTo(403);
        assertThat(Http.send(port, "GET", "/api/backends", wrongKey, null).status()).isEqualTo(403);
        assertThat(Http.send(port, "GET", "/api/backends", learner.api(), null).status()).isEqualTo(200);
        assertThat(Http.send(port, "GET", "/page/2", learner.page(), null).status()).isEqualTo(200);
    }

    /** Two servers in one browser: each cookie carries its port in its name, so neither overwrites the other. */
    @Test
    void twoServersOnDifferentPortsKeepTheirOwnSessions() throws IOException {
        try (WebServer other = WebServer.start(0, "plain", new Runners(1, Duration.ofSeconds(1), ""))) {
            Session here = session(server, "/page/1");
            Session there = session(other, "/page/1");

            assertThat(name(here.cookie())).isEqualTo("tinynn-session-" + port);
            assertThat(name(there.cookie())).isEqualTo("tinynn-session-" + other.port()).isNotEqualTo(name(here.cookie()));
            // a browser sends both cookies to both ports; each server reads its own
            String both = here.cookie() + "; " + there.cookie();
            assertThat(Http.send(port, "GET", "/api/backends", Map.of("Cookie", both, Guard.KEY_HEADER, here.key()), null)
                    .status()).isEqualTo(200);
            assertThat(Http.send(other.port(), "GET", "/api/backends", Map.of("Cookie", both, Guard.KEY_HEADER, there.key()),
                    null).status()).isEqualTo(200);
            assertThat(Http.send(other.port(), "GET", "/api/backends", Map.of("Cookie", both, Guard.KEY_HEADER, here.key()),
                    null).status()).isEqualTo(403);
        }
    }

    /** Each token visit makes a session; the guard keeps the latest 16, and a browser's new one replaces its old. */
    @Test
    void tokenVisitsKeepAtMostSixteenSessions() throws IOException {
        try (WebServer other = WebServer.start(0, "plain", new Runners(1, Duration.ofSeconds(1), ""))) {
            Session first = session(other, "/page/1");
            List<Session> later = new java.util.ArrayList<>();
            for (int k = 0; k < Guard.MAX_SESSIONS; k++) {
                later.add(session(other, "/page/1"));
            }
            assertThat(Http.send(other.port(), "GET", "/api/backends", first.api(), null).status()).isEqualTo(403);
            assertThat(later).allSatisfy(s ->
                    assertThat(Http.send(other.port(), "GET", "/api/backends", s.api(), null).status()).isEqualTo(200));
            Session old = later.get(0);
            Http.Response again = Http.send(other.port(), "GET", "/page/1?token=" + other.token(), old.page(), null);
            assertThat(again.status()).isBetween(300, 399);
            assertThat(Http.send(other.port(), "GET", "/api/backends", old.api(), null).status()).isEqualTo(403);
            assertThat(Http.send(other.port(), "GET", "/api/backends", later.get(1).api(), null).status()).isEqualTo(200);
        }
    }

    private static String name(String cookie) {
        return cookie.substring(0, cookie.indexOf('='));
    }

    @Test
    void theTokenSwapRedirectsOnlyToAPathOfThisServer() throws IOException {
        assertThat(Http.send(port, "GET", "//evil.example/?token=" + server.token(), Map.of(), null).header("Location"))
                .startsWith("/page/1#tinynn-key=");
        for (String path : List.of("//evil.example/", "/\\evil.example/", "//evil.example/page/1", "/page/1%0d%0aX-A:b")) {
            Http.Response swap = Http.send(port, "GET", path + "?token=" + server.token(), Map.of(), null);
            // (Jetty itself refuses some of these paths outright, which is as safe.)
            if (swap.status() != 400) {
                assertThat(swap.header("Location")).as(path).startsWith("/page/1#tinynn-key=");
            }
        }
        assertThat(session(server, "/").location()).startsWith("/page/1#tinynn-key=");
    }

    @Test
    void everyApiErrorIsJsonWithOneSentence() throws IOException {
        Http.Response badJson = Http.send(port, "POST", "/api/run", auth(), "{\"code\": ");
        Http.Response tooLarge = Http.send(port, "POST", "/api/run", auth(), "{\"code\": \"" + "x".repeat(WebServer.MAX_BODY) + "\"}");
        Http.Response unknown = Http.send(port, "GET", "/api/nothing-here", auth(), null);
        Http.Response notCode = Http.send(port, "POST", "/api/run", auth(), "[1, 2]");

        assertThat(List.of(badJson, tooLarge, unknown, notCode)).allSatisfy(answer ->
                assertThat(answer.header("Content-Type")).startsWith("application/json"));
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(JSON.readTree(badJson.body()).path("error").asText())
                .isEqualTo("The request's body is not valid JSON; send an object such as {\"code\": \"1 + 1\"}.");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(JSON.readTree(tooLarge.body()).path("error").asText())
                .isEqualTo("The request is larger than this server's limit of 1024 KB (1048576 bytes); send less code in one Run.");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").asText())
                .isEqualTo("There is no GET /api/nothing-here on this server; docs/web.md lists the API's calls.");
        assertThat(notCode.status()).isEqualTo(400);
        assertThat(JSON.readTree(notCode.body()).path("error").asText()).isEqualTo("send JSON {\"code\": \"...\"}");
    }

    /** Every answer, whatever its kind or status, carries the security headers. */
    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws IOException {
        Session learner = session(server, "/page/1");
        List<Http.Response> answers = List.of(
                Http.send(port, "GET", "/page/1", learner.page(), null),
                Http.send(port, "GET", "/assets/tinynn.js", learner.page(), null),
                Http.send(port, "GET", "/api/backends", learner.api(), null),
                Http.send(port, "GET", "/api/page/9", learner.api(), null),
                Http.send(port, "GET", "/api/nothing-here", learner.api(), null),
                Http.send(port, "POST", "/api/run", learner.api(), "not json"),
                Http.send(port, "GET", "/page/1", Map.of(), null),
                Http.send(port, "GET", "/page/1?token=" + server.token(), Map.of(), null));
        for (Http.Response answer : answers) {
            assertThat(answer.header("Content-Security-Policy")).as("status %d", answer.status())
                    .isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            + "frame-ancestors 'none'; form-action 'self'");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        }
        assertThat(answers).extracting(Http.Response::status).containsExactly(200, 200, 200, 400, 404, 400, 403, 302);
    }

    @Test
    void aForeignHostIsRefusedEvenWithTheToken() throws IOException {
        for (String host : List.of("evil.example:" + port, "127.0.0.1", "localhost:1", "127.0.0.1.evil.example:" + port)) {
            Map<String, String> headers = new java.util.HashMap<>(auth());
            headers.put("Host", host);
            assertThat(Http.send(port, "GET", "/api/backends", headers, null).status()).as(host).isEqualTo(403);
        }
        Map<String, String> localhost = new java.util.HashMap<>(auth());
        localhost.put("Host", "localhost:" + port);
        assertThat(Http.send(port, "GET", "/api/backends", localhost, null).status()).isEqualTo(200);
    }

    @Test
    void aPostFromAnotherOriginIsRefused() throws IOException {
        Map<String, String> foreign = new java.util.HashMap<>(auth());
        foreign.put("Origin", "http://evil.example");
        assertThat(Http.send(port, "POST", "/api/check", foreign, "{\"exercise\":\"raw2\",\"answer\":\"1\"}").status())
                .isEqualTo(403);
        Map<String, String> own = new java.util.HashMap<>(auth());
        own.put("Origin", "http://127.0.0.1:" + port);
        Http.Response ok = Http.send(port, "POST", "/api/check", own, "{\"exercise\":\"raw2\",\"answer\":\"1\"}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("right").asBoolean()).isTrue();
    }

    /**
     * The kernel's own table of listening TCP sockets (/proc/net/tcp and tcp6) says where the server
     * listens: only on 127.0.0.1. Read from the table rather than by connecting to this machine's other
     * addresses, so the test sends nothing beyond loopback.
     */
    @Test
    void listensOnLoopbackOnly() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "no /proc/net/tcp on this system");
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                String[] local = columns[1].split(":");
                boolean listen = columns[3].equals("0A");
                if (listen && Integer.parseInt(local[1], 16) == port) {
                    listening.add(local[0]);
                }
            }
        }
        // 0100007F is 127.0.0.1 as the kernel writes it (little-endian hex), and the second form the same
        // address on an IPv6 socket (::ffff:127.0.0.1); 00000000 or all zeros would be every address.
        assertThat(listening).as("local addresses listening on port %d", port).isNotEmpty()
                .allMatch(address -> address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F"));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void aTakenPortIsReportedInOneSentence() {
        Runners runners = new Runners(1, Duration.ofSeconds(1), "");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebServer.start(port, "plain", runners))
                .isInstanceOf(WebServer.PortTakenException.class)
                .hasMessage("port " + port + " is already in use; choose another with --port, or --port 0 for any free port");
    }

    @Test
    void trainingNumbersAreCoresOwn() throws IOException {
        JsonNode run = get("/api/train?backend=ejml&epochs=1000");
        TrainingResult expected = Trainer.train(Backends.named("ejml"), Datasets.studyHours(),
                TrainingConfig.tutorial().withInitialWeights(0.1));
        assertThat(run.path("weights").get(0).asDouble()).isEqualTo(expected.weights()[0]);
        assertThat(run.path("bias").asDouble()).isEqualTo(expected.bias());
        assertThat(run.path("finalLoss").asDouble()).isEqualTo(expected.finalLoss());
        assertThat(run.path("rowSteps")).hasSize(4);
        assertThat(run.path("epochEnds")).hasSize(1000);
        // the tutorial's golden numbers: w = 4.30186854642, b = −10.5080115598 after 1000 epochs
        assertThat(expected.weights()[0]).isCloseTo(4.3018685464211535, within(1e-9));
        JsonNode first = run.path("rowSteps").get(0);
        assertThat(first.path("z").asDouble()).isEqualTo(0.1);
        assertThat(run.path("epochEnds").get(0).path("tutorialLoss").asDouble()).isCloseTo(1.015520335, within(1e-9));
    }

    @Test
    void badInputGetsOneSentenceAnd400() throws IOException {
        Http.Response r = Http.send(port, "GET", "/api/train?lr=abc", auth(), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("'abc' is not a number; write one like 0.5 or -2");
        assertThat(Http.send(port, "GET", "/api/page/9", auth(), null).status()).isEqualTo(400);
        assertThat(Http.send(port, "GET", "/assets/..%2Fpage.html", auth(), null).status()).isEqualTo(404);
    }

    @Test
    void pageSixHasThreeBackendsWithTheirOwnCodeAndTheSameNumbers() throws IOException {
        JsonNode page = get("/api/page/6");
        assertThat(page.path("tabs")).hasSize(3);
        Set<String> codes = new HashSet<>();
        JsonNode reference = page.path("tabs").get(0);
        for (JsonNode tab : page.path("tabs")) {
            codes.add(tab.path("code").toString());
            for (String run : List.of("online", "batch")) {
                for (int j = 0; j < 2; j++) {
                    assertThat(tab.path(run).path("weights").get(j).asDouble())
                            .isCloseTo(reference.path(run).path("weights").get(j).asDouble(), within(1e-12));
                }
                assertThat(tab.path(run).path("bias").asDouble()).isCloseTo(reference.path(run).path("bias").asDouble(), within(1e-12));
            }
        }
        assertThat(codes).hasSize(3);
        assertThat(page.path("tabs").get(0).path("code").get(0).path("body").asText()).isNotBlank();
    }

    @Test
    void theSampleCellIsTheExamplesSourceWithACall() throws IOException {
        String code = get("/api/sample/4?backend=ejml").path("code").asText();
        assertThat(code).doesNotContain("package dev.tinynn.samples;")
                .contains("public final class Page4LossAndTraining")
                .endsWith("Page4LossAndTraining.main(new String[] {\"ejml\"});\n");
    }

    /**
     * Two tabs of one browser share its session's runner: the second tab's Run waits for the first's,
     * is told so when its page asks, and its answer says how long it waited. A newcomer when every
     * runner is busy gets 503 with Retry-After and one sentence.
     */
    @Test
    void aRunWaitingForAnotherIsToldSoAndABusyServerSaysWhenToComeBack() throws Exception {
        oneRunner = WebServer.start(0, "plain", new Runners(1, Duration.ofMinutes(2), System.getProperty("java.class.path"),
                Duration.ofSeconds(1)));
        int one = oneRunner.port();
        Session learner = session(oneRunner, "/page/2");
        Session stranger = session(oneRunner, "/page/2");
        ExecutorService tabs = Executors.newFixedThreadPool(2);
        try {
            Future<Http.Response> first = tabs.submit(() -> Http.send(one, "POST", "/api/run", learner.api(),
                    "{\"code\": \"Thread.sleep(3000);\", \"run\": \"first\"}"));
            JsonNode state = waitFor(one, learner, "first", "running");
            Future<Http.Response> second = tabs.submit(() -> Http.send(one, "POST", "/api/run", learner.api(),
                    "{\"code\": \"1 + 1\", \"run\": \"second\"}"));
            state = waitFor(one, learner, "second", "waiting");
            Http.Response busy = Http.send(one, "POST", "/api/run", stranger.api(), "{\"code\": \"1 + 1\"}");

            assertThat(state.path("message").asText()).isEqualTo("waiting for the other run…");
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).isEqualTo("120");
            assertThat(JSON.readTree(busy.body()).path("error").asText())
                    .isEqualTo("All 1 code runners are busy with other sessions' Runs; run again in 120 seconds.");
            assertThat(JSON.readTree(first.get(60, TimeUnit.SECONDS).body()).path("status").asText()).isEqualTo("ok");
            JsonNode waited = JSON.readTree(second.get(60, TimeUnit.SECONDS).body());
            assertThat(waited.path("output").asText()).isEqualTo("$1 ==> 2\n");
            assertThat(waited.path("waitedMillis").asLong()).isPositive();
            assertThat(JSON.readTree(Http.send(one, "GET", "/api/run/second", learner.api(), null).body()).path("state").asText())
                    .isEqualTo("unknown");
            assertThat(Http.send(one, "GET", "/api/run/second", stranger.page(), null).status()).isEqualTo(403);
        } finally {
            tabs.shutdownNow();
        }
    }

    /** Asks for a Run's state until it is the one expected (each ask is bounded; so is the number of asks). */
    private static JsonNode waitFor(int port, Session session, String run, String expected) throws Exception {
        for (int ask = 0; ask < 6000; ask++) {
            JsonNode state = JSON.readTree(Http.send(port, "GET", "/api/run/" + run, session.api(), null).body());
            if (state.path("state").asText().equals(expected)) {
                return state;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("run " + run + " never reached the state " + expected);
    }
}
