package dev.tinynn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tinynn.core.Activation;
import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkResult;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.BeyondOneNeuron;
import dev.tinynn.web.runner.Runners;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * POST /api/network's numbers are core's: trained in steps, each answer's network sent back as
 * JSON, it ends with exactly the weights, losses and probabilities of one {@link NetworkTrainer}
 * run of all the epochs, on every backend present; its limits are refused in one sentence.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NetworkStepsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NetworkSteps STEPS = new NetworkSteps(new BackendCache("plain"));

    static Stream<String> backends() {
        return Backends.available().stream().map(Backend::name);
    }

    /** One request through JSON both ways, as the page sends it and reads the answer. */
    private static JsonNode ask(ObjectNode request) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(STEPS.step(JSON.readTree(JSON.writeValueAsString(request)))));
    }

    private static ObjectNode request(String backend, String data, int hidden, String activation, double rate) {
        ObjectNode request = JSON.createObjectNode().put("backend", backend).put("data", data);
        request.putArray("hidden").add(hidden);
        return request.put("activation", activation).put("learningRate", rate);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void trainingInStepsGivesExactlyOneRunsNumbers(String backend) throws Exception {
        check(backend, "xor", 4, "sigmoid", 1, new int[] {0, 7, 1, 12, 20});
        check(backend, "moons", 3, "tanh", 0.3, new int[] {0, 5, 10});
    }

    private static void check(String backend, String name, int hidden, String activation, double rate, int[] steps)
            throws Exception {
        JsonNode network = null;
        List<Double> losses = new ArrayList<>();
        JsonNode answer = null;
        int total = 0;
        for (int epochs : steps) {
            ObjectNode request = request(backend, name, hidden, activation, rate).put("epochs", epochs);
            if (network != null) {
                request.set("network", network);
            }
            answer = ask(request);
            network = answer.get("network");
            answer.get("loss").forEach(v -> losses.add(v.doubleValue()));
            total += epochs;
        }
        Dataset data = Datasets.named(name);
        NetworkShape shape = new NetworkShape(2, new int[] {hidden}, Activation.byId(activation));
        NetworkResult expected = NetworkTrainer.train(Backends.named(backend), data,
                TrainingConfig.network().withLearningRate(rate).withEpochs(total), Network.random(shape, 1),
                TrainingListener.NONE);
        assertThat(answer.get("backend").asText()).isEqualTo(backend);
        assertThat(losses).as("every epoch's loss").containsExactly(
                java.util.Arrays.stream(expected.lossHistory()).boxed().toArray(Double[]::new));
        for (int l = 0; l < 2; l++) {
            Network.Layer layer = expected.network().layers().get(l);
            JsonNode sent = network.get("layers").get(l);
            assertThat(JSON.treeToValue(sent.get("weights"), double[][].class)).isEqualTo(layer.weights());
            assertThat(JSON.treeToValue(sent.get("biases"), double[].class)).isEqualTo(layer.biases());
        }
        assertThat(JSON.treeToValue(answer.get("probabilities"), double[].class)).isEqualTo(expected.probabilities());
        assertThat(answer.get("rowsRight").asInt()).isEqualTo(expected.rowsRight(0.5));
        // The heat map: the grid's first point (top left) and its p, by core's own forward pass.
        JsonNode grid = answer.get("grid");
        int size = grid.get("size").asInt();
        double x = grid.get("x").get(0).asDouble() + (grid.get("x").get(1).asDouble() - grid.get("x").get(0).asDouble())
                * 0.5 / size;
        double y = grid.get("y").get(1).asDouble() - (grid.get("y").get(1).asDouble() - grid.get("y").get(0).asDouble())
                * 0.5 / size;
        double[][] a = expected.network().activations(x, y);
        assertThat(grid.get("output").get(0).asDouble()).isCloseTo(a[1][0], within(1e-12));
        for (int j = 0; j < hidden; j++) {
            assertThat(grid.get("units").get(j).get(0).asDouble()).isCloseTo(a[0][j], within(1e-12));
        }
        assertThat(grid.get("output")).hasSize(size * size);
    }

    @Test
    void xorWithFourHiddenUnitsReachesFourOfFourAndOneNeuronDoesNot() throws Exception {
        JsonNode network = null;
        JsonNode answer = null;
        for (int k = 0; k < 3; k++) {
            ObjectNode request = request("plain", "xor", 4, "sigmoid", 1).put("epochs", 100);
            if (network != null) {
                request.set("network", network);
            }
            answer = ask(request);
            network = answer.get("network");
        }
        assertThat(answer.get("rowsRight").asInt()).isEqualTo(4);
        JsonNode page = JSON.readTree(JSON.writeValueAsString(Page8Numbers.of(Backends.named("plain"))));
        assertThat(page.at("/neuron/frames")).hasSize(BeyondOneNeuron.NEURON_FRAMES.length)
                .allSatisfy(f -> assertThat(f.get("rowsRight").asInt()).isLessThanOrEqualTo(3));
        assertThat(page.at("/neuron/rowsRight").asInt()).isEqualTo(2);
        assertThat(page.at("/network/rowsRight").asInt()).isEqualTo(4);
        assertThat(page.at("/network/hidden").toString()).as("as tinynn train --json writes it").isEqualTo("[4]");
    }

    @Test
    void whatIsOverTheLimitsIsRefusedInOneSentence() {
        refused(request("plain", "xor", 4, "sigmoid", 1).put("epochs", NetworkSteps.MAX_EPOCHS + 1),
                "epochs must be a whole number from 0 to 100 (at most 100 epochs in one request), got 101");
        refused(request("plain", "xor", 9, "sigmoid", 1),
                "hidden must be a whole number from 1 to 8 (at most 8 hidden units in one request), got 9");
        refused(request("plain", "xor", 0, "sigmoid", 1),
                "hidden must be a whole number from 1 to 8 (at most 8 hidden units in one request), got 0");
        refused(request("plain", "iris", 4, "sigmoid", 1),
                "data must be one of xor, circles, moons, spiral, not 'iris'");
        refused(request("plain", "xor", 4, "sigmoid", 11), "learningRate must be above 0 and at most 10, such as 1");
        refused(request("plain", "xor", 4, "sigmoid", 1).put("seed", "abc"), "seed must be a whole number, such as 1");
        refused(request("plain", "xor", 4, "sigmoid", 1).put("seed", 1.5), "seed must be a whole number, such as 1");
        for (String rate : new String[] {"", "abc", "1"}) {
            refused(request("plain", "xor", 4, "sigmoid", 1).put("learningRate", rate),
                    "learningRate must be above 0 and at most 10, such as 1");
        }
        refused(request("plain", "xor", 4, "sigmoid", 1).put("epochs", 4.5),
                "epochs must be a whole number from 0 to 100 (at most 100 epochs in one request), got 4.5");
        refused(request("plain", "xor", 4, "sigmoid", 1).put("hidden", 4.5),
                "hidden must be a whole number from 1 to 8 (at most 8 hidden units in one request), got 4.5");
        ObjectNode twoLayers = request("plain", "xor", 4, "sigmoid", 1);
        twoLayers.putArray("hidden").add(3).add(2);
        refused(twoLayers, "hidden must be one hidden layer's size, such as [4], got [3,2]");
        ObjectNode wrongShape = request("plain", "xor", 2, "sigmoid", 1);
        wrongShape.set("network", JSON.createObjectNode().set("layers", JSON.createArrayNode()));
        refused(wrongShape, "network must be {\"layers\": [...]} with 2 hidden units reading 2 inputs, as this endpoint"
                + " answered it; press Reset to start again");
    }

    @Test
    void theServerAnswersARefusalWith400AndOneSentence() throws Exception {
        try (WebServer server = WebServer.start(0, "plain", new Runners(1, Duration.ofSeconds(5), ""))) {
            Map<String, String> headers = Map.of("Authorization", "token " + server.token(),
                    "Content-Type", "application/json");
            Http.Response r = Http.send(server.port(), "POST", "/api/network", headers, "{\"epochs\": 1000}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("epochs must be a whole number from 0"
                    + " to 100 (at most 100 epochs in one request), got 1000");
            assertThat(JSON.readTree(r.body()).size()).isEqualTo(1);
            Http.Response bad = Http.send(server.port(), "POST", "/api/network", headers, "{not json");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(JSON.readTree(bad.body()).path("error").asText())
                    .isEqualTo("send JSON, such as {\"data\": \"xor\", \"hidden\": [4]}");
            Http.Response ok = Http.send(server.port(), "POST", "/api/network", headers, "{\"epochs\": 3}");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(JSON.readTree(ok.body()).path("loss")).hasSize(3);
        }
    }

    private static void refused(ObjectNode request, String sentence) {
        assertThatThrownBy(() -> STEPS.step(request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(sentence);
    }
}
