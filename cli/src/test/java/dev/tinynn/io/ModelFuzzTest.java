package dev.tinynn.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinynn.cli.Cli;
import dev.tinynn.core.Standardization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Any bytes, saved as a model file: {@link ModelFile#load} either gives a model or throws the
 * program's one-line {@link IllegalArgumentException} naming the file. A model it accepts must be usable:
 * {@code tinynn predict --json} with 0, 1 or 1e300 for every feature ends with exit code 0 and strict JSON
 * (no NaN, no Infinity) on stdout, or with exit code 2 and one line on stderr. Anything else is a finding.
 *
 * <p>{@code ./mvnw verify} runs this once per file of its corpus in
 * {@code src/test/resources/dev/tinynn/io/ModelFuzzTestInputs/modelFileIsLoadedOrRefusedInOneLine/};
 * {@code JAZZER_FUZZ=1} fuzzes it for real (docs/robustness.md has the command).
 */
class ModelFuzzTest {
    private static Path file;

    static synchronized Path file() throws IOException {
        if (file == null) {
            Path dir = Files.createTempDirectory("tinynn-model-fuzz");
            dir.toFile().deleteOnExit();
            file = dir.resolve("model.json");
            file.toFile().deleteOnExit();
        }
        return file;
    }

    @FuzzTest
    @DictionaryEntries({"\"format\"", "\"tinynn-model\"", "\"formatVersion\"", "\"features\"", "\"label\"",
        "\"weights\"", "\"bias\"", "\"threshold\"", "\"standardization\"", "\"means\"",
        "\"standardDeviations\"", "\"training\"", "\"data\"", "\"rows\"", "\"backend\"", "\"loss\"",
        "\"updates\"", "\"learningRate\"", "\"epochs\"", "\"initialWeights\"", "\"initialBias\"",
        "\"finalLoss\"", "null", "[", "]", "{", "}", ":", ",", "1e308", "-1e308", "4.9e-324", "1e-300", "NaN",
        "Infinity", "-0.0", "\"\""})
    void modelFileIsLoadedOrRefusedInOneLine(byte[] bytes) throws IOException {
        Path path = Files.write(file(), bytes);
        SavedModel model;
        try {
            model = ModelFile.load(path.toString());
        } catch (IllegalArgumentException refused) {
            CsvFuzzTest.assertRefusal(refused, path);
            return;
        }
        int d = model.features().size();
        Standardization scaling = model.scaling();
        assertThat(scaling == null ? d : scaling.features()).isEqualTo(d);
        for (String value : new String[] {"0", "1", "1e300"}) {
            predictsOrRefuses(path, d, value);
        }
    }

    /** {@code tinynn predict --json} with {@code value} for every feature: strict JSON, or exit 2 and one line. */
    private static void predictsOrRefuses(Path path, int d, String value) throws IOException {
        List<String> args = new ArrayList<>(List.of("predict", "--json", "--model", path.toString()));
        for (int j = 0; j < d; j++) {
            args.add(value);
        }
        Cli cli = Cli.run(args.toArray(String[]::new));
        if (cli.exitCode() == 0) {
            // Strict JSON has no NaN or Infinity: the parser refuses them. (The text may say "NaN"
            // elsewhere: a file name is the user's.)
            JsonNode prediction = new ObjectMapper().readTree(cli.out()).get("predictions").get(0);
            assertThat(prediction.get("z").isNumber()).as("z in %s", cli.out()).isTrue();
            assertThat(prediction.get("probability").doubleValue()).as("p in %s", cli.out()).isBetween(0.0, 1.0);
            assertThat(cli.err()).isEmpty();
        } else {
            assertThat(cli.exitCode()).as("exit code; stderr: %s", cli.err()).isEqualTo(2);
            assertThat(cli.err().lines().count()).as("stderr: %s", cli.err()).isEqualTo(1);
        }
    }
}
