package dev.tinynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a file the user named: regular files only, up to a stated, overridable size. */
class TextFilesTest {
    @TempDir
    Path dir;

    @Test
    void refusesAFileLargerThanTheLimitAndSaysHowToRaiseIt() throws Exception {
        Path big = Files.write(dir.resolve("big.csv"), new byte[2_500_000]);
        assertThatThrownBy(() -> TextFiles.read(big.toString(), "a .csv file", 2_000_000))
                .hasMessage("cannot read '" + big + "': it is larger than 2 MB, the most tinynn reads (this file has 3"
                        + " MB); to read it anyway, set TINYNN_MAX_INPUT_MB to a larger number of MB, such as"
                        + " TINYNN_MAX_INPUT_MB=1000, before the command");
    }

    @Test
    void aFileThatReportsNoSizeIsStillBounded() {
        // /proc files say they are empty but are not: the limit holds while reading.
        assertThatThrownBy(() -> TextFiles.read("/proc/self/maps", "a .csv file", 10))
                .hasMessageContaining("it is larger than 1 MB, the most tinynn reads (this file has more)");
    }

    @Test
    void escapesControlCharactersAndKeepsEverythingElse() {
        assertThat(TextFiles.oneLine("a\nb\u001b[31m\tc\u202eé σ")).isEqualTo("a\\nb\\u001b[31m\\tc\\u202eé σ");
    }
}
