package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void page5Predictions() {
        Model model = new Model(new double[] {1.2}, -2.1);
        for (int i = 0; i < TutorialFacts.PAGE5_HOURS.length; i++) {
            assertThat(model.probability(TutorialFacts.PAGE5_HOURS[i])).isCloseTo(TutorialFacts.PAGE5_P[i], within(1e-12));
        }
        assertThat(model.decide(0.5, 1.5)).isEqualTo(Decision.FAIL);
        assertThat(model.decide(0.5, 2.5)).isEqualTo(Decision.PASS);
    }

    @Test
    void boundaryIsWhereTheProbabilityEqualsTheThreshold() {
        Model model = new Model(new double[] {TutorialFacts.RUN1_W}, TutorialFacts.RUN1_B);
        assertThat(model.boundary(0.5)).isCloseTo(TutorialFacts.RUN1_BOUNDARY, within(1e-12));
        assertThat(model.probability(model.boundary(0.6))).isCloseTo(0.6, within(1e-12));
        assertThatThrownBy(() -> new Model(new double[] {1, 2}, 0).boundary(0.5)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void isAValueThatKeepsItsOwnWeights() {
        double[] w = {1.2};
        Model model = new Model(w, -2.1);
        w[0] = 5;
        model.weights()[0] = 5;
        assertThat(model.weights()).containsExactly(1.2);
        assertThat(model).isEqualTo(new Model(new double[] {1.2}, -2.1))
                .hasSameHashCodeAs(new Model(new double[] {1.2}, -2.1))
                .isNotEqualTo(new Model(new double[] {1.3}, -2.1))
                .isNotEqualTo(new Model(new double[] {1.2}, -2.2))
                .isNotEqualTo(new Model(new double[] {1.2, 0}, -2.1))
                .isNotEqualTo("Model[w=[1.2], b=-2.1]")
                .hasToString("Model[w=[1.2], b=-2.1]");
        assertThat(model.hashCode()).isNotEqualTo(new Model(new double[] {1.2}, 2.1).hashCode());
        // z = x·w + b adds every product: 2·1 + 3·10 − 4 = 28
        assertThat(new Model(new double[] {1, 10}, -4).z(2, 3)).isEqualTo(28);
    }

    @Test
    void inputOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new Model(new double[] {1, 2}, 0).z(3))
                .hasMessageContaining("the model has 2 weights but the input has 1 values");
    }

    @Test
    void decisionAtExactlyTheThresholdIsPass() {
        assertThat(Decision.of(0.5, 0.5)).isEqualTo(Decision.PASS);
        assertThat(Decision.of(Math.nextDown(0.5), 0.5)).isEqualTo(Decision.FAIL);
        assertThat(Decision.PASS).hasToString("Pass");
        assertThat(Decision.FAIL).hasToString("Fail");
    }

    @Test
    void aDecisionIsRightWhenItMatchesTheLabel() {
        // label 1 = passed, 0 = failed: Pass is right for 1 only, Fail for 0 only
        assertThat(Decision.PASS.isRightFor(1)).isTrue();
        assertThat(Decision.PASS.isRightFor(0)).isFalse();
        assertThat(Decision.FAIL.isRightFor(0)).isTrue();
        assertThat(Decision.FAIL.isRightFor(1)).isFalse();
    }
}
