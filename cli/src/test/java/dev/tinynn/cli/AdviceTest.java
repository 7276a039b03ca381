package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Advice that works when followed literally: the divergence message's suggestion, run as printed,
 * trains; a damaged model's message prints the command that made it, and running that command makes
 * the same model again; a value picocli cannot convert is explained in plain words; rows are counted
 * from 1, with the CSV line where the data came from a file.
 */
class AdviceTest {

    /** The suggestion after "run the same command with" or "use", as arguments. */
    private static List<String> followed(List<String> command, String advice) {
        List<String> next = new ArrayList<>(command);
        if (advice.equals("--standardize")) {
            next.add("--standardize");
        } else {
            int at = next.indexOf("--learning-rate");
            next.set(at + 1, advice.substring("--learning-rate ".length()));
        }
        return next;
    }

    @Test
    void hugeInputsNameStandardizeAndFollowingItTrains(@TempDir Path dir) throws Exception {
        Path huge = Files.writeString(dir.resolve("huge.csv"), "x,passed\n1e200,0\n2e200,1\n");
        List<String> command = List.of("train", "--data", huge.toString(), "--updates", "batch", "--learning-rate", "1");
        Cli cli = Cli.run(command.toArray(String[]::new));
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines()).hasSize(1);
        assertThat(cli.err()).startsWith("tinynn train: training diverged at epoch 1: the loss became NaN with learning"
                + " rate 1.0; the inputs are large (|x| = 2E+200 in row 2 (line 3 of " + huge + ")): run the same"
                + " command with --standardize to train on z-scores\n");
        assertThat(cli.err()).doesNotContain("learning rate such as");
        Cli again = Cli.run(followed(command, "--standardize").toArray(String[]::new));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("accuracy  2 of 2 rows right");
    }

    @Test
    void aSmallerRateIsOfferedOnlyWhenItTrainsAndFollowingEitherAdviceTrains(@TempDir Path dir) throws Exception {
        Path big = Files.writeString(dir.resolve("big.csv"), "x,passed\n1e154,0\n2e154,1\n");
        List<String> command = List.of("train", "--data", big.toString(), "--learning-rate", "10");
        Cli cli = Cli.run(command.toArray(String[]::new));
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("the raw score z = x·w + b of row 2 (line 3 of " + big + ") became -Infinity")
                .endsWith("run the same command with --standardize to train on z-scores, or with --learning-rate 1"
                        + " (tried: it trains without diverging)\n");
        for (String advice : List.of("--standardize", "--learning-rate 1")) {
            Cli again = Cli.run(followed(command, advice).toArray(String[]::new));
            assertThat(again.exitCode()).as(advice + ": " + again.err()).isZero();
        }
        // at 1000 a tenth (100) diverges too: only --standardize is offered
        Cli far = Cli.run("train", "--data", big.toString(), "--learning-rate", "1000");
        assertThat(far.err()).endsWith("run the same command with --standardize to train on z-scores\n");
    }

    @Test
    void aDamagedModelPrintsTheCommandThatMadeItAndThatCommandMakesItAgain(@TempDir Path dir) throws Exception {
        Path grades = Files.writeString(dir.resolve("grades.csv"), "hours,sleep,passed\n1,5,0\n2,6,0\n3,7,1\n4,8,1\n");
        Path model = dir.resolve("my model.json");
        Cli made = Cli.run("train", "--data", grades.toString(), "--features", "sleep,hours", "--standardize",
                "--loss", "squared-error", "--updates", "batch", "--learning-rate", "0.5", "--epochs", "300",
                "--initial-weights", "0.1,0.2", "--initial-bias", "-0.5", "--threshold", "0.6", "--save", model.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        String good = Files.readString(model);
        Files.writeString(model, good.replaceFirst("\"weights\" : \\[", "\"weights\" : [ \"x\","));

        Cli damaged = Cli.run("predict", "--model", model.toString(), "1", "2");
        assertThat(damaged.exitCode()).isEqualTo(2);
        String expected = "tinynn train --data " + grades + " --label passed --features sleep,hours --standardize"
                + " --loss squared-error --updates batch --learning-rate 0.5 --epochs 300 --initial-weights 0.1,0.2"
                + " --initial-bias -0.5 --threshold 0.6 --backend plain --save '" + model + "'";
        assertThat(damaged.err()).contains("is damaged").contains("; make it again with the command that made it: "
                + expected + "\n");
        assertThat(damaged.err()).doesNotContain("tinynn train --save");

        // run it as printed (the quoted file name as one word): the same model, to the bit
        List<String> args = new ArrayList<>(List.of(expected.substring("tinynn ".length(), expected.indexOf(" '"))
                .split(" ")));
        args.add(model.toString());
        Cli remade = Cli.run(args.toArray(String[]::new));
        assertThat(remade.exitCode()).as(remade.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(Files.readString(model))).isEqualTo(json.readTree(good));
    }

    @Test
    void aModelWhoseTrainingBlockIsGoneSaysToRetrainFromItsData(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.json");
        assertThat(Cli.run("train", "--save", model.toString()).exitCode()).isZero();
        String text = Files.readString(model);
        Files.writeString(model, text.substring(0, text.indexOf("\"training\"")) + "\"training\" : null }");
        Cli cli = Cli.run("predict", "--model", model.toString(), "2");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("its training record cannot be read, so retrain it from the data it was made"
                + " from, with the same options, and save that with --save " + model).doesNotContain("tinynn train");
        Files.writeString(model, "");
        assertThat(Cli.run("predict", "--model", model.toString(), "2").err())
                .contains("is empty; its training record cannot be read");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "train     | --threshold        | 60%     | --threshold: '60%' is not a number; write the threshold as a fraction between 0 and 1, such as 0.6",
        "train     | --learning-rate    | abc     | --learning-rate: 'abc' is not a number; write the step size as a number, such as 0.1 or 1e-3",
        "train     | --epochs           | 1e3     | --epochs: '1e3' is not a whole number; write it with digits only, such as 1000",
        "train     | --trace-epochs     | two     | --trace-epochs: 'two' is not a whole number; write it with digits only, such as 2",
        "train     | --initial-weights  | 0.1,x   | --initial-weights: 'x' is not a number; write one number per input, separated by commas, such as 0.1 or 0.1,0.1",
        "train     | --initial-bias     | 1,2     | --initial-bias: '1,2' is not a number; write one number, such as 0 or -1",
        "compare   | --epochs           | 10.5    | --epochs: '10.5' is not a whole number; write it with digits only, such as 1000",
        "lab       | --learning-rates   | 0.1,x   | --learning-rates: 'x' is not a number; write the learning rates as numbers separated by commas, such as 0.01,0.1,0.5",
        "lab       | --thresholds       | 50%     | --thresholds: '50%' is not a number; write the thresholds as fractions between 0 and 1, separated by commas, such as 0.5,0.6",
        "lab       | --every            | 2.5     | --every: '2.5' is not a whole number; write it with digits only, such as 100",
        "tutorial  | --page             | two     | --page: 'two' is not a whole number; write the page's number, 1 to 8",
        "gradcheck | --weights          | w       | --weights: 'w' is not a number; write one number per input, separated by commas, such as 0.1 or 0.1,0.1",
        "gradcheck | --bias             | b       | --bias: 'b' is not a number; write one number, such as 0 or -1",
        "gradcheck | --h                | small   | --h: 'small' is not a number; write a small number, such as 1e-6",
        "predict   | --threshold        | 0,6     | --threshold: '0,6' is not a number; write the threshold as a fraction between 0 and 1, such as 0.6",
    })
    void everyNumberConversionErrorIsInPlainWords(String command, String option, String value, String message) {
        Cli cli = Cli.run(command, option, value);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("tinynn " + command + ": " + message + " (see 'tinynn " + command
                + " --help')\n").doesNotContain("double").doesNotContain(" int");
    }

    @Test
    void predictInputCountsRowsFromOneWithTheirLine(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.json");
        assertThat(Cli.run("train", "--save", model.toString()).exitCode()).isZero();
        Path input = Files.writeString(dir.resolve("in.csv"), "hours\n2\n\n1e308\n");
        Cli cli = Cli.run("predict", "--model", model.toString(), "--input", input.toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("tinynn predict: row 2 (line 4 of " + input + "): its values give a raw score");
    }

    @Test
    void theTraceCountsRowsFromOne() {
        Cli cli = Cli.run("train", "--trace", "--epochs", "1");
        assertThat(cli.out()).contains("epoch 0, row 1: x = 1, y = 0").contains("epoch 0, row 4: x = 4, y = 1")
                .doesNotContain("row 0");
        Cli batch = Cli.run("train", "--trace", "--epochs", "1", "--updates", "batch");
        assertThat(batch.out()).contains("    row 1: z = ").contains("    row 4: z = ").doesNotContain("row 0");
    }

    @Test
    void theSquaredErrorTraceDerivesSigmaPrime() {
        Cli cli = Cli.run("train", "--trace", "--epochs", "1", "--loss", "squared-error");
        assertThat(cli.out()).contains("      where σ'(z) = p(1 − p) = 0.5·0.5 = 0.25  (σ = 1/(1 + e^(−z)), so σ' ="
                + " e^(−z)/(1 + e^(−z))² = σ·(1 − σ))\n      and δ = 2·(p − y)·σ'(z) = 2·0.5·0.25 = 0.25\n");
    }
}
