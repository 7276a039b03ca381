package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizationTest {

    @Test
    void studyHoursByHand() {
        // hours 1, 2, 3, 4: mean 2.5; squared distances 2.25, 0.25, 0.25, 2.25 sum to 5;
        // population sd = √(5 / 4) = 1.118033988749895 (the sample sd, √(5 / 3), would be 1.29).
        Standardization s = Standardization.of(Datasets.studyHours());
        assertThat(s.means()).containsExactly(2.5);
        assertThat(s.standardDeviations()).containsExactly(Math.sqrt(1.25));
        Dataset z = s.apply(Datasets.studyHours());
        assertThat(z.rowMajor()).containsExactly(new double[] {
            -1.3416407864998738, -0.4472135954999579, 0.4472135954999579, 1.3416407864998738}, within(1e-15));
        assertThat(z.labels()).containsExactly(0, 0, 1, 1);
        assertThat(z.name()).isEqualTo("study-hours");
        assertThat(s.apply(new double[] {2.5})).containsExactly(0);
    }

    @Test
    void everyFeatureEndsWithMeanZeroAndPopulationSdOne() {
        Dataset data = Datasets.quizAttendance();
        Standardization s = Standardization.of(data);
        assertThat(s.means()).containsExactly(65.1, 73.5);
        assertThat(s.standardDeviations()).containsExactly(new double[] {14.90268432, 12.00208315}, within(1e-8));
        Dataset z = s.apply(data);
        for (int j = 0; j < 2; j++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < z.rows(); i++) {
                sum += z.x(i, j);
                squares += z.x(i, j) * z.x(i, j);
            }
            assertThat(sum / z.rows()).isCloseTo(0, within(1e-15));
            assertThat(squares / z.rows()).isCloseTo(1, within(1e-15));
        }
    }

    @Test
    void savedStatisticsAreChecked() {
        Standardization s = Standardization.of(new double[] {2.5}, new double[] {0.5});
        assertThat(s.apply(new double[] {3.5})).containsExactly(2);
        assertThat(s).isEqualTo(Standardization.of(new double[] {2.5}, new double[] {0.5}));
        assertThatThrownBy(() -> Standardization.of(new double[] {1, 2}, new double[] {1}))
                .hasMessageContaining("2 means and 1 standard deviations");
        assertThatThrownBy(() -> Standardization.of(new double[] {1}, new double[] {0}))
                .hasMessageContaining("greater than 0");
        assertThatThrownBy(() -> Standardization.of(new double[] {Double.NaN}, new double[] {1}))
                .hasMessageContaining("must be finite");
        assertThatThrownBy(() -> s.apply(new double[] {1, 2}))
                .hasMessageContaining("1 features but the row has 2 values");
    }

    @Test
    void isAValueThatKeepsItsOwnStatistics() {
        double[] means = {2.5, 7};
        double[] sds = {0.5, 2};
        Standardization s = Standardization.of(means, sds);
        means[0] = 0;
        s.means()[1] = 0;
        s.standardDeviations()[1] = 9;
        assertThat(s.features()).isEqualTo(2);
        assertThat(s.means()).containsExactly(2.5, 7);
        assertThat(s.standardDeviations()).containsExactly(0.5, 2);
        assertThat(s.apply(new double[] {3.5, 3})).containsExactly(2, -2);
        Standardization same = Standardization.of(new double[] {2.5, 7}, new double[] {0.5, 2});
        assertThat(s).isEqualTo(same).hasSameHashCodeAs(same)
                .isNotEqualTo(Standardization.of(new double[] {2.5, 7}, new double[] {0.5, 3}))
                .isNotEqualTo(Standardization.of(new double[] {2.5, 8}, new double[] {0.5, 2}))
                .isNotEqualTo("Standardization")
                .hasToString("Standardization[means=[2.5, 7.0], standardDeviations=[0.5, 2.0]]");
        assertThat(s.hashCode()).isNotEqualTo(Standardization.of(new double[] {2.5, 7}, new double[] {2, 0.5}).hashCode());
        assertThatThrownBy(() -> Standardization.of(new double[] {1, 2}, new double[] {1, -1}))
                .hasMessage("standardisation of feature 2 has mean 2.0 and standard deviation -1.0: the mean must be"
                        + " finite and the standard deviation finite and greater than 0");
        assertThatThrownBy(() -> Standardization.of(new double[0], new double[0]))
                .hasMessageContaining("got 0 means and 0 standard deviations");
        assertThatThrownBy(() -> Standardization.of(new double[] {1}, new double[] {Double.POSITIVE_INFINITY}))
                .hasMessageContaining("standard deviation Infinity");
    }

    @Test
    void aConstantFeatureCannotBeStandardised() {
        Dataset constant = Dataset.of("d", List.of("x", "k"), new double[][] {{1, 7}, {2, 7}}, new double[] {0, 1});
        assertThatThrownBy(() -> Standardization.of(constant))
                .hasMessage("feature 'k' of 'd' has the same value (7.0) in every row, so its standard deviation is 0"
                        + " and it cannot be standardised; leave it out, it cannot tell one row from another");
    }
}
