package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.NetworkWorkspace;
import dev.tinynn.core.spi.Workspace;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code predict} and {@code compare} promise beyond their numbers: predict uses the
 * threshold saved with the model, refuses an input whose z overflows, and both print exactly the
 * documented {@code --json} keys; compare reports a backend that cannot start as skipped and goes on.
 */
class PredictCompareContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    /** The tutorial's neuron (w 4.3018685464211535, b −10.50801155978499), saved with threshold 0.6. */
    static String strict;

    @BeforeAll
    static void train() {
        strict = dir.resolve("strict.json").toString();
        Cli cli = Cli.run("train", "--initial-weights", "0.1", "--threshold", "0.6", "--save", strict);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void theSavedThresholdDecides() throws Exception {
        // 2.5 hours: p = 0.5613541953522169, a Pass at 0.5 but a Fail at the saved 0.6.
        Cli cli = Cli.run("predict", "--model", strict, "--json", "2.5");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode json = JSON.readTree(cli.out());
        assertThat(json.get("threshold").asDouble()).isEqualTo(0.6);
        JsonNode prediction = json.get("predictions").get(0);
        assertThat(prediction.get("probability").asDouble()).isEqualTo(0.5613541953522169);
        assertThat(prediction.get("decision").asText()).isEqualTo("Fail");
        assertThat(Cli.run("predict", "--model", strict, "2.5").out()).contains("Pass when p ≥ 0.6");

        JsonNode overridden = JSON.readTree(Cli.run("predict", "--model", strict, "--json", "--threshold", "0.5", "2.5").out());
        assertThat(overridden.get("threshold").asDouble()).isEqualTo(0.5);
        assertThat(overridden.get("predictions").get(0).get("decision").asText()).isEqualTo("Pass");
    }

    @Test
    void anInputWhoseZOverflowsIsRefusedInOneLine() {
        Cli cli = Cli.run("predict", "--model", strict, "1e308");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err().lines()).singleElement().asString()
                .startsWith("tinynn predict: ")
                .contains("beyond the largest double")
                .doesNotContain("NaN").doesNotContain("Infinity").doesNotContain("Exception");
    }

    @Test
    void predictJsonKeys() throws Exception {
        JsonNode json = JSON.readTree(Cli.run("predict", "--model", strict, "--json", "3").out());
        assertThat(keys(json)).containsExactly("model", "threshold", "predictions");
        assertThat(json.get("model").asText()).isEqualTo(strict);
        JsonNode prediction = json.get("predictions").get(0);
        assertThat(keys(prediction)).containsExactly("input", "z", "probability", "decision");
        assertThat(keys(prediction.get("input"))).containsExactly("hours");
        assertThat(prediction.get("input").get("hours").asDouble()).isEqualTo(3.0);
        assertThat(prediction.get("probability").asDouble()).isEqualTo(0.9166436559560125);
    }

    @Test
    void predictJsonHasTheLabelWhenTheInputFileHasOne() throws Exception {
        Path input = Files.writeString(dir.resolve("hours.csv"), "hours,passed\n1,0\n4,1\n");
        JsonNode json = JSON.readTree(Cli.run("predict", "--model", strict, "--json", "--input", input.toString()).out());
        assertThat(json.get("predictions")).hasSize(2);
        for (JsonNode prediction : json.get("predictions")) {
            assertThat(keys(prediction)).containsExactly("input", "z", "probability", "decision", "label");
        }
        assertThat(json.get("predictions").get(1).get("label").asDouble()).isEqualTo(1.0);
    }

    @Test
    void compareJsonKeys() throws Exception {
        Cli cli = Cli.run("compare", "--json", "--epochs", "10");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        for (JsonNode row : JSON.readTree(cli.out())) {
            assertThat(keys(row)).containsExactly("backend", "library", "version", "weights", "bias", "finalLoss",
                    "maxAbsDifferenceFromPlain", "trainingMillis");
            // A time is only checked as present and finite: a test never judges a machine's speed.
            assertThat(row.get("trainingMillis").isNumber()).isTrue();
            assertThat(row.get("trainingMillis").asDouble()).isFinite();
        }
    }

    /** A backend whose native library "cannot load", as ND4J's cannot on an unsupported machine. */
    public static final class UnloadableBackend implements Backend {
        @Override
        public String name() {
            return "unloadable";
        }

        @Override
        public String library() {
            return "nothing";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public Workspace open(Dataset data) {
            throw new IllegalStateException("its native library cannot load on this machine");
        }

        @Override
        public NetworkWorkspace openNetwork(Dataset data, NetworkShape shape) {
            throw new IllegalStateException("its native library cannot load on this machine");
        }
    }

    /**
     * compare finds backends with the ServiceLoader of the thread's context class loader; the test
     * gives it one that also lists {@link UnloadableBackend}, for this run only.
     */
    @Test
    void aBackendThatCannotStartIsReportedAsSkipped(@TempDir Path services) throws Exception {
        Path file = services.resolve("META-INF/services/" + Backend.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, UnloadableBackend.class.getName() + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        Cli cli;
        try (URLClassLoader withUnloadable = new URLClassLoader(new URL[] {services.toUri().toURL()}, original)) {
            thread.setContextClassLoader(withUnloadable);
            cli = Cli.run("compare", "--json", "--epochs", "10");
        } finally {
            thread.setContextClassLoader(original);
        }
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err().lines()).containsExactly(
                "tinynn compare: skipped unloadable: its native library cannot load on this machine");
        List<String> names = new ArrayList<>();
        JSON.readTree(cli.out()).forEach(row -> names.add(row.get("backend").asText()));
        assertThat(names).contains("plain", "ejml", "nd4j").doesNotContain("unloadable");
    }
}
