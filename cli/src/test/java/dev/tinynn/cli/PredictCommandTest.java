package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tinynn predict} with models that {@code tinynn train --save} wrote. */
class PredictCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRADES = Cli.resource("grades.csv");

    @TempDir
    static Path dir;
    /** The tutorial's page-4 neuron: w 4.3018685464211535, b −10.50801155978499. */
    static String tutorial;
    /** quiz-attendance on z-scores. */
    static String standardized;

    @BeforeAll
    static void train() {
        tutorial = dir.resolve("tutorial.json").toString();
        standardized = dir.resolve("standardized.json").toString();
        assertThat(Cli.run("train", "--initial-weights", "0.1", "--save", tutorial).exitCode()).isZero();
        assertThat(Cli.run("train", "--data", "quiz-attendance", "--standardize", "--save", standardized).exitCode())
                .isZero();
    }

    @Test
    void oneRowIsTheForwardPassWrittenOut() {
        Cli cli = Cli.run("predict", "--model", tutorial, "2.5");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        // The tutorial's golden values: 2.5 hours → p 0.5613541954, just a Pass.
        assertThat(cli.out())
                .contains("neuron    z = 4.301868546·hours + (-10.50801156),  p = σ(z),  Pass when p ≥ 0.5")
                .contains("hours = 2.5")
                .contains("z = 2.5·4.301868546 + -10.50801156 = 0.2466598063")
                .contains("p = σ(z) = 0.5613541954")
                .contains("decision  Pass (p ≥ 0.5)");
    }

    @Test
    void theTutorialsProbabilitiesComeBackExactly() throws Exception {
        double[] hours = {1, 2, 2.5, 3, 4};
        double[] p = {0.0020129419224617644, 0.12962545352064875, 0.5613541953522169, 0.9166436559560125,
            0.9987699413670583};
        for (int i = 0; i < hours.length; i++) {
            Cli cli = Cli.run("predict", "--model", tutorial, "--json", Double.toString(hours[i]));
            JsonNode prediction = JSON.readTree(cli.out()).get("predictions").get(0);
            assertThat(prediction.get("probability").asDouble()).as("p at %s h", hours[i]).isCloseTo(p[i], within(1e-12));
            assertThat(prediction.get("decision").asText()).isEqualTo(p[i] >= 0.5 ? "Pass" : "Fail");
            assertThat(prediction.get("input").get("hours").asDouble()).isEqualTo(hours[i]);
        }
    }

    @Test
    void theSavedStandardisationIsApplied() {
        Cli cli = Cli.run("predict", "--model", standardized, "73", "70");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out())
                .contains("quiz′ = (quiz − 65.1) / 14.90268432")
                .contains("attendance′ = (attendance − 73.5) / 12.00208315")
                .contains("quiz = 73,  quiz′ = 0.5301058406")
                .contains("attendance = 70,  attendance′ = -0.2916160433")
                .contains("= 0.3043783969")
                .contains("p = σ(z) = 0.5755125019")
                .contains("decision  Pass (p ≥ 0.5)");
        // The completion page's question: at 0.6 this row flips to Fail.
        assertThat(Cli.run("predict", "--model", standardized, "--threshold", "0.6", "73", "70").out())
                .contains("decision  Fail (p < 0.6)");
    }

    @Test
    void everyRowOfAFileWithColumnsMatchedByName() {
        // grades.csv has a name column first and the label last; the model needs quiz and attendance.
        Cli cli = Cli.run("predict", "--model", standardized, "--input", GRADES);
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out())
                .containsPattern("\\s40\\s+55\\s+0\\s+-7.697450343\\s+0.0004537772025\\s+Fail\\s+right")
                .containsPattern("\\s63\\s+70\\s+1\\s+-1.139371565\\s+0.2424357611\\s+Fail\\s+wrong")
                .containsPattern("\\s73\\s+70\\s+0\\s+0.3043783969\\s+0.5755125019\\s+Pass\\s+wrong")
                .contains("accuracy  8 of 10 rows right at threshold 0.5");
        assertThat(Cli.run("predict", "--model", standardized, "--input", GRADES, "--threshold", "0.6").out())
                .containsPattern("\\s73\\s+70\\s+0\\s+0.3043783969\\s+0.5755125019\\s+Fail\\s+right")
                .contains("accuracy  9 of 10 rows right at threshold 0.6");
    }

    @Test
    void aFileWithoutLabelsInAnotherColumnOrder() throws Exception {
        Path input = Files.writeString(dir.resolve("new.csv"), "attendance,quiz\n70,73\n92,58\n");
        Cli cli = Cli.run("predict", "--model", standardized, "--input", input.toString(), "--json");
        assertThat(cli.exitCode()).isZero();
        JsonNode predictions = JSON.readTree(cli.out()).get("predictions");
        assertThat(predictions).hasSize(2);
        assertThat(predictions.get(0).get("input").get("quiz").asDouble()).isEqualTo(73);
        assertThat(predictions.get(0).get("probability").asDouble()).isCloseTo(0.5755125019, within(1e-10));
        assertThat(predictions.get(1).get("probability").asDouble()).isCloseTo(0.9472010028, within(1e-10));
        assertThat(predictions.get(1).has("label")).isFalse();
        assertThat(Cli.run("predict", "--model", standardized, "--input", input.toString()).out())
                .doesNotContain("accuracy");
    }
}
