package dev.tinynn.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinynn.core.Activation;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkResult;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingDivergedException;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.BeyondOneNeuron;
import dev.tinynn.web.api.ErrorJson;
import dev.tinynn.web.api.NetworkStepJson;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Page 8's numbers: the one neuron's line on XOR ({@link #neuron}, for {@code /api/page/8}) and
 * {@code POST /api/network}, which trains a network a few epochs at a time with core's
 * {@link NetworkTrainer} on the chosen backend and answers the trained weights, the loss of each
 * epoch, each row's p and the decision region on a grid, for the whole network and each hidden unit.
 *
 * <p>The server keeps no state: the page sends the network it has (or none, to start from the
 * seed) and gets the next one back. JSON writes a double in its shortest exact form, so training in
 * steps of k epochs gives the very numbers of one run of all the epochs. What one request may ask
 * is bounded ({@link #MAX_EPOCHS}, {@link #MAX_UNITS}, the four built-in sets of at most
 * {@link Datasets#PLANE_ROWS} rows, a fixed grid) and at most {@link #AT_ONCE} requests train at
 * any time, so one browser cannot hold the server.
 */
final class NetworkSteps {
    /** The most epochs one request trains: few enough at {@link #MAX_UNITS} units that the page answers at once. */
    static final int MAX_EPOCHS = 100;
    /** The most hidden units (one hidden layer). */
    static final int MAX_UNITS = 8;
    /** The largest learning rate accepted. */
    static final double MAX_LEARNING_RATE = 10;
    /** The data sets the page offers. */
    static final List<String> DATA = List.of("xor", "circles", "moons", "spiral");
    /** The decision region's grid: GRID × GRID points. */
    static final int GRID = 32;
    /** How many requests train at the same time; others wait up to {@link #WAIT_MILLIS}, then are refused. */
    static final int AT_ONCE = 2;
    static final long WAIT_MILLIS = 2000;

    private final BackendCache backends;
    private final ObjectMapper json = new ObjectMapper();
    private final Semaphore training = new Semaphore(AT_ONCE);

    NetworkSteps(BackendCache backends) {
        this.backends = backends;
    }

    /** The route: reads the JSON body, trains, answers JSON; a refusal is one sentence under "error". */
    void answer(Context ctx) throws IOException, InterruptedException {
        Object answer;
        if (!training.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            ctx.status(503).header("Retry-After", "1");
            answer = ErrorJson.of("the server is busy training for other requests; try again in a second");
        } else {
            try {
                answer = step(json.readTree(ctx.body()));
            } catch (IllegalArgumentException | IOException e) {
                ctx.status(400);
                answer = ErrorJson.of(e instanceof IOException ? "send JSON, such as {\"data\": \"xor\", \"hidden\": [4]}"
                        : e.getMessage());
            } finally {
                training.release();
            }
        }
        ctx.contentType("application/json").result(json.writeValueAsString(answer));
    }

    /** One request: the settings, the network to continue from (or none) and how many epochs; see the class comment. */
    NetworkStepJson step(JsonNode request) {
        Backend backend = backends.named(request.path("backend").asText(backends.defaultName()));
        String name = request.path("data").asText("xor");
        if (!DATA.contains(name)) {
            throw new IllegalArgumentException("data must be one of " + String.join(", ", DATA) + ", not '" + name + "'");
        }
        Dataset data = Datasets.named(name);
        int hidden = hidden(request);
        int epochs = whole(request.path("epochs"), "epochs", 0, 0, MAX_EPOCHS, "epochs");
        Activation activation = Activation.byId(request.path("activation").asText(BeyondOneNeuron.ACTIVATION.id()));
        JsonNode rateNode = request.path("learningRate");
        // A value that is there but is no number ("", "abc") is refused, never read as the default.
        double learningRate = rateNode.isMissingNode() ? BeyondOneNeuron.CONFIG.learningRate()
                : rateNode.isNumber() ? rateNode.doubleValue() : Double.NaN;
        if (!(learningRate > 0 && learningRate <= MAX_LEARNING_RATE)) {
            throw new IllegalArgumentException("learningRate must be above 0 and at most " + (int) MAX_LEARNING_RATE
                    + ", such as 1");
        }
        JsonNode seedNode = request.path("seed");
        if (!seedNode.isMissingNode() && !(seedNode.isIntegralNumber() && seedNode.canConvertToLong())) {
            throw new IllegalArgumentException("seed must be a whole number, such as 1");
        }
        long seed = seedNode.isMissingNode() ? BeyondOneNeuron.SEED : seedNode.asLong();
        NetworkShape shape = new NetworkShape(data.features(), new int[] {hidden}, activation);
        Network network = request.hasNonNull("network") ? network(request.get("network"), shape)
                : Network.random(shape, seed);

        double[] loss = new double[0];
        if (epochs > 0) {
            TrainingConfig config = BeyondOneNeuron.CONFIG.withLearningRate(learningRate).withEpochs(epochs);
            try {
                NetworkResult result = NetworkTrainer.train(backend, data, config, network, TrainingListener.NONE);
                network = result.network();
                loss = result.lossHistory();
            } catch (TrainingDivergedException e) {
                throw new IllegalArgumentException("training went wrong: the numbers grew too large for a computer"
                        + " to hold; press Reset and choose a smaller learning rate, such as 1");
            }
        }
        double[] p = BeyondOneNeuron.activations(backend, network, data)[1];
        return new NetworkStepJson(backend.name(), name, loss, layers(network), p, BeyondOneNeuron.rowsRight(data, p),
                data.rows(), points(data), grid(backend, network, data));
    }

    /** The network sent, checked against the settings: {"layers": [{"weights": [[…]], "biases": […]}, …]}. */
    private static Network network(JsonNode node, NetworkShape shape) {
        String expected = "network must be {\"layers\": [...]} with " + shape.hidden()[0] + " hidden units reading "
                + shape.features() + " inputs, as this endpoint answered it; press Reset to start again";
        JsonNode layers = node.path("layers");
        if (!layers.isArray() || layers.size() != shape.layers()) {
            throw new IllegalArgumentException(expected);
        }
        List<Network.Layer> list = new ArrayList<>();
        for (int l = 1; l <= shape.layers(); l++) {
            JsonNode layer = layers.get(l - 1);
            double[][] w = new double[shape.units(l)][];
            JsonNode rows = layer.path("weights");
            JsonNode biases = layer.path("biases");
            if (!rows.isArray() || rows.size() != shape.units(l) || !biases.isArray() || biases.size() != shape.units(l)) {
                throw new IllegalArgumentException(expected);
            }
            for (int j = 0; j < w.length; j++) {
                w[j] = numbers(rows.get(j), shape.inputs(l), expected);
            }
            list.add(new Network.Layer(w, numbers(biases, shape.units(l), expected)));
        }
        return new Network(shape.activation(), list);
    }

    private static double[] numbers(JsonNode array, int length, String expected) {
        if (!array.isArray() || array.size() != length) {
            throw new IllegalArgumentException(expected);
        }
        double[] values = new double[length];
        for (int k = 0; k < length; k++) {
            if (!array.get(k).isNumber()) {
                throw new IllegalArgumentException(expected);
            }
            values[k] = array.get(k).doubleValue();
        }
        return values;
    }

    /** {"layers": [...]}, from the first hidden layer to the output neuron, as {@code tinynn train --json} writes them. */
    private static NetworkStepJson.Layers layers(Network network) {
        return new NetworkStepJson.Layers(network.layers().stream()
                .map(layer -> new NetworkStepJson.Layer(layer.weights(), layer.biases())).toList());
    }

    /** The one hidden layer's size: [4], as tinynn train --json writes it (a bare 4 is read the same). */
    private static int hidden(JsonNode request) {
        JsonNode node = request.path("hidden");
        if (node.isArray()) {
            if (node.size() != 1) {
                throw new IllegalArgumentException("hidden must be one hidden layer's size, such as [4], got " + node);
            }
            node = node.get(0);
        }
        return whole(node, "hidden", BeyondOneNeuron.HIDDEN, 1, MAX_UNITS, "hidden units");
    }

    /** A whole number in [min, max]: 4.5 or "4" is refused, never cut or read as text; missing gives fallback. */
    private static int whole(JsonNode node, String key, int fallback, int min, int max, String what) {
        if (node.isMissingNode()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            throw new IllegalArgumentException(key + " must be a whole number from " + min + " to " + max
                    + " (at most " + max + " " + what + " in one request), got " + node);
        }
        return node.asInt();
    }

    /** The rows as [x1, x2, y], for drawing. */
    static double[][] points(Dataset data) {
        double[][] points = new double[data.rows()][];
        for (int i = 0; i < data.rows(); i++) {
            points[i] = new double[] {data.x(i, 0), data.x(i, 1), data.y(i)};
        }
        return points;
    }

    /**
     * The plane around the data ({@link #bounds}), GRID × GRID points from the top-left, row by row:
     * the network's p and each hidden unit's value at each point, from the backend's forward pass.
     */
    private static NetworkStepJson.Grid grid(Backend backend, Network network, Dataset data) {
        double[] b = bounds(data);
        double[][] x = new double[GRID * GRID][];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                x[r * GRID + c] = new double[] {b[0] + (b[1] - b[0]) * (c + 0.5) / GRID,
                        b[3] - (b[3] - b[2]) * (r + 0.5) / GRID};
            }
        }
        Dataset plane = Dataset.of("plane", data.featureNames(), x, new double[x.length]);
        double[][] a = BeyondOneNeuron.activations(backend, network, plane);
        int units = network.hidden()[0];
        double[][] perUnit = new double[units][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < units; j++) {
                perUnit[j][i] = a[0][i * units + j];
            }
        }
        return new NetworkStepJson.Grid(GRID, new double[] {b[0], b[1]}, new double[] {b[2], b[3]}, a[1], perUnit);
    }

    /** [x0, x1, y0, y1]: the data's range on each axis, widened by a quarter of the larger range on every side. */
    static double[] bounds(Dataset data) {
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < data.rows(); i++) {
            b[0] = Math.min(b[0], data.x(i, 0));
            b[1] = Math.max(b[1], data.x(i, 0));
            b[2] = Math.min(b[2], data.x(i, 1));
            b[3] = Math.max(b[3], data.x(i, 1));
        }
        double pad = Math.max(b[1] - b[0], b[3] - b[2]) / 4;
        return new double[] {b[0] - pad, b[1] + pad, b[2] - pad, b[3] + pad};
    }
}
