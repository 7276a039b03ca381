package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NetworkTest {
    /** XOR's textbook network: h1 = relu(x1 + x2), h2 = relu(x1 + x2 − 1), z = h1 − 2·h2. */
    static final Network XOR_BY_HAND = new Network(Activation.RELU, List.of(
            new Network.Layer(new double[][] {{1, 1}, {1, 1}}, new double[] {0, -1}),
            new Network.Layer(new double[][] {{1, -2}}, new double[] {0})));

    @Test
    void xorByHandGivesZOfZeroOneOneZero() {
        double e = NetworkConformance.SIGMOID_1; // σ(1) = 1 / (1 + e^(−1))
        assertThat(1 / (1 + Math.exp(-1))).isEqualTo(e);
        assertThat(XOR_BY_HAND.activations(1, 1)[0]).containsExactly(2, 1);
        assertThat(XOR_BY_HAND.probability(0, 0)).isEqualTo(0.5);
        assertThat(XOR_BY_HAND.probability(0, 1)).isEqualTo(e);
        assertThat(XOR_BY_HAND.probability(1, 0)).isEqualTo(e);
        assertThat(XOR_BY_HAND.probability(1, 1)).isEqualTo(0.5);
        assertThat(XOR_BY_HAND.decide(0.6, 1, 1)).isEqualTo(Decision.FAIL);
        assertThat(XOR_BY_HAND.shape()).isEqualTo(new NetworkShape(2, new int[] {2}, Activation.RELU));
    }

    @Test
    void sigmoidHiddenUnitsByHand() {
        // one hidden sigmoid unit with z = 0 gives a = 0.5; the output z = 2·0.5 − 1 = 0 gives p = 0.5
        Network net = new Network(Activation.SIGMOID, List.of(
                new Network.Layer(new double[][] {{3, -3}}, new double[] {0}),
                new Network.Layer(new double[][] {{2}}, new double[] {-1})));
        assertThat(net.probability(1, 1)).isEqualTo(0.5);
        assertThat(net.probability(0, 0)).isEqualTo(0.5);
        assertThat(net.activations(1, 0)[0][0]).isCloseTo(1 / (1 + Math.exp(-3)), within(1e-16));
    }

    @Test
    void randomStartIsGlorotForSigmoidAndTanhAndHeForRelu() {
        NetworkShape shape = new NetworkShape(2, new int[] {4}, Activation.TANH);
        Network net = Network.random(shape, 7);
        Random random = new Random(7);
        double r1 = Math.sqrt(6.0 / (2 + 4));
        double r2 = Math.sqrt(6.0 / (4 + 1));
        for (int j = 0; j < 4; j++) {
            for (int k = 0; k < 2; k++) {
                assertThat(net.layers().get(0).weight(j, k)).isEqualTo(r1 * (2 * random.nextDouble() - 1));
            }
        }
        for (int k = 0; k < 4; k++) {
            assertThat(net.layers().get(1).weight(0, k)).isEqualTo(r2 * (2 * random.nextDouble() - 1));
        }
        assertThat(net.layers().get(0).biases()).containsOnly(0.0);
        assertThat(Network.random(shape, 7)).isEqualTo(net);
        assertThat(Network.random(shape, 8)).isNotEqualTo(net);

        Network relu = Network.random(new NetworkShape(2, new int[] {4}, Activation.RELU), 7);
        assertThat(relu.layers().get(0).weight(0, 0)).isEqualTo(Math.sqrt(6.0 / 2) * (2 * new Random(7).nextDouble() - 1));
    }

    @Test
    void identicalLayersFindsZerosAndNotRandom() {
        NetworkShape shape = new NetworkShape(2, new int[] {3, 1, 2}, Activation.SIGMOID);
        assertThat(Network.zeros(shape).identicalLayers()).as("a layer of one unit is not a symmetry").containsExactly(1, 3);
        assertThat(Network.random(shape, 1).identicalLayers()).isEmpty();
    }

    @Test
    void layersConvertToAndFromTheSpiLayout() {
        Network.Layer layer = new Network.Layer(new double[][] {{1, 2, 3}, {4, 5, 6}}, new double[] {7, 8});
        assertThat(layer.inputsByUnits()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(Network.Layer.fromInputsByUnits(layer.inputsByUnits(), layer.biases())).isEqualTo(layer);
    }

    @Test
    void badNetworksAreRefused() {
        Network.Layer hidden = new Network.Layer(new double[][] {{1, 1}, {1, 1}}, new double[] {0, 0});
        assertThatThrownBy(() -> new Network(Activation.TANH, List.of(hidden)))
                .hasMessageContaining("at least one hidden layer and the output neuron");
        assertThatThrownBy(() -> new Network(Activation.TANH, List.of(hidden,
                new Network.Layer(new double[][] {{1, 1, 1}}, new double[] {0}))))
                .hasMessage("layer 2 reads 3 inputs but layer 1 has 2 units");
        assertThatThrownBy(() -> new Network(Activation.TANH, List.of(hidden, hidden)))
                .hasMessage("the last layer is the output neuron: one unit, got 2");
        assertThatThrownBy(() -> new Network.Layer(new double[][] {{1, Double.NaN}}, new double[] {0}))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> XOR_BY_HAND.probability(1, 2, 3)).hasMessageContaining("has 2 inputs");
    }

    @Test
    void planeSetsAreDeterministicAndBalanced() {
        for (String name : List.of("circles", "moons", "spiral")) {
            Dataset data = Datasets.named(name);
            assertThat(data.rows()).isEqualTo(Datasets.PLANE_ROWS);
            assertThat(data.featureNames()).containsExactly("x1", "x2");
            assertThat(data.rowMajor()).isEqualTo(Datasets.named(name).rowMajor());
            double ones = 0;
            for (int i = 0; i < data.rows(); i++) {
                ones += data.y(i);
            }
            assertThat(ones).as(name).isEqualTo(data.rows() / 2.0);
        }
        assertThat(Datasets.xor().labels()).containsExactly(0, 1, 1, 0);
    }
}
