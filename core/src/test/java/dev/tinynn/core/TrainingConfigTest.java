package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
    void eachWitherChangesItsOwnSettingOnly() {
        TrainingConfig start = TrainingConfig.tutorial();
        assertThat(start.withLoss(Loss.SQUARED_ERROR)).isEqualTo(
                new TrainingConfig(Loss.SQUARED_ERROR, Updates.ONLINE, 0.1, 1000, null, 0));
        assertThat(start.withUpdates(Updates.BATCH)).isEqualTo(
                new TrainingConfig(Loss.CROSS_ENTROPY, Updates.BATCH, 0.1, 1000, null, 0));
        assertThat(start.withLearningRate(0.4)).isEqualTo(
                new TrainingConfig(Loss.CROSS_ENTROPY, Updates.ONLINE, 0.4, 1000, null, 0));
        assertThat(start.withEpochs(0).epochs()).isZero(); // zero epochs is allowed: the starting point
        assertThat(start.withEpochs(7)).isEqualTo(
                new TrainingConfig(Loss.CROSS_ENTROPY, Updates.ONLINE, 0.1, 7, null, 0));
        assertThat(start.withInitialBias(-1.5)).isEqualTo(
                new TrainingConfig(Loss.CROSS_ENTROPY, Updates.ONLINE, 0.1, 1000, null, -1.5));
        assertThat(start.withInitialWeights(0.1, 0.2).initialWeightsFor(Datasets.studySleep())).containsExactly(0.1, 0.2);
    }

    @Test
    void equalOnlyWhenEverySettingIsEqual() {
        TrainingConfig a = TrainingConfig.tutorial().withInitialWeights(0.1);
        for (TrainingConfig other : List.of(a.withLoss(Loss.SQUARED_ERROR), a.withUpdates(Updates.BATCH),
                a.withLearningRate(0.2), a.withEpochs(999), a.withInitialWeights(0.2), TrainingConfig.tutorial(),
                a.withInitialBias(1))) {
            assertThat(a).as("against %s", other).isNotEqualTo(other);
            assertThat(a.hashCode()).as("hash against %s", other).isNotEqualTo(other.hashCode());
        }
        assertThat(a).isNotEqualTo("TrainingConfig");
        assertThat(a).hasToString("TrainingConfig[loss=cross-entropy, updates=online, learningRate=0.1, epochs=1000,"
                + " initialWeights=[0.1], initialBias=0.0]");
        assertThat(TrainingConfig.tutorial().toString()).contains("initialWeights=zeros");
    }

    @Test
    void schedulesGoByTheirNames() {
        assertThat(Updates.byId("batch")).isEqualTo(Updates.BATCH);
        assertThat(Updates.byId("online")).isEqualTo(Updates.ONLINE);
        assertThat(Updates.BATCH).hasToString("batch");
        assertThatThrownBy(() -> Updates.byId("mini-batch"))
                .hasMessage("unknown updates 'mini-batch'; use one of: batch, online");
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
