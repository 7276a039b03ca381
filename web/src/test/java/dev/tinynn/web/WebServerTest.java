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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server over plain HTTP, without a browser: the security rules (token, cookie, Host, Origin,
 * loopback only), the JSON API's numbers against core's, and the runner routes.
 */
class WebServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebServer server;
    private static int port;

    @BeforeAll
    static void start() {
        server = WebServer.start(0, "plain", new Runners(2, Duration.ofSeconds(10), System.getProperty("java.class.path")));
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
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

    @Test
    void theTokenSetsAStrictHttpOnlyCookieAndIsDroppedFromTheAddress() throws IOException {
        Http.Response first = Http.send(port, "GET", "/page/3?z=1&token=" + server.token(), Map.of(), null);
        assertThat(first.status()).isBetween(300, 399);
        assertThat(first.header("Location")).isEqualTo("/page/3?z=1");
        String cookie = first.header("Set-Cookie");
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").startsWith(Guard.COOKIE + "=");
        String session = cookie.substring(0, cookie.indexOf(';'));
        Http.Response page = Http.send(port, "GET", "/page/3?z=1", Map.of("Cookie", session), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>3. Sigmoid and decisions</h1>");
        assertThat(Http.send(port, "GET", "/page/3", Map.of("Cookie", Guard.COOKIE + "=made-up"), null).status())
                .isEqualTo(403);
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
}
