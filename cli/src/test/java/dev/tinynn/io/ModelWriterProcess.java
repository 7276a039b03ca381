package dev.tinynn.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Run as its own JVM by {@link ModelFileRobustnessTest}: saves two large models, A and B, over the
 * same file in turn, for ever, printing "saved N" after each save. The test kills it with
 * {@code destroyForcibly} (SIGKILL) in the middle of a write.
 *
 * <p>The save is {@link ModelFile}'s own (temporary file, force, atomic rename); only the bytes
 * go out in 16 KB pieces with a millisecond's pause between them, as on a slow disk, so that
 * nearly all of the writer's time is spent inside a write and a kill at a random moment lands in
 * one. Without the pauses a 1 MB write takes a few milliseconds on a local disk.
 */
public final class ModelWriterProcess {
    /** Features per model: about 1.5 MB of JSON. */
    static final int FEATURES = 50_000;

    private ModelWriterProcess() {
    }

    /** Model {@code which} (0 or 1): the same every time, so the test can tell which one it found. */
    static SavedModel model(int which) {
        Random random = new Random(which);
        double[] weights = random.doubles(FEATURES, -10, 10).toArray();
        List<String> features = IntStream.range(0, FEATURES).mapToObj(j -> "x" + j).toList();
        SavedModel.Training training = new SavedModel.Training("model " + which, 1, "plain", "cross-entropy", "online",
                0.1, 1, new double[FEATURES], 0, 0.5);
        return new SavedModel(SavedModel.FORMAT, SavedModel.VERSION, Collections.unmodifiableList(features), "y",
                weights, which, 0.5, null, training);
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        byte[][] models = {ModelFile.json(model(0)).getBytes(StandardCharsets.UTF_8),
            ModelFile.json(model(1)).getBytes(StandardCharsets.UTF_8)};
        for (long n = 0; ; n++) {
            ModelFile.save(target, models[(int) (n % 2)], (out, json) -> {
                for (int at = 0; at < json.length; at += 16_384) {
                    out.write(json, at, Math.min(16_384, json.length - at));
                    out.flush();
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                }
            });
            System.out.println("saved " + n);
            System.out.flush();
        }
    }
}
