package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tinynn train} on the learner's own CSV file, with --standardize and --save. */
class TrainOwnDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** src/test/resources/grades.csv: quiz-attendance's ten rows, with a column of first names. */
    private static final String GRADES = Cli.resource("grades.csv");

    @TempDir
    Path dir;

    @Test
    void aCsvFileTrainsExactlyLikeTheBuiltInDataset() throws Exception {
        JsonNode file = Cli.trainJson("--data", GRADES, "--features", "quiz,attendance", "--standardize");
        JsonNode builtIn = Cli.trainJson("--data", "quiz-attendance", "--standardize");
        assertThat(file.get("data").asText()).isEqualTo(GRADES);
        assertThat(Cli.doubles(file.get("weights"))).containsExactly(Cli.doubles(builtIn.get("weights")));
        assertThat(file.get("bias").asDouble()).isEqualTo(builtIn.get("bias").asDouble());
        // Recomputed with NumPy (online, lr 0.1, 1000 epochs, z-scores): both weights positive, read one by one.
        assertThat(Cli.doubles(file.get("weights")))
                .containsExactly(new double[] {2.151574992010973, 2.590412700591796}, within(1e-12));
        assertThat(file.get("bias").asDouble()).isCloseTo(-0.08077817067350594, within(1e-12));
        assertThat(file.get("accuracy").asDouble()).isEqualTo(0.8);
        List<String> keys = new ArrayList<>();
        file.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("backend", "data", "loss", "updates", "learningRate", "epochs", "weights",
                "bias", "finalLoss", "accuracy");
    }

    @Test
    void labelAndFeaturesChooseTheColumns(@TempDir Path dir) throws Exception {
        // The label first, an unused text column, features in another order than the file's.
        Path csv = Files.writeString(dir.resolve("hours.csv"), "passed,name,sleep,hours\n0,a,5,1\n0,b,6,2\n1,c,7,3\n"
                + "1,d,8,4\n");
        JsonNode tutorialOrder = Cli.trainJson("--data", csv.toString(), "--label", "passed", "--features", "hours,sleep",
                "--initial-weights", "0.1,0.1");
        // study-sleep, read from a file: the tutorial's run 2.
        assertThat(Cli.doubles(tutorialOrder.get("weights")))
                .containsExactly(new double[] {9.513711269289013, -3.139325049628247}, within(1e-9));
        assertThat(tutorialOrder.get("bias").asDouble()).isCloseTo(-3.1632590797293045, within(1e-9));
        // In the file's order the same neuron comes out with its weights swapped.
        JsonNode fileOrder = Cli.trainJson("--data", csv.toString(), "--label", "passed", "--features", "sleep,hours",
                "--initial-weights", "0.1,0.1");
        assertThat(Cli.doubles(fileOrder.get("weights")))
                .containsExactly(new double[] {-3.139325049628247, 9.513711269289013}, within(1e-9));
    }

    @Test
    void theExplanationShowsTheStandardisation() {
        Cli cli = Cli.run("train", "--data", GRADES, "--features", "quiz,attendance", "--standardize");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out())
                .contains("data      " + GRADES + ": 10 rows; input quiz, attendance; label column 'passed': 1 = pass")
                .contains("quiz → (quiz − 65.1) / 14.90268432")
                .contains("attendance → (attendance − 73.5) / 12.00208315")
                // (73, 70): quiz (73 − 65.1) / 14.9027 = 0.5301, attendance (70 − 73.5) / 12.0021 = −0.2916
                .containsPattern("0.5301058406\\s+-0.2916160433\\s+0\\s+0.3043783969\\s+0.5755125019\\s+Pass\\s+wrong")
                .contains("accuracy  8 of 10 rows right at threshold 0.5");
    }

    @Test
    void saveWritesTheModelAndHowItWasTrained() throws Exception {
        Path model = dir.resolve("model.json");
        Cli cli = Cli.run("train", "--data", GRADES, "--features", "quiz,attendance", "--standardize",
                "--learning-rate", "0.5", "--epochs", "200", "--initial-bias", "0.25", "--threshold", "0.6",
                "--save", model.toString());
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).contains("saved     the model to " + model);

        JsonNode saved = JSON.readTree(model.toFile());
        assertThat(saved.get("format").asText()).isEqualTo("tinynn-model");
        assertThat(saved.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(saved.get("features").toString()).isEqualTo("[\"quiz\",\"attendance\"]");
        assertThat(saved.get("label").asText()).isEqualTo("passed");
        assertThat(saved.get("threshold").asDouble()).isEqualTo(0.6);
        assertThat(Cli.doubles(saved.get("standardization").get("means"))).containsExactly(65.1, 73.5);
        assertThat(Cli.doubles(saved.get("standardization").get("standardDeviations")))
                .containsExactly(new double[] {14.90268432, 12.00208315}, within(1e-8));
        JsonNode training = saved.get("training");
        assertThat(training.get("data").asText()).isEqualTo(GRADES);
        assertThat(training.get("rows").asInt()).isEqualTo(10);
        assertThat(training.get("backend").asText()).isEqualTo("plain");
        assertThat(training.get("loss").asText()).isEqualTo("cross-entropy");
        assertThat(training.get("updates").asText()).isEqualTo("online");
        assertThat(training.get("learningRate").asDouble()).isEqualTo(0.5);
        assertThat(training.get("epochs").asInt()).isEqualTo(200);
        assertThat(Cli.doubles(training.get("initialWeights"))).containsExactly(0, 0);
        assertThat(training.get("initialBias").asDouble()).isEqualTo(0.25);

        // The same numbers as the run's --json.
        JsonNode run = Cli.trainJson("--data", GRADES, "--features", "quiz,attendance", "--standardize", "--learning-rate", "0.5",
                "--epochs", "200", "--initial-bias", "0.25");
        assertThat(Cli.doubles(saved.get("weights"))).containsExactly(Cli.doubles(run.get("weights")));
        assertThat(saved.get("bias").asDouble()).isEqualTo(run.get("bias").asDouble());
        assertThat(training.get("finalLoss").asDouble()).isEqualTo(run.get("finalLoss").asDouble());
    }

    @Test
    void withoutStandardizeTheModelSavesNoStatistics() throws Exception {
        Path model = dir.resolve("d1.json");
        assertThat(Cli.run("train", "--initial-weights", "0.1", "--save", model.toString(), "--json").exitCode()).isZero();
        JsonNode saved = JSON.readTree(model.toFile());
        assertThat(saved.get("standardization").isNull()).isTrue();
        assertThat(saved.get("features").toString()).isEqualTo("[\"hours\"]");
        assertThat(saved.get("weights").get(0).asDouble()).isEqualTo(4.3018685464211535);
        assertThat(saved.get("bias").asDouble()).isEqualTo(-10.50801155978499);
        assertThat(saved.get("training").get("data").asText()).isEqualTo("study-hours");
    }

    @Test
    void aBuiltInNameIsNeverTakenForAFile() throws Exception {
        // A file called study-hours in the current folder changes nothing: only .csv or a / make a file.
        assertThat(DataOptions.isFile("study-hours")).isFalse();
        assertThat(DataOptions.isFile("quiz-attendance")).isFalse();
        assertThat(DataOptions.isFile("grades.csv")).isTrue();
        assertThat(DataOptions.isFile("GRADES.CSV")).isTrue();
        assertThat(DataOptions.isFile("./grades.txt")).isTrue();
        assertThat(DataOptions.isFile("data/grades")).isTrue();
    }
}
