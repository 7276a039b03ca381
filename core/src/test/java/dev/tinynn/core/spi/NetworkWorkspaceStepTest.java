package dev.tinynn.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.Activation;
import dev.tinynn.core.Loss;
import dev.tinynn.core.NetworkShape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order of one gradient-descent step, written once in {@link NetworkWorkspace#step}, and the
 * buffer sizes of {@link NetworkWorkspace.Matrix}, on a workspace that only writes down its calls.
 */
class NetworkWorkspaceStepTest {

    /** Does no arithmetic; records each call, answers loss 0.25 and fills a read buffer with its length. */
    private static final class Calls implements NetworkWorkspace {
        final List<String> calls = new ArrayList<>();
        private final NetworkShape shape;

        Calls(NetworkShape shape) {
            this.shape = shape;
        }

        @Override
        public int rows() {
            return 4;
        }

        @Override
        public NetworkShape shape() {
            return shape;
        }

        @Override
        public void setLayer(int layer, double[] weights, double[] biases) {
            calls.add("setLayer " + layer);
        }

        @Override
        public void selectRows(int from, int to) {
            calls.add("selectRows " + from + " " + to);
        }

        @Override
        public int selectedRows() {
            return 3;
        }

        @Override
        public void forward(int layer) {
            calls.add("forward " + layer);
        }

        @Override
        public void activate(int layer) {
            calls.add("activate " + layer);
        }

        @Override
        public double loss(Loss loss) {
            calls.add("loss " + loss.id());
            return 0.25;
        }

        @Override
        public void delta(Loss loss) {
            calls.add("delta " + loss.id());
        }

        @Override
        public void gradient(int layer) {
            calls.add("gradient " + layer);
        }

        @Override
        public void backpropagate(int layer) {
            calls.add("backpropagate " + layer);
        }

        @Override
        public void update(int layer, double learningRate) {
            calls.add("update " + layer + " " + learningRate);
        }

        @Override
        public void read(Matrix matrix, int layer, double[] out) {
            calls.add("read " + matrix + " " + layer);
            java.util.Arrays.fill(out, out.length);
        }
    }

    @Test
    void aStepGoesForwardThroughEveryLayerThenBackThenUpdatesEachLayer() {
        Calls ws = new Calls(new NetworkShape(2, new int[] {4, 3}, Activation.TANH));
        assertThat(ws.step(Loss.CROSS_ENTROPY, 0.5)).isEqualTo(0.25); // the loss, taken before the update
        assertThat(ws.calls).containsExactly(
                "forward 1", "activate 1", "forward 2", "activate 2", "forward 3", "activate 3",
                "loss cross-entropy", "delta cross-entropy",
                // every gradient before the update, and backpropagate(l) through Wₗ before Wₗ changes
                "gradient 3", "backpropagate 3", "gradient 2", "backpropagate 2", "gradient 1",
                "update 1 0.5", "update 2 0.5", "update 3 0.5");
    }

    @Test
    void eachBufferHasTheSizeOfItsLayer() {
        NetworkShape shape = new NetworkShape(2, new int[] {4}, Activation.TANH);
        // layer 1: W is 2×4, b has 4; with 3 rows selected Z, A and Δ are 3×4. Layer 2: 4×1 and 1.
        assertThat(NetworkWorkspace.Matrix.WEIGHTS.length(shape, 1, 3)).isEqualTo(8);
        assertThat(NetworkWorkspace.Matrix.WEIGHT_GRADIENT.length(shape, 1, 3)).isEqualTo(8);
        assertThat(NetworkWorkspace.Matrix.BIASES.length(shape, 1, 3)).isEqualTo(4);
        assertThat(NetworkWorkspace.Matrix.BIAS_GRADIENT.length(shape, 1, 3)).isEqualTo(4);
        assertThat(NetworkWorkspace.Matrix.Z.length(shape, 1, 3)).isEqualTo(12);
        assertThat(NetworkWorkspace.Matrix.A.length(shape, 1, 3)).isEqualTo(12);
        assertThat(NetworkWorkspace.Matrix.DELTA.length(shape, 1, 3)).isEqualTo(12);
        assertThat(NetworkWorkspace.Matrix.WEIGHTS.length(shape, 2, 3)).isEqualTo(4);
        assertThat(NetworkWorkspace.Matrix.Z.length(shape, 2, 3)).isEqualTo(3);

        Calls ws = new Calls(shape);
        assertThat(ws.read(NetworkWorkspace.Matrix.Z, 1)).hasSize(12).containsOnly(12); // for the selected 3 rows
        assertThat(ws.read(NetworkWorkspace.Matrix.WEIGHTS, 2)).hasSize(4);
        assertThat(ws.calls).containsExactly("read Z 1", "read WEIGHTS 2");
    }
}
