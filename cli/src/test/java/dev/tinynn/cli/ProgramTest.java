package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The program as a process, where the environment decides: the locale, DISPLAY, where stdout
 * goes. Each runs {@link Main} in its own JVM ({@link Program}).
 */
class ProgramTest {
    @TempDir
    Path dir;

    @Test
    void printsSigmaAndFriendsAsUtf8WithoutALocale() throws Exception {
        Program.Result run = Program.run(dir, Map.of("LANG", "C"), "train", "--epochs", "5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("σ").doesNotContain("?");
        Program.Result none = Program.run(dir, Map.of(), "predict", "--help");
        assertThat(none.out()).contains("σ(x·w + b)").doesNotContain("?");
    }

    @Test
    void namesTheLocaleWhenItCannotWriteAFileName() throws Exception {
        Path marks = Files.copy(Path.of(Cli.resource("grades.csv")), dir.resolve("notas-día.csv"));
        Program.Result c = Program.run(dir, Map.of("LANG", "C"), "train", "--data", marks.getFileName().toString());
        assertThat(c.exitCode()).isEqualTo(2);
        assertThat(c.err()).isEqualTo("tinynn train: the file name 'notas-d??a.csv' has characters that this system's"
                + " locale cannot write in a file name (the locale's encoding is ANSI_X3.4-1968): set a UTF-8 locale"
                + " before the command, such as LC_ALL=C.UTF-8\n");
        Program.Result utf8 = Program.run(dir, Map.of("LANG", "C", "LC_ALL", "C.UTF-8"), "train", "--data",
                marks.getFileName().toString(), "--features", "quiz,attendance", "--epochs", "5");
        assertThat(utf8.exitCode()).as(utf8.err()).isZero();
    }

    @Test
    void plotsWhateverDisplaySays() throws Exception {
        Program.Result run = Program.run(dir, Map.of("DISPLAY", ":97"), "train", "--epochs", "5", "--save",
                "model.json", "--plot", "loss.png");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(dir.resolve("loss.png")).isRegularFile();
        assertThat(dir.resolve("model.json")).isRegularFile();
    }

    /** A new file's permissions are the umask's, as for any program; a replaced file keeps its own. */
    @ParameterizedTest
    @CsvSource({"077, rw-------", "022, rw-r--r--"})
    void aSavedModelFollowsTheUmask(String umask, String permissions) throws Exception {
        ProcessBuilder builder = Program.builder(Map.of(), "train", "--epochs", "5", "--save", "model.json")
                .directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        command.addAll(builder.command());
        assertThat(Program.finish(builder.command(command).start())).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("model.json"))))
                .isEqualTo(permissions);
    }

    @Test
    void aFullDiskIsAFailedRun() throws Exception {
        Process process = Program.builder(Map.of(), "train", "--epochs", "5").redirectOutput(new File("/dev/full"))
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(Program.finish(process)).isEqualTo(1);
        assertThat(err).isEqualTo("tinynn: cannot write the output: the disk is full (no space left on device)\n");
    }

    @Test
    void aClosedPipeIsAFailedRun() throws Exception {
        // The reader's end is closed before the program starts, so every write fails (EPIPE), every time.
        List<String> command = new ArrayList<>(List.of("python3", "-c", "import os, sys; r, w = os.pipe();"
                + " os.close(r); os.dup2(w, 1); os.execvp(sys.argv[1], sys.argv[1:])"));
        command.addAll(Program.command("train", "--epochs", "5"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(Program.finish(process)).isEqualTo(1);
        assertThat(err).isEqualTo("tinynn: cannot write the output: the program reading it stopped (broken pipe)\n");
    }
}
