package dev.tinynn.web.api;

import java.util.List;

/**
 * {@code POST /api/network}: each epoch's loss, the trained network (to send back for the next
 * step), each row's p, the rows right, the points as [x1, x2, y], and the decision region.
 */
public record NetworkStepJson(String backend, String data, double[] loss, Layers network, double[] probabilities,
        int rowsRight, int rows, double[][] points, Grid grid) {

    /** The layers from the first hidden layer to the output neuron. */
    public record Layers(List<Layer> layers) {
    }

    /** A layer: one row of weights per unit, and the units' biases. */
    public record Layer(double[][] weights, double[] biases) {
    }

    /**
     * The plane's {@code size} × {@code size} points from the top left, row by row, spanning
     * {@code x} and {@code y}: the network's p, and each hidden unit's value (one array per unit).
     */
    public record Grid(int size, double[] x, double[] y, double[] output, double[][] units) {
    }
}
