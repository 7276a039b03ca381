package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar and Ctrl-C, in a child process ({@link Program}): the bar goes to stderr
 * only, {@code auto} draws nothing when stderr is not a terminal, and SIGINT stops training with
 * one line, exit code 130 and no file written.
 */
class ProgressTest {
    @TempDir
    Path dir;

    @Test
    void alwaysDrawsOnStderrAndLeavesStdoutByteForByteTheSame() throws Exception {
        Program.Result always = Program.run(dir, Map.of(), "train", "--epochs", "3000", "--progress", "always");
        Program.Result never = Program.run(dir, Map.of(), "train", "--epochs", "3000", "--progress", "never");
        assertThat(always.exitCode()).as(always.err()).isZero();
        assertThat(never.exitCode()).as(never.err()).isZero();
        assertThat(always.stdout()).isEqualTo(never.stdout());
        assertThat(always.err()).contains("train").contains("/3000").contains("epochs");
        assertThat(never.err()).isEmpty();
        Program.Result lab = Program.run(dir, Map.of(), "lab", "--epochs", "300", "--progress", "always");
        assertThat(lab.err()).contains("lab").contains("/1200");
    }

    @Test
    void autoDrawsNothingWhenStderrIsNotATerminal() throws Exception {
        Program.Result auto = Program.run(dir, Map.of(), "train", "--epochs", "300000", "--updates", "batch");
        assertThat(auto.exitCode()).as(auto.err()).isZero();
        assertThat(auto.err()).isEmpty();
    }

    @Test
    void ctrlCStopsAtTheEndOfAnEpochSavesNothingAndExits130() throws Exception {
        Path model = dir.resolve("model.json");
        Files.writeString(model, "the old model");
        Process process = Program.builder(Map.of(), "train", "--json", "--epochs", "10000000", "--progress",
                "always", "--save", model.toString(), "--plot", dir.resolve("loss.png").toString())
                .directory(dir.toFile()).start();
        InputStream err = process.getErrorStream();
        int first = err.read(); // the bar's first frame: training has started
        assertThat(first).as("the progress bar's first byte").isNotNegative();
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor()).isZero();
        String rest = new String(err.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(Program.finish(process)).isEqualTo(130);
        String last = rest.lines().reduce((a, b) -> b).orElse("");
        // the bar appears just before the first epoch, so Ctrl-C may land in it
        assertThat(last).matches("tinynn train: stopped by Ctrl-C (in the first epoch|after epoch \\d+ of 10000000"
                + " \\(loss then [0-9.e-]+\\)); nothing was saved");
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.readString(model)).isEqualTo("the old model");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(model);
        }
    }
}
