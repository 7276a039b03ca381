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
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved models survive a killed writer, and every double survives the round trip to JSON and
 * back, bit for bit.
 */
class ModelFileRobustnessTest {
    @TempDir
    Path dir;

    /**
     * A real second JVM saves two 1.5 MB models over one file in turn (see {@link
     * ModelWriterProcess}); it is killed with SIGKILL (no shutdown hooks, no finally blocks) at a
     * random moment, three times. Each time the file must load and be exactly model A or model B,
     * every weight to the bit. A kill that leaves the writer's temporary file behind died in the
     * middle of a write; at least one must have (rounds go on, up to ten, until one has).
     */
    @Test
    void aWriterKilledMidWriteLeavesTheOldModelIntact() throws Exception {
        Path target = dir.resolve("model.json");
        SavedModel a = ModelWriterProcess.model(0);
        SavedModel b = ModelWriterProcess.model(1);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Random random = new Random(42);
        int midWrite = 0;
        int rounds = 0;
        while (rounds < 3 || midWrite == 0 && rounds < 10) {
            rounds++;
            Process writer = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    ModelWriterProcess.class.getName(), target.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                // Let it finish one save (so there is an old model), then kill it a little later.
                assertThat(out.readLine()).as("the writer's first line").isEqualTo("saved 0");
                Thread.sleep(random.nextInt(150));
                writer.destroyForcibly();
                assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            List<Path> temporary = temporaryFiles();
            midWrite += temporary.isEmpty() ? 0 : 1;
            SavedModel found = ModelFile.load(target.toString());
            SavedModel expected = found.bias() == 0 ? a : b;
            assertThat(found.weights()).as("round %d", rounds).containsExactly(expected.weights());
            assertThat(found.features()).isEqualTo(expected.features());
            for (Path t : temporary) {
                Files.delete(t); // what a killed writer leaves: a hidden .model.json.*.tmp, never the model
            }
        }
        System.out.printf("ModelFileRobustnessTest: %d kills, %d of them mid-write%n", rounds, midWrite);
        assertThat(midWrite).as("kills that hit a write in progress, in %d rounds", rounds).isPositive();
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
