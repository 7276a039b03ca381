package dev.tinynn.core;

import java.util.Arrays;

/**
 * The sizes of a network: d inputs, then one or more hidden layers, then the one output neuron
 * (sigmoid, as in the tutorial), and the activation of the hidden units.
 *
 * <p>Layers are numbered from 1: layer l takes the {@link #inputs(int) inputs(l)} values of layer
 * l − 1 (layer 0 is the data, d features) and gives {@link #units(int) units(l)} values. With
 * {@code hidden = [4]} and d = 2 that is layer 1 (2 → 4, the hidden layer) and layer 2 (4 → 1,
 * the output neuron), so {@link #layers()} is 2.
 *
 * @param features d, the number of inputs: ≥ 1
 * @param hidden the units of each hidden layer, from the first: at least one layer, each ≥ 1
 * @param activation f, used by every hidden unit
 */
public record NetworkShape(int features, int[] hidden, Activation activation) {

    public NetworkShape {
        if (features < 1) {
            throw new IllegalArgumentException("a network needs at least one input, got " + features);
        }
        if (hidden == null || hidden.length == 0) {
            throw new IllegalArgumentException("a network needs at least one hidden layer");
        }
        hidden = hidden.clone();
        for (int units : hidden) {
            if (units < 1) {
                throw new IllegalArgumentException("every hidden layer needs at least one unit, got "
                        + Arrays.toString(hidden));
            }
        }
        if (activation == null) {
            throw new IllegalArgumentException("choose an activation");
        }
    }

    /** How many layers have weights: the hidden ones and the output neuron. */
    public int layers() {
        return hidden.length + 1;
    }

    /** How many values layer l gives: its units (1 for the output neuron, l = {@link #layers()}). */
    public int units(int layer) {
        check(layer);
        return layer == layers() ? 1 : hidden[layer - 1];
    }

    /** How many values layer l reads: d for layer 1, else the units of layer l − 1. */
    public int inputs(int layer) {
        check(layer);
        return layer == 1 ? features : hidden[layer - 2];
    }

    /** The activation of layer l: {@link #activation()} for hidden layers, sigmoid for the output. */
    public Activation activationOf(int layer) {
        check(layer);
        return layer == layers() ? Activation.SIGMOID : activation;
    }

    /** A copy of the hidden layers' sizes. */
    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    private void check(int layer) {
        if (layer < 1 || layer > layers()) {
            throw new IndexOutOfBoundsException("layer " + layer + " of 1.." + layers());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkShape s && features == s.features && Arrays.equals(hidden, s.hidden)
                && activation == s.activation;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * features + Arrays.hashCode(hidden)) + activation.hashCode();
    }

    @Override
    public String toString() {
        return "NetworkShape[features=" + features + ", hidden=" + Arrays.toString(hidden) + ", activation="
                + activation + "]";
    }
}
