package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run may write over: never its own data, never another output of the same run, never
 * anything but a regular file; a replaced file keeps its permissions, and a long legal name works.
 * Each refusal is one line before any training, exit code 2, and leaves every file as it was.
 */
class OutputSafetyTest {
    @TempDir
    Path dir;

    private Path marks() throws Exception {
        Path marks = dir.resolve("marks.csv");
        Files.copy(Path.of(Cli.resource("grades.csv")), marks);
        return marks;
    }

    @Test
    void refusesToSaveOverTheDataItTrainsOn() throws Exception {
        Path marks = marks();
        byte[] before = Files.readAllBytes(marks);
        Cli cli = Cli.run("train", "--data", marks.toString(), "--save", marks.toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("tinynn train: --save " + marks + " is the file that --data reads ('"
                + marks + "'): writing it would replace what you gave; choose another name for --save\n");
        assertThat(cli.out()).isEmpty();
        assertThat(Files.readAllBytes(marks)).isEqualTo(before);
    }

    @Test
    void seesTheSameFileUnderAnotherNameOrAHardLink() throws Exception {
        Path marks = marks();
        Path link = Files.createLink(dir.resolve("also-marks.csv"), marks);
        for (String[] args : new String[][] {
            {"train", "--data", marks.toString(), "--save", dir + "/./sub/../marks.csv"},
            {"train", "--data", marks.toString(), "--save", link.toString()}}) {
            Files.createDirectories(dir.resolve("sub"));
            Cli cli = Cli.run(args);
            assertThat(cli.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(cli.err()).as(String.join(" ", args)).containsOnlyOnce("\n");
        }
        assertThat(Files.readString(marks)).startsWith("student,quiz,attendance,passed").isEqualTo(Files.readString(link));
    }

    @Test
    void refusesTwoOutputsInOneFile() throws Exception {
        Path out = dir.resolve("out.html");
        Cli cli = Cli.run("train", "--save", out.toString(), "--report", dir + "/./out.html");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("tinynn train: --report " + dir + "/./out.html is the same file as --save "
                + out + ": one would overwrite the other; give each output its own file name\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesATargetThatIsNotARegularFile() throws Exception {
        Path fifo = dir.resolve("model.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        for (String[] args : new String[][] {{"train", "--save", fifo.toString()}, {"train", "--save", "/dev/null"}}) {
            Cli cli = Cli.run(args);
            assertThat(cli.exitCode()).as(String.join(" ", args)).isEqualTo(2);
        }
        Cli cli = Cli.run("train", "--save", fifo.toString());
        assertThat(cli.err()).isEqualTo("tinynn train: cannot save the model to '" + fifo + "': it exists and is not a"
                + " regular file (a device, a pipe or a socket), so it is left alone; save to a new file name, such as"
                + " model.json\n");
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @Test
    void keepsThePermissionsOfAReplacedFile() throws Exception {
        Path model = dir.resolve("model.json");
        Files.writeString(model, "old");
        Files.setPosixFilePermissions(model, PosixFilePermissions.fromString("rw-------"));
        assertThat(Cli.run("train", "--save", model.toString()).exitCode()).isZero();
        assertThat(Files.readString(model)).contains("\"tinynn-model\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(model))).isEqualTo("rw-------");
        Path fresh = dir.resolve("new.json");
        assertThat(Cli.run("train", "--save", fresh.toString()).exitCode()).isZero();
        // a new file gets what this JVM's umask gives any new file (ProgramTest sets the umask)
        Path probe = Files.createFile(dir.resolve("probe"));
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(Files.getPosixFilePermissions(probe));
    }

    @Test
    void savesUnderTheLongestLegalName() throws Exception {
        String name = "m".repeat(250) + ".json"; // 255 bytes, the most a Linux file name can have
        Path model = dir.resolve(name);
        Cli cli = Cli.run("train", "--save", model.toString());
        assertThat(cli.err()).isEmpty();
        assertThat(cli.exitCode()).isZero();
        assertThat(model).isRegularFile();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(model); // no temporary file left
        }
    }

    @Test
    void aSymbolicLinkKeepsPointingAtTheReplacedFile() throws Exception {
        Path real = dir.resolve("real.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        assertThat(Cli.run("train", "--save", link.toString()).exitCode()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("\"tinynn-model\"");
    }
}
