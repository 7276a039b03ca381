package dev.tinynn.io;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Run as its own JVM by {@link ModelFileRobustnessTest}: saves model A (or B) whole, prints
 * "saved", then starts saving the other model over the same file, stops at a chosen point of that
 * write, prints "writing" and blocks (it waits for a line on stdin that never comes). The test
 * kills it with {@code destroyForcibly} (SIGKILL) on that signal, so the kill lands inside the
 * write every time, at the point the test chose, with no sleep and no luck.
 *
 * <p>Arguments: the target file, which model to save first (0 or 1), and where to stop the second
 * write: {@code start} (nothing written yet), {@code middle} (half the bytes out and flushed) or
 * {@code end} (every byte written, before {@link ModelFile}'s force and atomic rename).
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
        int first = Integer.parseInt(args[1]);
        String stopAt = args[2];
        ModelFile.save(target, model(first));
        System.out.println("saved");
        System.out.flush();
        byte[] json = ModelFile.json(model(1 - first)).getBytes(StandardCharsets.UTF_8);
        int stop = switch (stopAt) {
            case "start" -> 0;
            case "middle" -> json.length / 2;
            case "end" -> json.length;
            default -> throw new IllegalArgumentException("stop at start, middle or end, not " + stopAt);
        };
        ModelFile.save(target, json, (out, bytes) -> {
            out.write(bytes, 0, stop);
            out.flush();
            System.out.println("writing");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine(); // blocks until killed
            out.write(bytes, stop, bytes.length - stop);
        });
        System.out.println("saved");
    }
}
