package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigmoidTest {

    @Test
    void tutorialTable() {
        assertThat(Sigmoid.of(-2)).isCloseTo(TutorialFacts.PAGE3_P[0], within(1e-15));
        assertThat(Sigmoid.of(0)).isEqualTo(0.5);
        assertThat(Sigmoid.of(1.2)).isCloseTo(TutorialFacts.PAGE3_P[2], within(1e-15));
        assertThat(Sigmoid.of(4)).isCloseTo(TutorialFacts.PAGE3_P[3], within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e308, -1e308, Double.MAX_VALUE, -Double.MAX_VALUE, 709.8, -709.8, 746, -746})
    void neverNaNForFiniteInputs(double z) {
        double p = Sigmoid.of(z);
        assertThat(p).isBetween(0.0, 1.0);
        // Independently: for z > 37, e^(−z) < 2^−53, so 1 + e^(−z) rounds to 1 and p is exactly 1;
        // for z < −37, 1 + e^(−z) rounds to e^(−z), so p is e^z, down to z = −ln(largest double)
        // = −709.78, below which e^(−z) overflows to ∞ and p is exactly 0 (the class comment's promise).
        double expected = z > 0 ? 1.0 : z < -Math.log(Double.MAX_VALUE) ? 0.0 : Math.exp(z);
        assertThat(p).isCloseTo(expected, within(Math.ulp(expected)));
    }

    @Test
    void limitsAreExact() {
        assertThat(Sigmoid.of(-1e308)).isZero();
        assertThat(Sigmoid.of(1e308)).isEqualTo(1.0);
    }

    @Test
    void symmetry() {
        for (double z = -30; z <= 30; z += 0.37) {
            assertThat(Sigmoid.of(z) + Sigmoid.of(-z)).isCloseTo(1.0, within(1e-15));
        }
    }

    @Test
    void logitInvertsSigmoid() {
        assertThat(Sigmoid.logit(0.5)).isZero();
        for (double p : new double[] {0.01, 0.3, 0.6, 0.7, 0.99}) {
            assertThat(Sigmoid.of(Sigmoid.logit(p))).isCloseTo(p, within(1e-15));
        }
    }
}
