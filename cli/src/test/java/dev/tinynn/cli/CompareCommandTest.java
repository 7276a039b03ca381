package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CompareCommandTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "run 1 | --initial-weights=0.1                                                      | 4.3018685464211535",
        "run 2 | --data=study-sleep --initial-weights=0.1,0.1                               | 9.513711269289013",
        "run 3 | --data=study-sleep --initial-weights=0.1,0.1 --updates=batch --learning-rate=0.4 | 8.951664356464825",
    })
    void everyBackendAgreesWithPlainOnTheTutorialsRuns(String run, String options, double firstWeight) throws Exception {
        List<String> args = new ArrayList<>(List.of("compare", "--json"));
        args.addAll(List.of(options.split(" ")));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.exitCode()).isZero();
        JsonNode rows = new ObjectMapper().readTree(cli.out());
        List<String> names = new ArrayList<>();
        for (JsonNode row : rows) {
            names.add(row.get("backend").asText());
            assertThat(row.get("maxAbsDifferenceFromPlain").asDouble()).as(row.get("backend").asText())
                    .isLessThanOrEqualTo(1e-12);
            assertThat(row.get("weights").get(0).asDouble()).isCloseTo(firstWeight, within(1e-12));
            assertThat(row.get("trainingMillis").asDouble()).isFinite(); // present; a test never judges speed
        }
        assertThat(names).containsExactly("plain", "ejml", "nd4j");
    }

    @Test
    void tableShowsEveryBackend() {
        Cli cli = Cli.run("compare", "--initial-weights", "0.1");
        assertThat(cli.out()).containsPattern("\\n  plain\\s+\\[4.3018685464211535\\]\\s+-10.50801155978499\\s")
                .containsPattern("\\n  ejml\\s+\\[4.3018685464211535\\]")
                .containsPattern("\\n  nd4j\\s+\\[4.3018685464211535\\]");
    }

    @Test
    void backendsListsNameLibraryAndVersion() {
        Cli cli = Cli.run("backends");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).containsPattern("plain\\s+Java arrays \\(double\\[\\]\\)\\s+Java \\d+\\s+\\(default\\)")
                .containsPattern("ejml\\s+EJML\\s+0.46.1")
                .containsPattern("nd4j\\s+ND4J\\s+1.0.0-M2.1");
    }
}
