package dev.tinynn.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinynn.cli.Cli;
import dev.tinynn.core.Activation;
import dev.tinynn.core.Backends;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkResult;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --hidden … --report}: the page is written, self-contained, and holds NetworkTrainer's own numbers. */
class NetworkTrainingReportTest {
    private static final Pattern DATA = TrainingReportTest.DATA;
    private static final ObjectMapper JSON = TrainingReportTest.JSON;

    @TempDir
    Path dir;

    @Test
    void xorWithFourHiddenUnitsHoldsTheTrainedNetworksNumbers() throws Exception {
        Path file = dir.resolve("xor.html");
        Cli cli = Cli.run("train", "--data", "xor", "--hidden", "4", "--report", file.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("report    " + file + ": open it in a browser and step through the epochs");
        String html = Files.readString(file);
        Matcher found = DATA.matcher(html);
        assertThat(found.find()).as("the page holds its data").isTrue();
        JsonNode data = JSON.readTree(found.group(1));

        // The same run, straight from NetworkTrainer: the CLI's start (from --json) and the network defaults.
        JsonNode run = JSON.readTree(Cli.run("train", "--data", "xor", "--hidden", "4", "--json").out());
        Network start = new Network(Activation.byId(run.get("activation").asText()), layers(run.get("initialLayers")));
        TrainingConfig config = TrainingConfig.network();
        NetworkResult result = NetworkTrainer.train(Backends.named("plain"), Datasets.xor(), config, start,
                TrainingListener.NONE);

        assertThat(data.get("scaling").isNull()).isTrue();
        assertThat(data.get("epochs").asInt()).isEqualTo(config.epochs());
        assertThat(data.get("hidden")).hasToString("[4]");
        assertThat(data.get("finalLoss").asDouble()).isEqualTo(result.finalLoss());
        assertThat(Cli.doubles(data.get("probabilities"))).containsExactly(result.probabilities());
        assertThat(data.get("rowsRight").asInt()).isEqualTo(4);
        assertThat(layers(data.get("layers"))).isEqualTo(result.network().layers());
        JsonNode curve = data.get("lossCurve");
        for (int k = 0; k < curve.get("epochs").size(); k++) {
            assertThat(curve.get("loss").get(k).asDouble()).isEqualTo(result.lossHistory()[curve.get("epochs").get(k).asInt()]);
        }

        // A handful of frames from the start to the end; the last is the trained network, bit for bit.
        JsonNode frames = data.get("frames");
        assertThat(frames).hasSize(NetworkTrainingReport.FRAMES);
        assertThat(frames.get(0).get("epochs").asInt()).isZero();
        JsonNode last = frames.get(NetworkTrainingReport.FRAMES - 1);
        assertThat(last.get("epochs").asInt()).isEqualTo(config.epochs());
        assertThat(last.get("loss").asDouble()).isEqualTo(result.finalLoss());
        double[] box = Cli.doubles(data.get("box"));
        JsonNode region = last.get("region");
        assertThat(region).hasSize(NetworkTrainingReport.CELLS);
        int n = NetworkTrainingReport.CELLS;
        for (int a : new int[] {0, 7, n - 1}) {
            for (int c : new int[] {0, 11, n - 1}) {
                double x1 = box[0] + (a + 0.5) * (box[1] - box[0]) / n;
                double x2 = box[2] + (c + 0.5) * (box[3] - box[2]) / n;
                assertThat(region.get(a).get(c).asDouble()).as("p at (%s, %s)", x1, x2)
                        .isEqualTo(result.network().probability(x1, x2));
            }
        }
        // Near the rows the trained region agrees with xor: the corners (0,0), (1,1) low, (0,1), (1,0) high.
        assertThat(result.network().probability(0, 0)).isLessThan(0.5);
        assertThat(result.network().probability(0, 1)).isGreaterThan(0.5);
        // The start's loss is the untrained network's.
        assertThat(frames.get(0).get("loss").asDouble()).isEqualTo(
                NetworkTrainer.gradient(Backends.named("plain"), Datasets.xor(), start, config.loss()).loss());

        assertSelfContained(html);
    }

    @Test
    void dataWithMoreThanTwoInputsHasNoRegion() throws Exception {
        Path csv = dir.resolve("three.csv");
        Files.writeString(csv, "a,b,c,passed\n0,0,1,0\n0,1,0,1\n1,0,0,1\n1,1,1,0\n");
        Path file = dir.resolve("three.html");
        Cli cli = Cli.run("train", "--data", csv.toString(), "--hidden", "2", "--epochs", "3", "--report", file.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        Matcher found = DATA.matcher(Files.readString(file));
        assertThat(found.find()).isTrue();
        JsonNode data = JSON.readTree(found.group(1));
        assertThat(data.get("box").isNull()).isTrue();
        JsonNode frames = data.get("frames");
        assertThat(frames).hasSize(4); // after 0, 1, 2 and 3 epochs
        for (int k = 0; k < 4; k++) {
            assertThat(frames.get(k).get("epochs").asInt()).isEqualTo(k);
            assertThat(frames.get(k).get("region").isNull()).isTrue();
        }
    }

    private static void assertSelfContained(String html) {
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .doesNotContain("<link", " src=", "href=", "@import", "url(http", "<iframe", "fetch(", "XMLHttpRequest",
                        "innerHTML", " onclick=", "eval(");
        List<String> addresses = new ArrayList<>();
        Matcher address = Pattern.compile("https?://[^\"' )]*").matcher(html);
        while (address.find()) {
            addresses.add(address.group());
        }
        assertThat(addresses).as("the only address is the SVG namespace's name").containsOnly("http://www.w3.org/2000/svg");
        assertThat(html.indexOf("</script>", html.indexOf("id=\"tinynn-data\""))).isLessThan(html.indexOf("<script>"));
    }

    private static List<Network.Layer> layers(JsonNode json) {
        List<Network.Layer> layers = new ArrayList<>();
        for (JsonNode layer : json) {
            double[][] weights = new double[layer.get("weights").size()][];
            for (int j = 0; j < weights.length; j++) {
                weights[j] = Cli.doubles(layer.get("weights").get(j));
            }
            layers.add(new Network.Layer(weights, Cli.doubles(layer.get("biases"))));
        }
        return layers;
    }
}
