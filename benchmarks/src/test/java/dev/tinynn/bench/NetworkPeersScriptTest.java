package dev.tinynn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python peers' weight check, end to end: NetworkExchange writes XOR's network, and
 * network_peers.py's NumPy epoch agrees with tinynn's weights and is timed; with one of tinynn's
 * weights moved by 1e-6 in the file, the script refuses to time NumPy, says why, and exits 1.
 * Skipped where no python3 has NumPy (CI installs none).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NetworkPeersScriptTest {
    /** The script beside this module's pom, found from this class's own place (benchmarks/target/test-classes). */
    private static final Path SCRIPT = moduleFolder().resolve("network_peers.py");

    private static Path moduleFolder() {
        try {
            return Path.of(NetworkPeersScriptTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void needsNumpy() throws Exception {
        assumeTrue(run("python3", "-c", "import numpy").exitValue() == 0, "no python3 with NumPy here");
    }

    @Test
    void numpyIsTimedOnlyWhenItsWeightsAgreeWithTinynns(@TempDir Path dir) throws Exception {
        assertThat(NetworkExchange.write(dir, "xor")).startsWith("tinynn plain (the plain floor agrees within 1.0E-9)");

        Process ok = run("python3", SCRIPT.toString(), "--exchange", dir.toString(), "--peers", "numpy", "--nets", "xor",
                "--quick", "--out", dir.resolve("ok.json").toString());
        assertThat(ok.exitValue()).isZero();
        JsonNode timed = new ObjectMapper().readTree(dir.resolve("ok.json").toFile()).path("batch").path("numpy").path("xor");
        assertThat(timed.path("check").path("ok").asBoolean()).isTrue();
        assertThat(timed.path("check").path("max_difference").asDouble()).isLessThan(1e-12);
        assertThat(timed.path("epoch_ns").asDouble()).isPositive();

        nudgeTheFirstWeightAfterOneEpoch(dir.resolve("xor.f64"), 1e-6);
        Process off = run("python3", SCRIPT.toString(), "--exchange", dir.toString(), "--peers", "numpy", "--nets", "xor",
                "--quick", "--out", dir.resolve("off.json").toString());
        assertThat(off.exitValue()).isEqualTo(1);
        assertThat(new String(off.getErrorStream().readAllBytes())).contains("numpy  batch         xor: NOT TIMED: after one"
                + " epoch its weights differ from tinynn's by 1.000e-06 (allowed 1e-09)");
        JsonNode refused = new ObjectMapper().readTree(dir.resolve("off.json").toFile()).path("batch").path("numpy").path("xor");
        assertThat(refused.path("check").path("ok").asBoolean()).isFalse();
        assertThat(refused.has("epoch_ns")).isFalse();
    }

    /** XOR's file: X (8), y (4), initial W₁ (8), b₁ (4), w₂ (4), b₂ (1), then W₁ after one epoch: value 29. */
    private static void nudgeTheFirstWeightAfterOneEpoch(Path file, double by) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = 8L * (8 + 4 + 8 + 4 + 4 + 1);
            byte[] bytes = new byte[8];
            f.seek(at);
            f.readFully(bytes);
            double value = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getDouble();
            f.seek(at);
            f.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value + by).array());
        }
    }

    private static Process run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return process;
    }
}
