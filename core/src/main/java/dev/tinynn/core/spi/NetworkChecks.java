package dev.tinynn.core.spi;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.spi.NetworkWorkspace.Matrix;

/**
 * The argument checks every {@link NetworkWorkspace} makes, written once so that every backend
 * refuses the same input with the same exception and words (the conformance suite checks the
 * types). A shape or length that does not fit is an {@link IllegalArgumentException}; a layer or
 * row out of range is an {@link IndexOutOfBoundsException}.
 */
public final class NetworkChecks {
    private NetworkChecks() {
    }

    /** Refuses data whose features are not the network's inputs. */
    public static void requireFits(NetworkShape shape, Dataset data) {
        if (shape.features() != data.features()) {
            throw new IllegalArgumentException("the network takes " + shape.features() + " inputs but '" + data.name()
                    + "' has " + data.features() + " features " + data.featureNames());
        }
    }

    /** l itself, if 1 ≤ l ≤ L; else an IndexOutOfBoundsException, "layer l of 1..L". */
    public static int layer(NetworkShape shape, int layer) {
        shape.units(layer); // refuses a layer outside 1..L
        return layer;
    }

    /** Refuses a layer outside 1..L, then weights and biases of other lengths than layer l's. */
    public static void requireLayer(NetworkShape shape, int layer, double[] weights, double[] biases) {
        int inputs = shape.inputs(layer);
        int units = shape.units(layer);
        if (weights.length != inputs * units || biases.length != units) {
            throw new IllegalArgumentException("layer " + layer + " takes " + inputs + "×" + units + " weights and "
                    + units + " biases, got " + weights.length + " and " + biases.length);
        }
    }

    /** Refuses rows other than 0 ≤ from &lt; to ≤ n: out of range, or none at all. */
    public static void requireRows(int from, int to, int n) {
        if (from < 0 || from > to || to > n) {
            throw new IndexOutOfBoundsException("rows " + from + " to " + to + " of 0.." + n);
        }
        if (from == to) {
            throw new IllegalArgumentException("select at least one row");
        }
    }

    /** Refuses layer 1, which has no layer before it, and a layer outside 1..L. */
    public static void requireLayerBefore(NetworkShape shape, int layer) {
        if (layer(shape, layer) == 1) {
            throw new IllegalArgumentException("layer 1 has no layer before it to send its error back to");
        }
    }

    /**
     * The length of one buffer of layer l with m rows selected ({@link Matrix#length}), after
     * refusing a layer outside 1..L and an {@code out} of another length.
     */
    public static int requireLength(Matrix matrix, NetworkShape shape, int layer, int selectedRows, double[] out) {
        int length = matrix.length(shape, layer, selectedRows);
        if (out.length != length) {
            throw new IllegalArgumentException(matrix + " of layer " + layer + " has " + length + " entries, not "
                    + out.length);
        }
        return length;
    }
}
