package dev.tinynn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tinynn.core.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The network floors and Deeplearning4j's network train the same network: ND4J's floor and DL4J
 * leave the plain floor's weights after one epoch (within the peers' tolerance), and the plain
 * floor's gradient is the loss's slope (central differences).
 */
class NetworkFloorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"xor", "300x5"})
    void nd4jsFloorLeavesThePlainFloorsWeights(String net) {
        Dataset data = Networks.dataset(net);
        int h = Networks.hidden(net);
        NetworkFloors.ArraysFloor plain = new NetworkFloors.ArraysFloor(data, h);
        plain.set(Networks.initialLayers(net));
        try (NetworkFloors.Floor nd4j = NetworkFloors.of("nd4j", data, h)) {
            nd4j.set(Networks.initialLayers(net));
            for (int epoch = 0; epoch < 3; epoch++) {
                assertThat(nd4j.epoch(0.1)).as("loss of epoch %d", epoch).isCloseTo(plain.epoch(0.1), within(1e-12));
            }
            Networks.check("ND4J's floor", nd4j.layers(), plain.layers());
        }
    }

    @Test
    void thePlainFloorsStepIsMinusTheLearningRateTimesTheLossSlope() {
        String net = "50x3";
        Dataset data = Networks.dataset(net);
        double[][] start = Networks.initialLayers(net);
        NetworkFloors.ArraysFloor floor = new NetworkFloors.ArraysFloor(data, Networks.hidden(net));
        floor.set(start);
        floor.epoch(1.0); // lr 1: the step is minus the gradient
        double[][] after = floor.layers();
        double eps = 1e-6;
        for (int l = 0; l < start.length; l++) {
            for (int k = 0; k < start[l].length; k++) {
                double[][] up = copy(start);
                up[l][k] += eps;
                double[][] down = copy(start);
                down[l][k] -= eps;
                double slope = (loss(floor, up) - loss(floor, down)) / (2 * eps);
                assertThat(start[l][k] - after[l][k]).as("layer %d value %d", l, k).isCloseTo(slope, within(1e-8));
            }
        }
    }

    private static double loss(NetworkFloors.ArraysFloor floor, double[][] layers) {
        floor.set(layers);
        return floor.epoch(0); // returns the loss before the (zero) step
    }

    private static double[][] copy(double[][] layers) {
        double[][] c = new double[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            c[l] = layers[l].clone();
        }
        return c;
    }

    @Test
    void deeplearning4jPassesTheWeightCheckOnXor() {
        Dl4jNetworkBenchmark dl4j = new Dl4jNetworkBenchmark();
        dl4j.net = "xor";
        dl4j.open(); // trains one epoch and checks it against the plain floor, or throws
        try {
            dl4j.reset();
            assertThat(dl4j.epoch()).isFinite();
        } finally {
            dl4j.close();
        }
    }

    @Test
    void theWeightCheckNamesThePeerAndTheValueThatDiffers() {
        double[][] expected = {{1, 2}, {0}, {3}, {4}};
        double[][] off = {{1, 2 + 2e-9}, {0}, {3}, {4}};

        Networks.check("close", new double[][] {{1, 2 + 5e-10}, {0}, {3}, {4}}, expected);
        assertThatThrownBy(() -> Networks.check("PyTorch", off, expected))
                .hasMessageStartingWith("PyTorch does not train the same network: after one epoch its W1[1] is");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "ejml", "nd4j", "nd4j-default", "fast"})
    void theNetworkEpochBenchmarkTrainsThePlainFloorsNetwork(String backend) {
        for (String net : new String[] {"xor", "200x8"}) {
            OpenNetwork state = new OpenNetwork();
            state.backend = backend;
            state.net = net;
            state.open();
            try {
                NetworkFloors.ArraysFloor floor = new NetworkFloors.ArraysFloor(Networks.dataset(net), Networks.hidden(net));
                floor.set(Networks.initialLayers(net));
                floor.epoch(0.1);
                state.reset(); // starts from the initial layers and runs epoch 0 untimed
                assertThat(new NetworkEpochBenchmark().epoch(state)).as("%s %s epoch 1's loss", backend, net)
                        .isCloseTo(floor.epoch(0.1), within(1e-12));
                Networks.check("tinynn " + backend, OpenNetwork.layers(state.workspace), floor.layers());
            } finally {
                state.close();
            }
        }
    }
}
