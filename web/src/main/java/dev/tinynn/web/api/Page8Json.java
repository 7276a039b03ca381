package dev.tinynn.web.api;

import java.util.List;

/**
 * Page 8, beyond one neuron: XOR's points as [x1, x2, y], the one neuron's line at some epochs,
 * the network's settings and what it gets right, and the limits of {@code POST /api/network}.
 */
public record Page8Json(String backend, double[][] points, Neuron neuron, Network network, Limits limits)
        implements PageJson {

    /** The one neuron: its start, settings, the rows it gets right at the end, and its frames. */
    public record Neuron(double[] start, double learningRate, int epochs, int rowsRight, List<Frame> frames) {
    }

    /** The neuron after {@code epoch} epochs and its p of each row. */
    public record Frame(int epoch, double[] weights, double bias, double[] probabilities, int rowsRight) {
    }

    /** The network's settings ({@code hidden} a list of layer sizes, as {@code tinynn train --json} writes it). */
    public record Network(int[] hidden, String activation, long seed, double learningRate, int epochs, int rowsRight) {
    }

    /** What one request may ask, and how many train at once. */
    public record Limits(int maxEpochs, int maxUnits, int maxRows, int grid, int atOnce) {
    }
}
