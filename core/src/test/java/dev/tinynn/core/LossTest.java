package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LossTest {

    private static double loss(Loss loss, double z, double y) {
        return loss.of(z, Sigmoid.of(z), y);
    }

    @Test
    void squaredErrorIsTheSquareOfTheMiss() {
        // page 4: (1 − 0.7)² = 0.09
        assertThat(Loss.SQUARED_ERROR.of(Double.NaN, 0.7, 1)).isCloseTo(0.09, within(1e-15));
        assertThat(Loss.SQUARED_ERROR.dz(0.7, 1)).isCloseTo(2 * -0.3 * 0.7 * 0.3, within(1e-15));
    }

    @Test
    void crossEntropyIsMinusTheLogOfTheProbabilityOfTheTruth() {
        for (double z = -20; z <= 20; z += 0.5) {
            double p = Sigmoid.of(z);
            assertThat(loss(Loss.CROSS_ENTROPY, z, 1)).isCloseTo(-Math.log(p), within(1e-12));
            // −ln(1 − p) = ln(1 + e^z); the left form loses digits once p is near 1, the right does not.
            assertThat(loss(Loss.CROSS_ENTROPY, z, 0)).isCloseTo(Math.log1p(Math.exp(z)), within(1e-12));
            assertThat(loss(Loss.CROSS_ENTROPY, z, 0)).isCloseTo(-Math.log(1 - p), within(1e-6));
        }
        assertThat(loss(Loss.CROSS_ENTROPY, 0, 1)).isCloseTo(Math.log(2), within(1e-15));
    }

    @Test
    void crossEntropyStaysFiniteWhereTheNaiveFormulaTakesLogOfZero() {
        // p rounds to exactly 1 at z = 40, so −ln(1 − p) would be −ln(0) = ∞.
        assertThat(Sigmoid.of(40)).isEqualTo(1.0);
        assertThat(loss(Loss.CROSS_ENTROPY, 40, 0)).isCloseTo(40, within(1e-12));
        assertThat(loss(Loss.CROSS_ENTROPY, -1e308, 1)).isEqualTo(1e308);
        assertThat(loss(Loss.CROSS_ENTROPY, 1e308, 1)).isZero();
        assertThat(loss(Loss.CROSS_ENTROPY, -1e308, 0)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void derivativeMatchesCentredFiniteDifferences(Loss loss) {
        double h = 1e-6;
        for (double y : new double[] {0, 1}) {
            for (double z = -6; z <= 6; z += 0.25) {
                double numeric = (loss(loss, z + h, y) - loss(loss, z - h, y)) / (2 * h);
                assertThat(loss.dz(Sigmoid.of(z), y)).as("%s at z=%s, y=%s", loss, z, y)
                        .isCloseTo(numeric, within(1e-8));
            }
        }
    }

    @Test
    void namesRoundTripAndUnknownNamesListTheValidOnes() {
        for (Loss loss : Loss.values()) {
            assertThat(Loss.byId(loss.id())).isSameAs(loss);
        }
        assertThatThrownBy(() -> Loss.byId("mse"))
                .hasMessage("unknown loss 'mse'; use one of: squared-error, cross-entropy");
        assertThatThrownBy(() -> Updates.byId("minibatch"))
                .hasMessage("unknown updates 'minibatch'; use one of: batch, online");
    }
}
