package dev.tinynn.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.Backends;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector kernel's own arithmetic: its e^x against {@code Math.exp}, and its lanes against its
 * one-value twin bit for bit (the reason it has its own e^x at all). The conformance and agreement
 * suites check it as part of the backend.
 */
class VectorKernelTest {

    @Test
    void theTestsRunTheVectorKernel() {
        // backend-fast's pom gives the test JVM --add-modules jdk.incubator.vector; without it every
        // test here would quietly check ScalarKernel twice.
        assertThat(FastBackend.vectorApi()).as("jdk.incubator.vector in this JVM").isTrue();
        assertThat(Backends.named("fast").library()).contains("Vector API (" + VectorKernel.LANES + " lanes)");
    }

    @Test
    void expIsWithinOneUnitInTheLastPlaceOfMathExp() {
        Random random = new Random(42);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double x = -746 * random.nextDouble();
            worst = Math.max(worst, ulpsApart(VectorKernel.exp(x), Math.exp(x)));
        }
        for (double x = -5; x <= 0; x += 1.0 / 4096) { // the range σ lives in, on a fine grid
            worst = Math.max(worst, ulpsApart(VectorKernel.exp(x), Math.exp(x)));
        }
        assertThat(worst).as("largest distance from Math.exp, in units in the last place").isLessThanOrEqualTo(1);
    }

    /** How many units in the last place of {@code expected} separate the two. */
    private static double ulpsApart(double actual, double expected) {
        return Math.abs(actual - expected) / Math.ulp(expected);
    }

    @Test
    void expAtTheEdges() {
        assertThat(VectorKernel.exp(0.0)).isEqualTo(1.0);
        assertThat(VectorKernel.exp(-0.0)).isEqualTo(1.0);
        assertThat(VectorKernel.exp(-1.0)).isEqualTo(Math.exp(-1.0));
        assertThat(VectorKernel.exp(-708.5)).as("below the smallest normal number").isEqualTo(Math.exp(-708.5));
        assertThat(VectorKernel.exp(-745.0)).as("the smallest subnormal numbers").isEqualTo(Math.exp(-745.0));
        assertThat(VectorKernel.exp(-746.0)).isZero();
        assertThat(VectorKernel.exp(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(VectorKernel.exp(Double.NaN)).isNaN();
    }

    @Test
    void everyLaneGivesTheBitsOfTheOneValueVersionOnceCompiled() {
        Random random = new Random(7);
        double[] z = new double[4_096 + 3]; // not a multiple of the lanes: the last values take the one-value path
        for (int i = 0; i < z.length; i++) {
            z[i] = switch (i % 8) {
                case 0 -> random.nextGaussian();
                case 1 -> 40 * random.nextGaussian();
                case 2 -> 800 * random.nextGaussian();
                default -> 5 * random.nextGaussian();
            };
        }
        double[] special = {0.0, -0.0, 1e-300, -1e-300, 745.5, -745.5, 709.9, -709.9,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MAX_VALUE, -Double.MAX_VALUE};
        System.arraycopy(special, 0, z, 0, special.length);
        double[] p = new double[z.length];
        VectorKernel kernel = new VectorKernel(new double[0], new double[0], 1);
        // Long enough for the JIT to compile the loop (the Vector API runs lane by lane in plain Java
        // until it does), so that the compiled vector instructions are what is compared below.
        for (int warm = 0; warm < 3_000; warm++) {
            kernel.probabilities(z, 0, p, 0, z.length);
        }
        kernel.probabilities(z, 0, p, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            assertThat(Double.doubleToLongBits(p[i])).as("σ(%s)", z[i])
                    .isEqualTo(Double.doubleToLongBits(VectorKernel.sigma(z[i])));
            if (!Double.isNaN(z[i])) {
                // relative: p runs down to 1e-300 and below, where an absolute 2e-16 would pass anything;
                // e^z / (1 + e^z) for z < 0, where e^−z overflows past z = −709.8 and 1 / (1 + e^−z) is 0;
                // 4 units in the last place: each formula rounds three times
                double expected = z[i] < 0 ? Math.exp(z[i]) / (1 + Math.exp(z[i])) : 1 / (1 + Math.exp(-z[i]));
                assertThat(p[i]).as("σ(%s) against e^z / (1 + e^z) or 1 / (1 + e^−z)", z[i])
                        .isCloseTo(expected, org.assertj.core.api.Assertions.within(4 * Math.ulp(expected)));
            }
        }
    }
}
