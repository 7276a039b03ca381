package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cannot be data is refused at once, and whatever the input, an error is one plain line:
 * no Java class or library setting in it, no raw control character from a name.
 */
class PlainInputTest {
    private static final String MODEL = """
            {"format": "tinynn-model", "formatVersion": 1, "features": ["hours"], "label": "passed",
             "weights": [1.2], "bias": -2.1, "threshold": 0.5, "standardization": null,
             "training": {"data": "study-hours", "rows": 8, "backend": "plain", "loss": "cross-entropy",
               "updates": "online", "learningRate": 0.1, "epochs": 1000, "initialWeights": [0.0],
               "initialBias": 0.0, "finalLoss": 0.3}}
            """;

    @TempDir
    Path dir;

    private static void oneLine(Cli cli, int exitCode) {
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(exitCode);
        assertThat(cli.err().lines()).as(cli.err()).hasSize(1);
        assertThat(cli.err()).doesNotContain("\u001b").doesNotContain("dev.tinynn").doesNotContain("Exception")
                .doesNotContain("Feature").doesNotContain("`").doesNotContain("java.");
    }

    @Test
    void refusesDevicesAndPipesBeforeReadingThem() throws Exception {
        Path fifo = dir.resolve("model.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Cli zero = Cli.run("train", "--data", "/dev/zero");
        oneLine(zero, 2);
        assertThat(zero.err()).isEqualTo("tinynn train: cannot read '/dev/zero': it is not a regular file (it is a"
                + " device, a pipe or a socket, which can be read without end); give a .csv file saved on the disk\n");
        oneLine(Cli.run("train", "--data", "/dev/urandom"), 2);
        Cli pipe = Cli.run("predict", "--model", fifo.toString(), "2");
        oneLine(pipe, 2);
        assertThat(pipe.err()).contains("is not a regular file");
    }

    @Test
    void boundsTraceEpochs() {
        Cli cli = Cli.run("train", "--trace", "--trace-epochs", "1000000");
        oneLine(cli, 2);
        assertThat(cli.err()).startsWith("tinynn train: --trace-epochs must be between 0 and 100, got 1000000; to"
                + " follow the loss of every epoch, write a report with --report FILE.html");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void refusesAControlCharacterInAValue() throws Exception {
        Path csv = Files.writeString(dir.resolve("nul.csv"), "hours,passed\n2\u0000,1\n3,0\n");
        Cli cli = Cli.run("train", "--data", csv.toString());
        oneLine(cli, 2);
        assertThat(cli.err()).contains("line 2 holds the control character \\u0000");
        Cli option = Cli.run("train", "--learning-rate", "0.1\n");
        oneLine(option, 2);
        assertThat(option.err()).contains("'0.1\\n' holds a control character");
    }

    private Cli predict(String model) throws Exception {
        Path file = Files.writeString(dir.resolve("m.json"), model);
        return Cli.run("predict", "--model", file.toString(), "2");
    }

    @Test
    void refusesARepeatedKeyInAModel() throws Exception {
        Cli cli = predict(MODEL.replace("\"bias\": -2.1,", "\"bias\": -2.1, \"bias\": 5,"));
        oneLine(cli, 2);
        assertThat(cli.err()).contains("the key \"bias\" appears twice; keep one");
    }

    @Test
    void namesAnUnknownFieldInPlainWords() throws Exception {
        Cli cli = predict(MODEL.replace("\"finalLoss\": 0.3", "\"finalLoss\": 0.3, \"note\": \"mine\""));
        oneLine(cli, 2);
        // the fix never writes over the model with something else: it is the command that made this one
        assertThat(cli.err()).startsWith("tinynn predict: model file '" + dir.resolve("m.json") + "' has a field"
                + " \"note\" in 'training' that tinynn models do not have (a typo, or a hand edit?); remove it, or make"
                + " it again with the command that made it: tinynn train --data study-hours ")
                .contains(" --learning-rate 0.1 --epochs 1000 ").contains(" --save ").contains(dir.resolve("m.json").toString());
    }

    @Test
    void translatesEveryParserErrorIntoPlainWords() throws Exception {
        for (String broken : List.of(MODEL.replace("-2.1", "NaN"), MODEL.replace("-2.1", "-Infinity"),
                MODEL.replace("-2.1", "'x'"), MODEL.replace("-2.1", "01"), "// note\n" + MODEL,
                MODEL.replace("\"passed\"", "\"pas\nsed\""), MODEL.replace("[1.2]", "1.2"),
                MODEL.replace("[\"hours\"]", "\"hours\""), MODEL.replace("\"passed\"", "[1]"),
                MODEL.replace("{\"data\"", "[{\"data\""), "[".repeat(2000), MODEL.replace("8,", "8.5,"),
                MODEL.replace("\"training\": {", "\"training\": 3, \"x\": {"), MODEL + "}")) {
            Cli cli = predict(broken);
            assertThat(cli.exitCode()).as(broken).isEqualTo(2);
            oneLine(cli, 2);
        }
    }

    @Test
    void printsNamesEscapedOnOneLine() throws Exception {
        Path odd = Files.writeString(dir.resolve("a\nb\u001b[31m.csv"), "hours,passed\n1,0\n2,1\n");
        Cli cli = Cli.run("train", "--data", odd.toString(), "--label", "x\u001b[2J");
        oneLine(cli, 2);
        assertThat(cli.err()).contains("a\\nb\\u001b[31m.csv").contains("'x\\u001b[2J'");
        Cli saved = Cli.run("train", "--data", odd.toString(), "--save", dir.resolve("m\u001b]0;x.json").toString());
        assertThat(saved.exitCode()).isZero();
        assertThat(saved.out()).doesNotContain("\u001b").contains("a\\nb\\u001b[31m.csv").contains("m\\u001b]0;x.json");
    }

    @Test
    void tellsATabSeparatedFileToUseCommas() throws Exception {
        Path tsv = Files.writeString(dir.resolve("marks.csv"), "hours\tpassed\n1\t0\n2\t1\n");
        Cli cli = Cli.run("train", "--data", tsv.toString());
        oneLine(cli, 2);
        assertThat(cli.err()).contains("separates its values with tabs").contains("separate values with commas");
    }

    @Test
    void jshellRefusesADataFile() {
        Cli cli = Cli.run("jshell", Cli.resource("grades.csv"));
        oneLine(cli, 2);
        assertThat(cli.err()).contains("is not a JShell script (its name does not end in .jsh)");
    }

    @Test
    void labFailsWhenEveryRateDiverges() throws Exception {
        Path huge = Files.writeString(dir.resolve("huge.csv"), "hours,passed\n1e300,0\n2e300,1\n");
        Cli cli = Cli.run("lab", "--data", huge.toString(), "--epochs", "50");
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
        assertThat(cli.err()).startsWith("tinynn lab: every learning rate diverged (training diverged at epoch ");
        assertThat(cli.err().lines()).hasSize(1);
    }

    @Test
    void gradcheckRefusesAPointWhereTheLossIsNotFinite() {
        Cli cli = Cli.run("gradcheck", "--weights", "1e308");
        oneLine(cli, 2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("is not a finite number").contains("--weights 0.1 --bias 0")
                .doesNotContain("NaN").doesNotContain("Infinity");
    }
}
