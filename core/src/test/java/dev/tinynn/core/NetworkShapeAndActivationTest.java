package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A network's sizes layer by layer, and the three activations with their slopes, by hand. */
class NetworkShapeAndActivationTest {

    @Test
    void oneHiddenLayerOfFourOnTwoInputs() {
        NetworkShape shape = new NetworkShape(2, new int[] {4}, Activation.TANH);
        assertThat(shape.layers()).isEqualTo(2);
        // layer 1: 2 → 4 (tanh), layer 2: 4 → 1 (the output neuron, sigmoid)
        assertThat(shape.inputs(1)).isEqualTo(2);
        assertThat(shape.units(1)).isEqualTo(4);
        assertThat(shape.activationOf(1)).isEqualTo(Activation.TANH);
        assertThat(shape.inputs(2)).isEqualTo(4);
        assertThat(shape.units(2)).isEqualTo(1);
        assertThat(shape.activationOf(2)).isEqualTo(Activation.SIGMOID);
        assertThatThrownBy(() -> shape.units(0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("layer 0 of 1..2");
        assertThatThrownBy(() -> shape.inputs(3)).hasMessage("layer 3 of 1..2");
        assertThatThrownBy(() -> shape.activationOf(3)).hasMessage("layer 3 of 1..2");
    }

    @Test
    void twoHiddenLayers() {
        NetworkShape shape = new NetworkShape(3, new int[] {5, 2}, Activation.RELU);
        assertThat(shape.layers()).isEqualTo(3);
        assertThat(new int[] {shape.inputs(1), shape.inputs(2), shape.inputs(3)}).containsExactly(3, 5, 2);
        assertThat(new int[] {shape.units(1), shape.units(2), shape.units(3)}).containsExactly(5, 2, 1);
        assertThat(shape.activationOf(2)).isEqualTo(Activation.RELU);
        assertThat(shape).hasToString("NetworkShape[features=3, hidden=[5, 2], activation=relu]");
    }

    @Test
    void isAValueThatKeepsItsOwnCopy() {
        int[] hidden = {4};
        NetworkShape shape = new NetworkShape(2, hidden, Activation.TANH);
        hidden[0] = 9;
        assertThat(shape.hidden()).containsExactly(4);
        shape.hidden()[0] = 9;
        assertThat(shape.units(1)).isEqualTo(4);
        NetworkShape same = new NetworkShape(2, new int[] {4}, Activation.TANH);
        assertThat(shape).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(shape).isNotEqualTo(new NetworkShape(3, new int[] {4}, Activation.TANH))
                .isNotEqualTo(new NetworkShape(2, new int[] {5}, Activation.TANH))
                .isNotEqualTo(new NetworkShape(2, new int[] {4}, Activation.RELU))
                .isNotEqualTo("NetworkShape[features=2, hidden=[4], activation=tanh]");
        assertThat(shape.hashCode()).isNotEqualTo(new NetworkShape(2, new int[] {4}, Activation.RELU).hashCode());
    }

    @Test
    void refusesShapesThatCannotBeTrained() {
        assertThatThrownBy(() -> new NetworkShape(0, new int[] {4}, Activation.TANH))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a network needs at least one input, got 0");
        assertThatThrownBy(() -> new NetworkShape(2, new int[0], Activation.TANH))
                .hasMessage("a network needs at least one hidden layer");
        assertThatThrownBy(() -> new NetworkShape(2, null, Activation.TANH))
                .hasMessage("a network needs at least one hidden layer");
        assertThatThrownBy(() -> new NetworkShape(2, new int[] {4, 0}, Activation.TANH))
                .hasMessage("every hidden layer needs at least one unit, got [4, 0]");
        assertThatThrownBy(() -> new NetworkShape(2, new int[] {4}, null)).hasMessage("choose an activation");
        assertThat(new NetworkShape(1, new int[] {1}, Activation.SIGMOID).layers()).isEqualTo(2); // the smallest
    }

    @Test
    void sigmoidAndItsSlopeFromA() {
        assertThat(Activation.SIGMOID.of(0)).isEqualTo(0.5);
        assertThat(Activation.SIGMOID.of(1.2)).isCloseTo(0.7685247835, within(1e-10)); // the tutorial's page 3
        assertThat(Activation.SIGMOID.slope(0, 0.5)).isEqualTo(0.25); // a·(1 − a), the steepest point
        assertThat(Activation.SIGMOID.slope(99, 0.9)).isCloseTo(0.09, within(1e-15)); // from a, not from z
    }

    @Test
    void tanhAndItsSlopeFromA() {
        assertThat(Activation.TANH.of(0)).isZero();
        assertThat(Activation.TANH.of(1)).isEqualTo(Math.tanh(1)).isCloseTo(0.7615941559557649, within(1e-16));
        assertThat(Activation.TANH.of(-1)).isEqualTo(-Math.tanh(1));
        assertThat(Activation.TANH.slope(0, 0)).isEqualTo(1); // 1 − a²
        assertThat(Activation.TANH.slope(99, 0.5)).isEqualTo(0.75);
    }

    @Test
    void reluAndItsSlopeFromZ() {
        assertThat(Activation.RELU.of(3)).isEqualTo(3);
        assertThat(Activation.RELU.of(-2)).isZero();
        assertThat(Activation.RELU.of(0)).isZero();
        assertThat(Activation.RELU.of(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThat(Activation.RELU.slope(3, 3)).isEqualTo(1);
        assertThat(Activation.RELU.slope(Double.MIN_VALUE, Double.MIN_VALUE)).isEqualTo(1);
        assertThat(Activation.RELU.slope(0, 0)).as("0 at exactly 0").isZero();
        assertThat(Activation.RELU.slope(-2, 0)).isZero();
    }

    @Test
    void activationsGoByTheirNames() {
        assertThat(Activation.byId("tanh")).isEqualTo(Activation.TANH);
        assertThat(Activation.byId("relu")).isEqualTo(Activation.RELU);
        assertThat(Activation.byId("sigmoid")).isEqualTo(Activation.SIGMOID);
        assertThat(Activation.RELU).hasToString("relu");
        assertThat(Activation.TANH.id()).isEqualTo("tanh");
        assertThatThrownBy(() -> Activation.byId("softmax")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown activation 'softmax'; use one of: sigmoid, tanh, relu");
    }
}
