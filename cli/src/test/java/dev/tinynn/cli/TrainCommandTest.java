package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainCommandTest {
    @Test
    void jsonOfTheTutorialsRun1() throws Exception {
        JsonNode run = Cli.trainJson("--initial-weights", "0.1");
        assertThat(run.get("backend").asText()).isEqualTo("plain");
        assertThat(run.get("data").asText()).isEqualTo("study-hours");
        assertThat(run.get("loss").asText()).isEqualTo("cross-entropy");
        assertThat(run.get("updates").asText()).isEqualTo("online");
        assertThat(run.get("learningRate").asDouble()).isEqualTo(0.1);
        assertThat(run.get("epochs").asInt()).isEqualTo(1000);
        assertThat(Cli.doubles(run.get("weights"))).containsExactly(new double[] {4.3018685464211535}, within(1e-12));
        assertThat(run.get("bias").asDouble()).isCloseTo(-10.50801155978499, within(1e-12));
        assertThat(run.get("finalLoss").asDouble()).isCloseTo(0.05727847827, within(1e-10));
        assertThat(run.get("accuracy").asDouble()).isEqualTo(1.0);
        List<String> keys = new ArrayList<>();
        run.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("backend", "data", "loss", "updates", "learningRate", "epochs", "weights",
                "bias", "finalLoss", "accuracy");
    }

    @Test
    void jsonOfTheTutorialsRun2And3() throws Exception {
        JsonNode online = Cli.trainJson("--data", "study-sleep", "--initial-weights", "0.1,0.1");
        assertThat(Cli.doubles(online.get("weights")))
                .containsExactly(new double[] {9.513711269289013, -3.139325049628247}, within(1e-9));
        assertThat(online.get("bias").asDouble()).isCloseTo(-3.1632590797293045, within(1e-9));

        JsonNode batch = Cli.trainJson("--data", "study-sleep", "--initial-weights", "0.1,0.1", "--updates", "batch",
                "--learning-rate", "0.4");
        assertThat(Cli.doubles(batch.get("weights"))).containsExactly(new double[] {8.951664356, -2.969628227}, within(1e-8));
        assertThat(batch.get("bias").asDouble()).isCloseTo(-2.980323146, within(1e-8));
    }

    @Test
    void explanationShowsTheTutorialsNumbers() {
        Cli cli = Cli.run("train", "--initial-weights", "0.1");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out())
                .contains("z = w·hours + b")
                .contains("start     w = 0.1, b = 0")
                .containsPattern("\\s0\\s+0.7005199301\\s+1.015520335\n") // the tutorial's epoch-0 loss
                .containsPattern("\\s999\\s+0.05929467468\\s+0.02503895757\n") // and its epoch-999 loss
                .contains("learned   w = 4.3018685464211535, b = -10.50801155978499")
                .containsPattern("\\s1\\s+0\\s+-6.206143013\\s+0.002012941922\\s+Fail\\s+right")
                .containsPattern("\\s4\\s+1\\s+6.699462626\\s+0.9987699414\\s+Pass\\s+right")
                .contains("accuracy  4 of 4 rows right at threshold 0.5")
                .contains("hours = (0 − b) / w = (0 − (-10.50801156)) / 4.301868546 = 2.44266217")
                .contains("gradient of cross-entropy");
    }

    @Test
    void traceWritesOutTheFirstRowsArithmetic() {
        Cli cli = Cli.run("train", "--initial-weights", "0.1", "--trace", "--epochs", "1");
        assertThat(cli.out())
                .contains("epoch 0, row 1: x = 1, y = 0")
                .contains("z = 1·0.1 + 0 = 0.1")
                .contains("p = σ(z) = 1 / (1 + e^(−0.1)) = 0.5249791875")
                .contains("error = p − y = 0.5249791875 − 0 = 0.5249791875")
                .contains("w = 0.1 − 0.1·0.5249791875·1 = 0.04750208125")
                .contains("b = 0 − 0.1·0.5249791875 = -0.05249791875");
    }

    @Test
    void thresholdChangesDecisionsAndBoundary() {
        Cli cli = Cli.run("train", "--initial-weights", "0.1", "--threshold", "0.95");
        // p(3 h) = 0.9166 is below 0.95: that row flips to Fail.
        assertThat(cli.out()).containsPattern("\\s3\\s+1\\s+2.397594079\\s+0.916643656\\s+Fail\\s+wrong")
                .contains("accuracy  3 of 4 rows right at threshold 0.95");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--epochs=abc                    | --epochs: 'abc' is not a whole number; write it with digits only, such as 1000",
        "--learning-rate=-1              | learning rate must be a finite number greater than 0, got -1.0",
        "--learning-rate=NaN             | learning rate must be a finite number greater than 0, got NaN",
        "--epochs=-5                     | --epochs must be between 1 and 10000000, got -5",
        "--epochs=0                      | --epochs must be between 1 and 10000000, got 0",
        "--epochs=10000001               | --epochs must be between 1 and 10000000, got 10000001",
        "--learning-rate=0               | learning rate must be a finite number greater than 0, got 0.0",
        "--learning-rate=1e308           | learning rate 1E+308 is absurdly large: above a million (1e6)",
        "--learning-rate=Infinity        | learning rate Infinity is absurdly large",
        "--loss=mse                      | unknown loss 'mse'; use one of: squared-error, cross-entropy",
        "--updates=sometimes             | unknown updates 'sometimes'; use one of: batch, online",
        "--backend=cuda                  | unknown backend 'cuda'; available: ejml, nd4j, plain",
        "--data=iris                     | unknown dataset 'iris'; built-in datasets are:",
        "--initial-weights=0.1,0.2       | initial weights [0.1, 0.2] have 2 values but 'study-hours' has 1 features",
        "--threshold=1.5                 | --threshold must be between 0 and 1 (exclusive), got 1.5",
        "--no-such-option                | Unknown option: '--no-such-option'",
    })
    void badInputGetsOneLineAndTheUsageExitCode(String option, String message) {
        Cli.assertUsageError("train", option, message);
    }

    @Test
    void divergenceIsExplainedNotPrintedAsNaN(@TempDir Path dir) throws Exception {
        // Inputs near 1e200 overflow z = w·x in the second epoch, even at learning rate 1.
        Path huge = Files.writeString(dir.resolve("huge.csv"), "x,passed\n1e200,0\n2e200,1\n");
        Cli cli = Cli.run("train", "--data", huge.toString(), "--updates", "batch", "--learning-rate", "1");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).doesNotContain("NaN");
        assertThat(cli.err().lines()).hasSize(1);
        assertThat(cli.err()).startsWith("tinynn train: training diverged at epoch 1: the loss became NaN")
                .contains("run the same command with --standardize");
    }
}
