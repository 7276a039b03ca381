package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainingConfigTest {

    @Test
    void tutorialDefaults() {
        TrainingConfig config = TrainingConfig.tutorial();
        assertThat(config.loss()).isEqualTo(Loss.CROSS_ENTROPY);
        assertThat(config.updates()).isEqualTo(Updates.ONLINE);
        assertThat(config.learningRate()).isEqualTo(0.1);
        assertThat(config.epochs()).isEqualTo(1000);
        assertThat(config.initialWeightsFor(Datasets.studySleep())).containsExactly(0, 0);
        assertThat(config.initialBias()).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesLearningRatesThatAreNotFinitePositiveNumbers(double lr) {
        assertThatThrownBy(() -> TrainingConfig.tutorial().withLearningRate(lr))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("learning rate must be a finite number greater than 0, got " + lr);
    }

    @Test
    void refusesNegativeEpochsAndNonFiniteStarts() {
        assertThatThrownBy(() -> TrainingConfig.tutorial().withEpochs(-1)).hasMessage("epochs must be 0 or more, got -1");
        assertThatThrownBy(() -> TrainingConfig.tutorial().withInitialWeights(Double.NaN))
                .hasMessageContaining("initial weights must be finite");
        assertThatThrownBy(() -> TrainingConfig.tutorial().withInitialBias(Double.NEGATIVE_INFINITY))
                .hasMessageContaining("initial bias must be a finite number");
    }

    @Test
    void initialWeightsMustMatchTheFeatures() {
        assertThatThrownBy(() -> TrainingConfig.tutorial().withInitialWeights(1, 2, 3).initialWeightsFor(Datasets.studySleep()))
                .hasMessage("initial weights [1.0, 2.0, 3.0] have 3 values but 'study-sleep' has 2 features [study, sleep]:"
                        + " give one weight per feature");
    }

    @Test
    void isAValue() {
        double[] w = {0.1};
        TrainingConfig config = TrainingConfig.tutorial().withInitialWeights(w);
        w[0] = 5;
        assertThat(config.initialWeights()).containsExactly(0.1);
        assertThat(config).isEqualTo(TrainingConfig.tutorial().withInitialWeights(0.1))
                .hasSameHashCodeAs(TrainingConfig.tutorial().withInitialWeights(0.1));
    }
}
