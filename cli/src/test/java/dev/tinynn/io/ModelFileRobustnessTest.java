package dev.tinynn.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved models survive a killed writer, and every double survives the round trip to JSON and
 * back, bit for bit.
 */
class ModelFileRobustnessTest {
    @TempDir
    Path dir;

    /**
     * A real second JVM saves model A whole, then starts writing model B over the same file and
     * says so (see {@link ModelWriterProcess}); the test kills it with SIGKILL (no shutdown hooks,
     * no finally blocks) on that signal, with nothing written of B yet, with half of it, and with all
     * of it but before the rename; and the same with A and B swapped. Every time the writer's
     * temporary file is left behind (the kill hit the write) and the model file loads as the old
     * model, every weight to the bit.
     */
    @ParameterizedTest(name = "first model {0}, killed at the {1} of the second write")
    @CsvSource({"0, start", "0, middle", "0, end", "1, middle"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aWriterKilledMidWriteLeavesTheOldModelIntact(int first, String stopAt) throws Exception {
        Path target = dir.resolve("model.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ModelWriterProcess.class.getName(), target.toString(), Integer.toString(first), stopAt)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).as("the writer's first line").isEqualTo("saved");
            assertThat(out.readLine()).as("the writer's second line").isEqualTo("writing");
        } finally {
            writer.destroyForcibly();
        }
        writer.waitFor(); // bounded by the @Timeout

        assertThat(temporaryFiles()).as("the killed write's temporary file").hasSize(1);
        SavedModel expected = ModelWriterProcess.model(first);
        SavedModel found = ModelFile.load(target.toString());
        assertThat(found.bias()).isEqualTo(expected.bias());
        assertThat(found.weights()).containsExactly(expected.weights());
        assertThat(found.features()).isEqualTo(expected.features());
    }

    private List<Path> temporaryFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** Doubles that are hard to write as text and read back. */
    static double[] awkward() {
        List<Double> values = new ArrayList<>(List.of(
                Double.MIN_VALUE, -Double.MIN_VALUE, 3 * Double.MIN_VALUE, Math.nextDown(Double.MIN_NORMAL),
                Double.MIN_NORMAL, -0.0, 0.0, 1e-300, -1e-300, 1e300, Double.MAX_VALUE, -Double.MAX_VALUE,
                0.1 + 0.2, 1.0 / 3, Math.PI, Math.nextUp(1.0), Math.nextDown(1.0), 2.2250738585072014E-308,
                4.9406564584124654E-324, 9007199254740993.0, 1.7976931348623157E308, 5e-324, 123456789.12345679));
        Random random = new Random(7);
        while (values.size() < 1000) {
            double v = Double.longBitsToDouble(random.nextLong()); // any bit pattern: every exponent, subnormals
            if (Double.isFinite(v)) {
                values.add(v);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void everyDoubleReloadsBitForBit() throws Exception {
        double[] v = awkward();
        int d = v.length;
        double[] sds = new double[d];
        for (int j = 0; j < d; j++) {
            sds[j] = v[j] == 0 ? Double.MIN_VALUE : Math.abs(v[j]);
        }
        List<String> features = java.util.stream.IntStream.range(0, d).mapToObj(j -> "x" + j).toList();
        SavedModel.Training training = new SavedModel.Training("awkward", d, "plain", "cross-entropy", "online",
                Double.MIN_VALUE, 1, v, -0.0, 0.30000000000000004);
        SavedModel model = new SavedModel(SavedModel.FORMAT, SavedModel.VERSION, features, "y", v, -0.0,
                Math.nextDown(1.0), new SavedModel.Scaling(v, sds), training);
        Path file = dir.resolve("awkward.json");
        ModelFile.save(file, model);
        SavedModel loaded = ModelFile.load(file.toString());

        assertBits("weights", loaded.weights(), v);
        assertBits("means", loaded.standardization().means(), v);
        assertBits("standardDeviations", loaded.standardization().standardDeviations(), sds);
        assertBits("initialWeights", loaded.training().initialWeights(), v);
        assertBits("bias, threshold, learningRate, initialBias, finalLoss",
                new double[] {loaded.bias(), loaded.threshold(), loaded.training().learningRate(),
                    loaded.training().initialBias(), loaded.training().finalLoss()},
                new double[] {-0.0, Math.nextDown(1.0), Double.MIN_VALUE, -0.0, 0.30000000000000004});
        // And again: what this version writes, it writes the same way twice.
        assertThat(ModelFile.json(loaded)).isEqualTo(Files.readString(file));
    }

    private static void assertBits(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int j = 0; j < expected.length; j++) {
            assertThat(Double.doubleToRawLongBits(actual[j]))
                    .as("%s[%d]: wrote %s, read %s", what, j, expected[j], actual[j])
                    .isEqualTo(Double.doubleToRawLongBits(expected[j]));
        }
    }
}
