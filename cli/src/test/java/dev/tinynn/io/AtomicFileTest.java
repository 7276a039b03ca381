package dev.tinynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one atomic write that saved models, plots and reports share. */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryOne() throws Exception {
        Path file = dir.resolve("loss.png");
        Files.writeString(file, "the old picture");
        assertThatThrownBy(() -> AtomicFile.write(file, "the plot", out -> {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G'}); // a start reaches the temporary file...
            throw new IOException("No space left on device (simulated)"); // ...then the disk is full
        })).isInstanceOf(IOException.class)
                .hasMessage("cannot save the plot to '" + file + "': No space left on device (simulated); nothing was"
                        + " changed");
        assertThat(Files.readString(file)).isEqualTo("the old picture");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void checksTheNameBeforeAnyWork() {
        assertThatThrownBy(() -> AtomicFile.checkWritable(dir.toString(), "the report", "report.html"))
                .hasMessage("cannot save the report to '" + dir + "': it is a folder; name a file such as "
                        + dir.resolve("report.html"));
    }

    @Test
    void aBatchWhoseSecondFileFailsChangesNothing() throws Exception {
        Path model = Files.writeString(dir.resolve("model.json"), "the old model");
        Path plot = dir.resolve("loss.png");
        try (AtomicFile.Batch batch = new AtomicFile.Batch()) {
            batch.add(model, "the model", out -> out.write("the new model".getBytes()));
            assertThatThrownBy(() -> batch.add(plot, "the plot", out -> {
                throw new IOException("no display (simulated)");
            })).hasMessage("cannot save the plot to '" + plot + "': no display (simulated); nothing was changed");
        }
        assertThat(Files.readString(model)).isEqualTo("the old model");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(model);
        }
    }
}
