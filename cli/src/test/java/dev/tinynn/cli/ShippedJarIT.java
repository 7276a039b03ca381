package dev.tinynn.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The program as it ships: {@code cli/target/tinynn.jar}, started as its own process with
 * {@code java -jar} (what the {@code ./tinynn} launcher runs), in Maven's {@code verify} phase after
 * {@code package} built the jar. In-process tests run the classes from target/classes with every
 * module's jar on the class path; only this test sees what the shade plugin put in the one jar:
 * every backend's service file merged (the ServiceLoader finds nothing a lost line names), the
 * native libraries ND4J loads, the JShell scripts, the real exit codes 0, 1 and 2.
 *
 * <p>Every test waits for a process, so each has a {@link Timeout}; no test measures time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShippedJarIT {
    private static final String GRADES = Path.of("..", "examples", "data", "grades.csv").toAbsolutePath().toString();
    private static Path jar;

    /** What a finished process printed and returned. */
    record Run(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
            assertThat(err).isEmpty();
            return new ObjectMapper().readTree(out);
        }
    }

    @BeforeAll
    static void findTheJar() {
        String property = System.getProperty("tinynn.jar");
        assertThat(property).as("system property tinynn.jar (set by the failsafe plugin in cli/pom.xml)").isNotNull();
        jar = Path.of(property);
        assertThat(jar).as("the packaged program; build it with ./mvnw -pl cli -am verify").isRegularFile();
    }

    /** {@code java -jar tinynn.jar ARGS}, with {@code stdin} typed in, run to its end. */
    static Run typing(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> out = read(process.getInputStream());
        CompletableFuture<String> err = read(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(UTF_8));
        }
        try {
            int code = process.waitFor(); // the class's @Timeout bounds the wait (it interrupts this thread)
            return new Run(code, out.get(), err.get());
        } finally {
            // A test that timed out or failed leaves no program running behind it.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    static Run tinynn(String... args) throws Exception {
        return typing("", args);
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void helpListsEveryCommand() throws Exception {
        Run run = tinynn("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: tinynn");
        for (String command : List.of("train", "tutorial", "predict", "lab", "gradcheck", "compare", "backends", "jshell")) {
            assertThat(run.out()).as("--help names %s", command).containsPattern("(?m)^\\s+" + command + "\\s");
        }
    }

    /**
     * Each backend module lists itself in META-INF/services; the shade plugin must merge those
     * files (ServicesResourceTransformer), or all but one line is lost and the program silently
     * has fewer backends.
     */
    @Test
    void backendsListsEveryBackendInTheJar() throws Exception {
        Run run = tinynn("backends");
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> names = run.out().lines().skip(1).map(line -> line.split(" +")[0]).toList();
        assertThat(names).contains("plain", "ejml", "nd4j");
        assertThat(run.out()).containsPattern("(?m)^plain .*\\(default\\)$");
    }

    /** Training through each backend inside the jar: its classes, and ND4J's native code, are really there. */
    @ParameterizedTest
    @ValueSource(strings = {"plain", "ejml", "nd4j"})
    void trainsTheTutorialsNeuronWithEachBackend(String backend) throws Exception {
        JsonNode json = tinynn("train", "--json", "--backend", backend, "--initial-weights", "0.1").json();
        assertThat(json.get("backend").asText()).isEqualTo(backend);
        assertThat(json.get("weights").get(0).asDouble()).isCloseTo(4.3018685464211535, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(json.get("bias").asDouble()).isCloseTo(-10.50801155978499, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void trainSavesAModelThatPredictUses(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model.json");
        Run train = tinynn("train", "--initial-weights", "0.1", "--save", model.toString());
        assertThat(train.exitCode()).as("stderr: %s", train.err()).isZero();
        assertThat(model).isRegularFile();
        JsonNode prediction = tinynn("predict", "--json", "--model", model.toString(), "3").json()
                .get("predictions").get(0);
        assertThat(prediction.get("probability").asDouble())
                .isCloseTo(0.9166436559560125, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void compareRunsEveryBackend() throws Exception {
        Run run = tinynn("compare", "--epochs", "20");
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("plain").contains("ejml").contains("nd4j");
    }

    @Test
    void labRuns() throws Exception {
        Run run = tinynn("lab", "--epochs", "20");
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isNotBlank();
    }

    @Test
    void gradcheckPasses() throws Exception {
        Run run = tinynn("gradcheck");
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).doesNotContain("MISMATCH");
    }

    @Test
    void tutorialRunsItsSevenPages() throws Exception {
        Run run = tinynn("tutorial", "--answers", "order=3,4,1,2", "--answers", "q5=b,a,c", "--answers", "q7=a,c,b");
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("━━ Page 1 of 8").contains("━━ Page 8 of 8");
    }

    /** JShell with the tutorial's neuron script, from the jar's resources; the test types one line and /exit. */
    @Test
    void jshellLoadsTheNeuronScript() throws Exception {
        Run run = typing("System.out.println(\"p(3) = \" + p(3));\n/exit\n", "jshell", "neuron");
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("w = 4.3018685464211535, b = -10.50801155978499")
                .contains("p(3) = 0.9166436559560125");
    }

    @Test
    void badUsageExitsWithTwoAndOneLine() throws Exception {
        Run run = tinynn("train", "--epochs", "-1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("tinynn train: ").contains("--epochs").doesNotContain("Exception");
    }

    @Test
    void missingFileExitsWithTwoAndOneLine(@TempDir Path dir) throws Exception {
        Run run = tinynn("train", "--data", dir.resolve("absent.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("absent.csv").doesNotContain("Exception");
    }

    /** Inputs near 1e300, not standardised: the first step overflows z, a failed run (exit 1), and no model file. */
    @Test
    void divergedTrainingExitsWithOneAndOneLineAndWritesNoFile(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("huge.csv"), "x,passed\n1e300,0\n2e300,1\n-1e300,0\n");
        Path model = dir.resolve("model.json");
        Run run = tinynn("train", "--data", data.toString(), "--save", model.toString());
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().startsWith("tinynn train: training diverged at epoch 0");
        assertThat(model).doesNotExist();
    }
}
