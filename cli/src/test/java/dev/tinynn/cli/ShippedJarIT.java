package dev.tinynn.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
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
    private static Path jar;
    /** examples/data/grades.csv, found from the jar's place (cli/target/tinynn.jar), not from the working directory. */
    private static Path grades;

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
        jar = jar.toAbsolutePath();
        grades = jar.getParent().getParent().getParent().resolve(Path.of("examples", "data", "grades.csv"));
        assertThat(grades).isRegularFile();
    }

    /** {@code java -jar tinynn.jar ARGS}, not started yet. */
    static ProcessBuilder program(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** {@code java -jar tinynn.jar ARGS}, with {@code stdin} typed in, run to its end. */
    static Run typing(String stdin, String... args) throws Exception {
        return run(program(args), stdin);
    }

    /** The program with these environment variables added, run to its end. */
    static Run withEnvironment(Map<String, String> environment, String... args) throws Exception {
        ProcessBuilder builder = program(args);
        builder.environment().putAll(environment);
        return run(builder, "");
    }

    private static Run run(ProcessBuilder builder, String stdin) throws Exception {
        Process process = builder.start();
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

    /**
     * A CSV file read inside the jar (Apache Commons CSV, shaded), trained with --standardize, and
     * the plot (XChart, AWT headless) and the report written: the same run as the built-in
     * quiz-attendance data, of which grades.csv is a copy with a column of names.
     */
    @Test
    void trainsOnACsvFileAndWritesThePlotAndTheReport(@TempDir Path dir) throws Exception {
        Path plot = dir.resolve("loss.png");
        Path report = dir.resolve("report.html");
        JsonNode file = tinynn("train", "--json", "--data", grades.toString(), "--features", "quiz,attendance",
                "--standardize", "--plot", plot.toString(), "--report", report.toString()).json();
        JsonNode builtIn = tinynn("train", "--json", "--data", "quiz-attendance", "--standardize").json();
        assertThat(file.get("weights")).isEqualTo(builtIn.get("weights"));
        assertThat(file.get("bias")).isEqualTo(builtIn.get("bias"));
        assertThat(file.get("finalLoss").asDouble()).isEqualTo(0.2817947997559997); // as docs/cli.md shows it

        BufferedImage image = ImageIO.read(plot.toFile());
        assertThat(image).as("a PNG that ImageIO reads").isNotNull();
        assertThat(image.getWidth()).isGreaterThan(100);
        String html = Files.readString(report);
        assertThat(html).startsWith("<!DOCTYPE html>");
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"tinynn-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(data.find()).as("the report's data").isTrue();
        JsonNode embedded = new ObjectMapper().readTree(data.group(1));
        assertThat(embedded.get("weights")).isEqualTo(file.get("weights"));
        assertThat(embedded.get("features")).hasToString("[\"quiz\",\"attendance\"]");
    }

    /**
     * TINYNN_MAX_INPUT_MB, as docs/cli.md tells a learner to set it: a CSV of about 1.6 MB (its
     * size in spaces, which the reader trims) is refused at 1 MB with the variable named, read at 2.
     */
    @Test
    void theInputLimitCanBeRaised(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.csv");
        Files.writeString(big, "hours,passed\n1" + " ".repeat(1_600_000) + ",0\n2,0\n3,1\n4,1\n");
        Run refused = withEnvironment(Map.of("TINYNN_MAX_INPUT_MB", "1"), "train", "--data", big.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().lines()).singleElement().asString()
                .contains("it is larger than 1 MB, the most tinynn reads (this file has 2 MB)")
                .contains("set TINYNN_MAX_INPUT_MB to a larger number of MB");
        JsonNode raised = withEnvironment(Map.of("TINYNN_MAX_INPUT_MB", "2"), "train", "--json", "--data",
                big.toString(), "--initial-weights", "0.1").json();
        assertThat(raised.get("weights").get(0).asDouble()).isEqualTo(4.3018685464211535); // the tutorial's run 1
        Run nonsense = withEnvironment(Map.of("TINYNN_MAX_INPUT_MB", "lots"), "train", "--data", big.toString());
        assertThat(nonsense.exitCode()).isEqualTo(2);
        assertThat(nonsense.err()).isEqualTo("tinynn train: TINYNN_MAX_INPUT_MB is 'lots', but it must be a whole"
                + " number of MB, such as TINYNN_MAX_INPUT_MB=1000\n");
    }

    /**
     * {@code tinynn serve} from the jar (Javalin and the pages, shaded): it prints its address with
     * the token, serves page 1 to a client that opened that address and nothing to one that did
     * not, and ends, its port closed, when stopped as Ctrl-C or an IDE's stop button stops it.
     */
    @Test
    void servesThePagesUntilStopped() throws Exception {
        Process process = program("serve", "--port", "0", "--no-open").redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String address = Program.firstLine(process, 60);
            assertThat(address).matches("http://127\\.0\\.0\\.1:\\d+/\\?token=\\S+");
            URI origin = URI.create(address).resolve("/");
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(address))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.uri().getPath()).isEqualTo("/page/1");
            assertThat(page.uri().getQuery()).as("the token is taken out of the address").isNull();
            assertThat(page.body()).contains("<title>").contains("study-hours").doesNotContain("not allowed");

            HttpClient stranger = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> refused = stranger.send(HttpRequest.newBuilder(origin.resolve("/page/1"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as("without the token").isEqualTo(403);

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("serve ended within 30 s of SIGTERM").isTrue();
            assertThatThrownBy(() -> new Socket(origin.getHost(), origin.getPort()).close())
                    .as("the port is closed").isInstanceOf(ConnectException.class);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
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
