package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinynn.web.WebServer;
import dev.tinynn.web.runner.Runners;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code tinynn serve}'s bad input, and the web API's training numbers against {@code tinynn train --json}'s. */
class ServeCommandTest {

    @Test
    void aTakenPortIsOneLineAndExitCode2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Cli cli = Cli.run("serve", "--no-open", "--port", String.valueOf(port));
            assertThat(cli.exitCode()).isEqualTo(2);
            assertThat(cli.out()).isEmpty();
            assertThat(cli.err()).isEqualTo("tinynn serve: port " + port + " is already in use; choose another with "
                    + "--port, or --port 0 for any free port (see 'tinynn serve --help')" + System.lineSeparator());
        }
    }

    @Test
    void anUnknownBackendOrBadTimeoutIsOneLineAndExitCode2() {
        Cli cli = Cli.run("serve", "--no-open", "--port", "0", "--backend", "numpy");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("tinynn serve: unknown backend 'numpy'; available: ").hasLineCount(1);
        Cli timeout = Cli.run("serve", "--no-open", "--port", "0", "--runner-timeout", "0");
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.err()).startsWith("tinynn serve: --runner-timeout must be 1 to 600 seconds, got 0").hasLineCount(1);
    }

    @Test
    void theWebTrainingRunIsTrainJsons() throws Exception {
        JsonNode expected = Cli.trainJson("--initial-weights", "0.1", "--backend", "ejml");
        try (WebServer server = WebServer.start(0, "plain", new Runners(1, Duration.ofSeconds(5), ""))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/train?backend=ejml"))
                    .header("Authorization", "token " + server.token()).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode web = new ObjectMapper().readTree(response.body());
            for (String key : List.of("backend", "data", "loss", "updates", "learningRate", "epochs", "weights", "bias",
                    "finalLoss", "accuracy")) {
                assertThat(web.get(key)).as(key).isEqualTo(expected.get(key));
            }
        }
    }
}
