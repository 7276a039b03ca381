package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.spi.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Beyond the tutorial: on seeded random data from 1×1 up to 10,000×64, with both update schedules
 * and both losses, 100 epochs, a backend's weights, bias and loss history agree within 1e-10
 * relative with {@link ReferenceNeuron}, the formulas written out one number at a time (so the plain
 * backend, which runs this suite too, is compared with something other than itself). A backend
 * module runs it with a few lines:
 *
 * <pre>
 * class MyBackendAgreementTest extends BackendAgreement {
 *     &#64;Override
 *     protected Backend backend() {
 *         return Backends.named("my-backend");
 *     }
 * }
 * </pre>
 *
 * <p>Why agreement is not exact: a library may add up a dot product in another order (blocked,
 * or several partial sums at once), and floating-point addition is not associative. Each sum
 * then differs in its last bits; 100 epochs of training must not let that grow past 1e-10.
 */
public abstract class BackendAgreement {
    /** Relative tolerance: |a − b| ≤ 1e-10·max(1, |a|, |b|). */
    protected static final double TOLERANCE = 1e-10;
    private static final int EPOCHS = 100;

    /** The backend under test. */
    protected abstract Backend backend();

    /** n×d shapes, from a single number up to 10,000 rows of 64 features. */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        int[][] shapes = {{1, 1}, {4, 2}, {7, 3}, {100, 8}, {1_000, 16}, {10_000, 64}};
        for (int[] shape : shapes) {
            for (Updates updates : Updates.values()) {
                for (Loss loss : Loss.values()) {
                    cases.add(Arguments.of(shape[0], shape[1], updates, loss));
                }
            }
        }
        return cases.stream();
    }

    /**
     * Gaussian inputs, labels from a noisy linear rule (so the data is not separable), seeded by shape:
     * the same n and d always give the same data. Public for backend modules' own tests.
     */
    public static Dataset randomData(int n, int d) {
        Random random = new Random(31L * n + d);
        double[] truth = random.doubles(d, -1, 1).toArray();
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int j = 0; j < d; j++) {
                x[i][j] = random.nextGaussian();
                z += x[i][j] * truth[j];
            }
            y[i] = random.nextDouble() < Sigmoid.of(2 * z) ? 1 : 0;
        }
        return Dataset.of("random " + n + "x" + d, IntStream.range(0, d).mapToObj(j -> "x" + j).toList(), x, y);
    }

    @ParameterizedTest(name = "{0}×{1}, {2}, {3}")
    @MethodSource("cases")
    void agreesWithTheReference(int n, int d, Updates updates, Loss loss) {
        Dataset data = randomData(n, d);
        // Online takes n steps per epoch, so it gets a smaller learning rate.
        double lr = updates == Updates.BATCH ? 0.5 : 0.5 / Math.sqrt(n);
        TrainingConfig config = new TrainingConfig(loss, updates, lr, EPOCHS, null, 0.0);

        ReferenceNeuron.Run expected = ReferenceNeuron.train(data, config);
        TrainingResult actual = Trainer.train(backend(), data, config);

        assertThat(expected.diverged()).as("the reference run diverged").isFalse();
        assertClose("weights", actual.weights(), expected.weights());
        assertClose("bias", new double[] {actual.bias()}, new double[] {expected.bias()});
        assertClose("loss history", actual.lossHistory(), expected.lossHistory());
        assertClose("final loss", new double[] {actual.finalLoss()}, new double[] {expected.finalLoss()});
    }

    /** Asserts |a − b| ≤ 1e-10·max(1, |a|, |b|) entry by entry; the network suite shares it. */
    static void assertClose(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1, Math.max(Math.abs(actual[i]), Math.abs(expected[i])));
            assertThat(Math.abs(actual[i] - expected[i]) / scale)
                    .as("%s[%d]: %s vs reference %s", what, i, actual[i], expected[i])
                    .isLessThanOrEqualTo(TOLERANCE);
        }
    }
}
