package dev.tinynn.core;

import java.util.List;

/**
 * What training a network produced.
 *
 * @param backend the name of the backend that did the arithmetic
 * @param data the dataset trained on
 * @param config the loss, updates, learning rate and epochs used
 * @param initial the network training started from
 * @param network the trained network
 * @param lossHistory the loss of each epoch, as {@link TrainingResult#lossHistory} defines it
 * @param finalLoss the loss of the trained network over all rows
 * @param probabilities each row's p under the trained network
 */
public record NetworkResult(String backend, Dataset data, TrainingConfig config, Network initial, Network network,
        double[] lossHistory, double finalLoss, double[] probabilities) {

    /** How many rows the trained network decides right at this threshold. */
    public int rowsRight(double threshold) {
        return Decision.rowsRight(probabilities, data, threshold);
    }

    /** The share of rows decided right at this threshold, from 0 to 1. */
    public double accuracy(double threshold) {
        return (double) rowsRight(threshold) / probabilities.length;
    }

    /**
     * In plain words, when the trained network's hidden units are all the same in some layer
     * (see {@link Network#identicalLayers}), and why. Empty when they are not. The cure is a start
     * from random weights ({@link Network#random}).
     */
    public List<String> symmetry() {
        return network.identicalLayers().stream().map(l -> {
            int units = network.layers().get(l - 1).units();
            return "all " + units + " units of hidden layer " + l + " are identical: they started with equal"
                    + " weights, so every update changed them equally, and they will stay equal forever, working as"
                    + " one unit";
        }).toList();
    }
}
