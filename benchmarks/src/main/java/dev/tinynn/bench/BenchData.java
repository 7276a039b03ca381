package dev.tinynn.bench;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.spi.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The inputs every benchmark shares: the sizes, the data at each size, and the backends by the
 * names the benchmarks' {@code backend} parameter uses.
 *
 * <p>Sizes are written {@code n x d} as "rows x features": {@code 4x1} is the tutorial's
 * study-hours table, {@code 4x2} its study-sleep table, and the larger ones are random inputs in
 * [-1, 1) with labels drawn from a fixed neuron, always from the same seed, so every backend, every
 * floor and every fork sees the same numbers.
 *
 * <p>Backend names are tinynn's ({@code plain}, {@code ejml}, {@code nd4j}), plus
 * {@code nd4j-default}: the nd4j backend with ND4J's own default number of native threads, one per
 * core, instead of tinynn's 1. It works by setting {@code tinynn.nd4j.threads} before ND4J starts,
 * which is why a JMH fork must only ever see one backend (it does: the backend is a {@code @Param}).
 */
public final class BenchData {
    /** Every size the benchmarks know, smallest first. */
    public static final List<String> SIZES = List.of("4x1", "4x2", "1000x2", "100000x16", "1000000x16");

    /** The learning rate of every timed epoch: the tutorial's. */
    public static final double LEARNING_RATE = 0.1;

    private BenchData() {
    }

    /** Rows of a size such as {@code 1000x2}. */
    public static int rows(String size) {
        return Integer.parseInt(size.substring(0, size.indexOf('x')));
    }

    /** Features of a size such as {@code 1000x2}. */
    public static int features(String size) {
        return Integer.parseInt(size.substring(size.indexOf('x') + 1));
    }

    /** The dataset of this size (see the class comment). */
    public static Dataset dataset(String size) {
        switch (size) {
            case "4x1":
                return Datasets.studyHours();
            case "4x2":
                return Datasets.studySleep();
            default:
                break;
        }
        int n = rows(size);
        int d = features(size);
        SplittableRandom random = new SplittableRandom(20260520L);
        double[] truth = new double[d];
        for (int j = 0; j < d; j++) {
            truth[j] = random.nextDouble(-2, 2);
        }
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int j = 0; j < d; j++) {
                x[i][j] = random.nextDouble(-1, 1);
                z += truth[j] * x[i][j];
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return Dataset.of("random-" + size, names, x, y);
    }

    /** Starting weights for the timed epochs: 0.1 each, the tutorial's start. */
    public static double[] initialWeights(int d) {
        double[] w = new double[d];
        java.util.Arrays.fill(w, 0.1);
        return w;
    }

    /**
     * The backend called {@code name} (see the class comment for {@code nd4j-default}). Must be
     * called before anything in this JVM has started ND4J.
     */
    public static Backend backend(String name) {
        if (name.equals("nd4j-default")) {
            Nd4jThreads.useDefault();
            return Backends.named("nd4j");
        }
        Nd4jThreads.useOne();
        return Backends.named(name);
    }
}
