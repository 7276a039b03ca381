package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Standardisation at the ends of the double range: no overflow, no underflow, a clear error for a (nearly) constant feature. */
class StandardizationEdgesTest {

    private static Dataset column(double... x) {
        double[][] rows = new double[x.length][];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            rows[i] = new double[] {x[i]};
            y[i] = i % 2;
        }
        return Dataset.of("d", List.of("x"), rows, y);
    }

    /** The z-scores of {a, b} are −1 and 1 for any a < b: the mean is halfway, the population sd half the gap. */
    @ParameterizedTest
    @ValueSource(doubles = {1e300, 1e-300, 1.7e308, 4.9e-324 * (1L << 53), 1, 1e-15})
    void twoValuesAtAnyScaleBecomeMinusOneAndOne(double scale) {
        Dataset data = column(scale, -scale);
        Standardization s = Standardization.of(data);
        assertThat(s.means()[0]).isZero();
        assertThat(s.standardDeviations()[0]).isEqualTo(scale);
        assertThat(s.apply(data).rowMajor()).containsExactly(1, -1);
    }

    @Test
    void hugeValuesOfOppositeSignsDoNotOverflow() {
        // x − mean = 1.7e308 + 5.7e307 overflows: apply falls back to x/sd − mean/sd.
        Dataset data = column(1.7e308, -1.7e308, -1.7e308);
        Standardization s = Standardization.of(data);
        assertThat(s.standardDeviations()[0]).isFinite().isPositive();
        double[] z = s.apply(data).rowMajor();
        assertThat(z).containsExactly(new double[] {Math.sqrt(2), -Math.sqrt(0.5), -Math.sqrt(0.5)}, within(1e-12));
    }

    @Test
    void ordinaryInputsGiveTheTextbookBits() {
        // The power-of-two scaling is exact: the saved statistics of quiz-attendance are unchanged.
        Standardization s = Standardization.of(Datasets.quizAttendance());
        assertThat(s.means()).containsExactly(65.1, 73.5);
        assertThat(s.standardDeviations()).containsExactly(14.902684321960258, 12.002083152519816);
    }

    @Test
    void aFeatureThatVariesOnlyInItsLastDigitsIsRefused() {
        assertThatThrownBy(() -> Standardization.of(column(1, 1, Math.nextUp(1.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("feature 'x' of 'd' barely varies: its standard deviation, ")
                .hasMessageContaining("less than a billionth of its largest value, 1.0000000000000002")
                .hasMessageEndingWith("leave it out, or rescale it in the file (subtract a constant, or change its unit)");
    }

    @Test
    void subnormalSpreadIsRefused() {
        assertThatThrownBy(() -> Standardization.of(column(Double.MIN_VALUE, 2 * Double.MIN_VALUE)))
                .hasMessageContaining("below the smallest normal double (2.2e-308)");
    }

    @Test
    void valuesThatCancelStillGiveTheExactMean() {
        // 1e20 + 1 − 1e20 + 3 = 4, so the mean is 1; added left to right in doubles, the 1 is lost in
        // 1e20 (which holds 16 digits) and the sum is 3, a mean of 0.75. The compensated sum keeps it.
        Standardization s = Standardization.of(column(1e20, 1, -1e20, 3));
        assertThat(s.means()[0]).isEqualTo(1.0);
        // Σ(x − 1)² = (1e20 − 1)² + 0 + (1e20 + 1)² + 2² = 2e40 (to 16 digits): sd = √(2e40 / 4) = 7.07e19
        assertThat(s.standardDeviations()[0]).isCloseTo(Math.sqrt(0.5) * 1e20, within(1e5));
    }

    @Test
    void aSpreadOfExactlyTheSmallestNormalDoubleIsAccepted() {
        // {0, 2^−1021}: mean 2^−1022 and sd 2^−1022, the smallest normal double itself; one below is refused
        Standardization s = Standardization.of(column(0, 2 * Double.MIN_NORMAL));
        assertThat(s.standardDeviations()[0]).isEqualTo(Double.MIN_NORMAL);
        assertThat(s.apply(new double[] {0})).containsExactly(-1);
    }

    @Test
    void aConstantColumnOfTenthsIsConstant() {
        // Σ of ten 0.1s is 0.9999999999999999: a mean from that sum would make a constant look variable.
        assertThatThrownBy(() -> Standardization.of(column(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1)))
                .hasMessageContaining("has the same value (0.1) in every row");
    }
}
