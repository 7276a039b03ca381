package dev.tinynn.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinynn.cli.Cli;
import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Standardization;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report file itself, without a browser: self-contained, the run's own numbers, a sensible size. */
class TrainingReportTest {
    static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"tinynn-data\">(.*?)</script>", Pattern.DOTALL);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void embedsTheTrainedNeuronAndTheFirstAndLastEpochs() throws Exception {
        JsonNode trained = json("train", "--json", "--data", "study-sleep", "--initial-weights", "0.1,0.1");
        JsonNode data = report("--data", "study-sleep", "--initial-weights", "0.1,0.1");

        assertThat(data.get("weights")).isEqualTo(trained.get("weights"));
        assertThat(data.get("bias")).isEqualTo(trained.get("bias"));
        JsonNode frames = data.get("frames");
        assertThat(frames).hasSize(EpochFrames.MAX_FRAMES);
        assertThat(frames.get(0).get("epoch").asInt()).isZero();
        JsonNode last = frames.get(frames.size() - 1);
        assertThat(last.get("epoch").asInt()).isEqualTo(999);
        assertThat(last.get("weights")).isEqualTo(trained.get("weights")); // the last frame is the trained neuron
        assertThat(last.get("bias")).isEqualTo(trained.get("bias"));
        assertThat(data.get("features")).hasToString("[\"study\",\"sleep\"]");
        assertThat(data.get("axisTitles")).hasToString("[\"study (hours)\",\"sleep (hours)\"]");
        assertThat(data.get("rows")).hasSize(4);
        assertThat(data.get("initialWeights")).hasToString("[0.1,0.1]");
    }

    @Test
    void thousandsOfEpochsBecomeAFewHundredFrames() throws Exception {
        JsonNode data = report("--epochs", "50000", "--updates", "batch");
        assertThat(data.get("frames")).hasSize(EpochFrames.MAX_FRAMES);
        assertThat(data.get("frames").get(EpochFrames.MAX_FRAMES - 1).get("epoch").asInt()).isEqualTo(49_999);
        assertThat(data.get("lossCurve").get("epochs")).hasSize(TrainingReport.MAX_CURVE_POINTS);
        assertThat(Files.size(dir.resolve("report.html"))).isLessThan(150_000);

        JsonNode few = report("--epochs", "3");
        assertThat(few.get("frames")).hasSize(3);
        assertThat(few.get("lossCurve").get("epochs")).hasToString("[0,1,2]");
    }

    @Test
    void isSelfContained() throws Exception {
        report("--initial-weights", "0.1");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>")
                .doesNotContain("<link", " src=", "href=", "@import", "url(http", "<iframe", "fetch(", "XMLHttpRequest");
        List<String> addresses = new ArrayList<>();
        Matcher address = Pattern.compile("https?://[^\"' )]*").matcher(html);
        while (address.find()) {
            addresses.add(address.group());
        }
        assertThat(addresses).as("the only address is the SVG namespace's name").containsOnly("http://www.w3.org/2000/svg");
    }

    @Test
    void aColumnNameCannotCloseTheScript() throws Exception {
        Path csv = dir.resolve("odd.csv");
        Files.writeString(csv, "\"</script><b>x\",passed\n1,0\n2,1\n");
        JsonNode data = report("--data", csv.toString());
        assertThat(data.get("features").get(0).asText()).isEqualTo("</script><b>x");
        assertThat(Files.readString(dir.resolve("report.html"))).doesNotContain("</script><b>");
    }

    @Test
    void keepsEvenlySpreadEpochsWithTheFirstAndTheLast() {
        assertThat(EpochFrames.epochsToKeep(5, 200)).containsExactly(0, 1, 2, 3, 4);
        assertThat(EpochFrames.epochsToKeep(1, 200)).containsExactly(0);
        int[] kept = EpochFrames.epochsToKeep(1000, 200);
        assertThat(kept).hasSize(200).startsWith(0).endsWith(999);
        for (int k = 1; k < kept.length; k++) {
            assertThat(kept[k] - kept[k - 1]).isBetween(5, 6);
        }
    }

    /**
     * Every number the page animates is the training run's own: each frame's loss is the loss the
     * run recorded for that epoch and its w and b those after that epoch, each point of the loss
     * curve is the run's history, and the threshold and the standardisation are the ones trained with.
     * The run is repeated here through core with the same settings, independently of the report code.
     */
    @Test
    void theNumbersInThePageAreTheTrainingRunsOwn() throws Exception {
        JsonNode data = report("--data", "quiz-attendance", "--standardize", "--threshold", "0.7", "--updates", "batch",
                "--learning-rate", "0.5", "--epochs", "300", "--initial-weights", "0,0");
        Dataset raw = Datasets.quizAttendance();
        Standardization scaling = Standardization.of(raw);
        Dataset scaled = scaling.apply(raw);
        TrainingConfig config = new TrainingConfig(Loss.CROSS_ENTROPY, Updates.BATCH, 0.5, 300, new double[2], 0);
        TrainingResult result = Trainer.train(Backends.named("plain"), scaled, config);
        double[] history = result.lossHistory();

        assertThat(data.get("threshold").asDouble()).isEqualTo(0.7);
        assertThat(Cli.doubles(data.get("scaling").get("means"))).containsExactly(scaling.means());
        assertThat(Cli.doubles(data.get("scaling").get("standardDeviations"))).containsExactly(scaling.standardDeviations());
        assertThat(Cli.doubles(data.get("weights"))).containsExactly(result.weights());
        assertThat(data.get("bias").asDouble()).isEqualTo(result.bias());
        assertThat(data.get("finalLoss").asDouble()).isEqualTo(result.finalLoss());

        JsonNode curve = data.get("lossCurve");
        assertThat(curve.get("epochs")).hasSize(300);
        for (int k = 0; k < 300; k++) {
            assertThat(curve.get("epochs").get(k).asInt()).isEqualTo(k);
            assertThat(curve.get("loss").get(k).asDouble()).as("loss curve at epoch %d", k).isEqualTo(history[k]);
        }
        JsonNode frames = data.get("frames");
        assertThat(frames).hasSize(EpochFrames.MAX_FRAMES);
        for (JsonNode frame : frames) {
            int epoch = frame.get("epoch").asInt();
            assertThat(frame.get("loss").asDouble()).as("loss of the frame of epoch %d", epoch).isEqualTo(history[epoch]);
        }
        JsonNode middle = frames.get(EpochFrames.MAX_FRAMES / 2);
        TrainingResult upToMiddle = Trainer.train(Backends.named("plain"), scaled,
                new TrainingConfig(Loss.CROSS_ENTROPY, Updates.BATCH, 0.5, middle.get("epoch").asInt() + 1, new double[2], 0));
        assertThat(Cli.doubles(middle.get("weights"))).containsExactly(upToMiddle.weights());
        assertThat(middle.get("bias").asDouble()).isEqualTo(upToMiddle.bias());
    }

    /** Runs {@code tinynn train ARGS --report dir/report.html} and returns the JSON inside the page. */
    private JsonNode report(String... args) throws Exception {
        Path file = dir.resolve("report.html");
        Cli cli = Cli.run(Stream.concat(Stream.of("train", "--report", file.toString()), Stream.of(args))
                .toArray(String[]::new));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("report    " + file + ": open it in a browser and press Play");
        Matcher data = DATA.matcher(Files.readString(file));
        assertThat(data.find()).as("the page holds its data").isTrue();
        return JSON.readTree(data.group(1));
    }

    private static JsonNode json(String... args) throws Exception {
        Cli cli = Cli.run(args);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return JSON.readTree(cli.out());
    }
}
