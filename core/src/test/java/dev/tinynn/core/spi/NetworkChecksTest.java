package dev.tinynn.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinynn.core.Activation;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.spi.NetworkWorkspace.Matrix;
import org.junit.jupiter.api.Test;

/** The words every network workspace refuses bad arguments with (the conformance suite checks the types). */
class NetworkChecksTest {
    private static final NetworkShape SHAPE = new NetworkShape(2, new int[] {3}, Activation.TANH);

    @Test
    void theDataMustHaveTheNetworksInputs() {
        assertThatCode(() -> NetworkChecks.requireFits(SHAPE, Datasets.xor())).doesNotThrowAnyException();
        NetworkShape three = new NetworkShape(3, new int[] {3}, Activation.TANH);
        assertThatThrownBy(() -> NetworkChecks.requireFits(three, Datasets.xor()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the network takes 3 inputs but 'xor' has 2 features " + Datasets.xor().featureNames());
    }

    @Test
    void aLayerIsOneToL() {
        assertThat(NetworkChecks.layer(SHAPE, 1)).isEqualTo(1);
        assertThat(NetworkChecks.layer(SHAPE, 2)).isEqualTo(2);
        assertThatThrownBy(() -> NetworkChecks.layer(SHAPE, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("layer 0 of 1..2");
        assertThatThrownBy(() -> NetworkChecks.layer(SHAPE, 3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("layer 3 of 1..2");
    }

    @Test
    void aLayersValuesMustFitIt() {
        assertThatCode(() -> NetworkChecks.requireLayer(SHAPE, 1, new double[6], new double[3]))
                .doesNotThrowAnyException();
        assertThatCode(() -> NetworkChecks.requireLayer(SHAPE, 2, new double[3], new double[1]))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> NetworkChecks.requireLayer(SHAPE, 1, new double[5], new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 1 takes 2×3 weights and 3 biases, got 5 and 3");
        assertThatThrownBy(() -> NetworkChecks.requireLayer(SHAPE, 1, new double[6], new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 1 takes 2×3 weights and 3 biases, got 6 and 2");
        assertThatThrownBy(() -> NetworkChecks.requireLayer(SHAPE, 3, new double[3], new double[1]))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rowsAreARangeOfAtLeastOne() {
        assertThatCode(() -> NetworkChecks.requireRows(0, 5, 5)).doesNotThrowAnyException();
        assertThatCode(() -> NetworkChecks.requireRows(4, 5, 5)).doesNotThrowAnyException();
        assertThatThrownBy(() -> NetworkChecks.requireRows(-1, 2, 5)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("rows -1 to 2 of 0..5");
        assertThatThrownBy(() -> NetworkChecks.requireRows(3, 2, 5)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("rows 3 to 2 of 0..5");
        assertThatThrownBy(() -> NetworkChecks.requireRows(5, 6, 5)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("rows 5 to 6 of 0..5");
        assertThatThrownBy(() -> NetworkChecks.requireRows(2, 2, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("select at least one row");
        assertThatThrownBy(() -> NetworkChecks.requireRows(5, 5, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("select at least one row");
    }

    @Test
    void onlyALayerAfterTheFirstSendsItsErrorBack() {
        assertThatCode(() -> NetworkChecks.requireLayerBefore(SHAPE, 2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> NetworkChecks.requireLayerBefore(SHAPE, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 1 has no layer before it to send its error back to");
        assertThatThrownBy(() -> NetworkChecks.requireLayerBefore(SHAPE, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void readsLengthIsTheBuffers() {
        assertThat(NetworkChecks.requireLength(Matrix.WEIGHTS, SHAPE, 1, 4, new double[6])).isEqualTo(6);
        assertThat(NetworkChecks.requireLength(Matrix.Z, SHAPE, 1, 4, new double[12])).isEqualTo(12);
        assertThatThrownBy(() -> NetworkChecks.requireLength(Matrix.Z, SHAPE, 1, 4, new double[11]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Z of layer 1 has 12 entries, not 11");
        assertThatThrownBy(() -> NetworkChecks.requireLength(Matrix.A, SHAPE, 3, 4, new double[4]))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
