package dev.tinynn.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A network: d inputs, one or more hidden layers, then the tutorial's output neuron (sigmoid).
 * Each layer holds its weights as [unit][input], one row per unit and one value per input, which
 * is how a person writes a unit down ("unit 1 weighs x1 by 2.3 and x2 by −1.7"), and its biases,
 * one per unit. The last layer has one unit, the output neuron.
 *
 * <p>Inference is the forward pass written out in plain Java, one input at a time; the backends do
 * the same for all rows at once while training.
 *
 * @param activation f, the activation of every hidden unit
 * @param layers from the first hidden layer to the output neuron
 */
public record Network(Activation activation, List<Layer> layers) {

    /** The seed of {@link #random} when none is chosen. With it, XOR reaches 4 of 4 from 2 hidden units too. */
    public static final long DEFAULT_SEED = 1;

    /**
     * One layer's weights and biases.
     *
     * @param weights [unit][input]: row j holds unit j's weight for each input
     * @param biases one per unit
     */
    public record Layer(double[][] weights, double[] biases) {
        public Layer {
            if (weights.length == 0 || weights.length != biases.length) {
                throw new IllegalArgumentException("a layer needs one row of weights and one bias per unit, got "
                        + weights.length + " rows and " + biases.length + " biases");
            }
            double[][] copy = new double[weights.length][];
            for (int j = 0; j < weights.length; j++) {
                if (weights[j].length != weights[0].length || weights[j].length == 0) {
                    throw new IllegalArgumentException("every unit of a layer needs one weight per input: unit "
                            + (j + 1) + " has " + weights[j].length + ", unit 1 has " + weights[0].length);
                }
                copy[j] = weights[j].clone();
                for (double v : copy[j]) {
                    checkFinite(v);
                }
            }
            weights = copy;
            biases = biases.clone();
            for (double v : biases) {
                checkFinite(v);
            }
        }

        private static void checkFinite(double v) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("weights and biases must be finite numbers, got " + v);
            }
        }

        /** How many units (rows of weights). */
        public int units() {
            return biases.length;
        }

        /** How many inputs each unit reads. */
        public int inputs() {
            return weights[0].length;
        }

        @Override
        public double[][] weights() {
            double[][] copy = new double[weights.length][];
            for (int j = 0; j < weights.length; j++) {
                copy[j] = weights[j].clone();
            }
            return copy;
        }

        @Override
        public double[] biases() {
            return biases.clone();
        }

        /** Weight of input k in unit j. */
        public double weight(int unit, int input) {
            return weights[unit][input];
        }

        /** The weights as the SPI takes them: inputs×units, row-major (input k, unit j at k·units + j). */
        public double[] inputsByUnits() {
            double[] flat = new double[inputs() * units()];
            for (int j = 0; j < units(); j++) {
                for (int k = 0; k < inputs(); k++) {
                    flat[k * units() + j] = weights[j][k];
                }
            }
            return flat;
        }

        /** A layer from the SPI's inputs×units row-major weights. */
        public static Layer fromInputsByUnits(double[] flat, double[] biases) {
            int units = biases.length;
            int inputs = flat.length / units;
            double[][] w = new double[units][inputs];
            for (int j = 0; j < units; j++) {
                for (int k = 0; k < inputs; k++) {
                    w[j][k] = flat[k * units + j];
                }
            }
            return new Layer(w, biases);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Layer l && Arrays.deepEquals(weights, l.weights) && Arrays.equals(biases, l.biases);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.deepHashCode(weights) + Arrays.hashCode(biases);
        }

        @Override
        public String toString() {
            return "Layer[weights=" + Arrays.deepToString(weights) + ", biases=" + Arrays.toString(biases) + "]";
        }
    }

    public Network {
        if (activation == null) {
            throw new IllegalArgumentException("choose an activation");
        }
        layers = List.copyOf(layers);
        if (layers.size() < 2) {
            throw new IllegalArgumentException("a network has at least one hidden layer and the output neuron, got "
                    + layers.size() + " layer(s)");
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).inputs() != layers.get(l - 1).units()) {
                throw new IllegalArgumentException("layer " + (l + 1) + " reads " + layers.get(l).inputs()
                        + " inputs but layer " + l + " has " + layers.get(l - 1).units() + " units");
            }
        }
        if (layers.get(layers.size() - 1).units() != 1) {
            throw new IllegalArgumentException("the last layer is the output neuron: one unit, got "
                    + layers.get(layers.size() - 1).units());
        }
    }

    /** Every weight and bias 0: the "break it" start, where every hidden unit stays the same as the others. */
    public static Network zeros(NetworkShape shape) {
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l <= shape.layers(); l++) {
            layers.add(new Layer(new double[shape.units(l)][shape.inputs(l)], new double[shape.units(l)]));
        }
        return new Network(shape.activation(), layers);
    }

    /**
     * Random starting weights, the same for the same shape and seed on every JDK (java.util.Random's
     * algorithm is part of its specification), drawn layer by layer, unit by unit, input by input;
     * biases start at 0.
     *
     * <p>Each weight is uniform in [−r, r]. For sigmoid and tanh, r = √(6 / (inputs + units)), Glorot
     * and Bengio's rule (2010, "Xavier" initialisation): it keeps the spread of the values going
     * forward and of the errors going back about the same from layer to layer, so a unit's z starts
     * near 0, where f is steep and learns fastest, instead of out on f's flat ends. For relu,
     * r = √(6 / inputs), He et al.'s rule (2015): relu zeroes about half of what it gets, so its
     * weights need twice the variance to keep the same spread. The output neuron (sigmoid) uses
     * Glorot's rule. Random, not equal, because equal weights make every hidden unit the same
     * (see {@link #zeros}).
     */
    public static Network random(NetworkShape shape, long seed) {
        Random random = new Random(seed);
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l <= shape.layers(); l++) {
            int inputs = shape.inputs(l);
            int units = shape.units(l);
            double r = shape.activationOf(l) == Activation.RELU
                    ? Math.sqrt(6.0 / inputs)
                    : Math.sqrt(6.0 / (inputs + units));
            double[][] w = new double[units][inputs];
            for (int j = 0; j < units; j++) {
                for (int k = 0; k < inputs; k++) {
                    w[j][k] = r * (2 * random.nextDouble() - 1);
                }
            }
            layers.add(new Layer(w, new double[units]));
        }
        return new Network(shape.activation(), layers);
    }

    /** The sizes: inputs, hidden layers, activation. */
    public NetworkShape shape() {
        return new NetworkShape(features(), hidden(), activation);
    }

    /** d, the number of inputs. */
    public int features() {
        return layers.get(0).inputs();
    }

    /** The units of each hidden layer, from the first. */
    public int[] hidden() {
        return layers.subList(0, layers.size() - 1).stream().mapToInt(Layer::units).toArray();
    }

    /**
     * Every layer's activations for one input, from the first hidden layer to the output neuron:
     * aₗ = f(Wₗ·aₗ₋₁ + bₗ), with σ for the output, whose single value is p.
     */
    public double[][] activations(double... x) {
        if (x.length != features()) {
            throw new IllegalArgumentException("the network has " + features() + " inputs but the input has "
                    + x.length + " values " + Arrays.toString(x) + ": give one value per feature");
        }
        double[][] out = new double[layers.size()][];
        double[] input = x;
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            Activation f = l == layers.size() - 1 ? Activation.SIGMOID : activation;
            out[l] = new double[layer.units()];
            for (int j = 0; j < layer.units(); j++) {
                double z = 0;
                for (int k = 0; k < input.length; k++) {
                    z += input[k] * layer.weights[j][k];
                }
                out[l][j] = f.of(z + layer.biases[j]);
            }
            input = out[l];
        }
        return out;
    }

    /** p, the output neuron's probability of Pass (label 1) for one input. */
    public double probability(double... x) {
        double[][] a = activations(x);
        return a[a.length - 1][0];
    }

    /** z, the output neuron's raw score for one input: p = σ(z). */
    public double z(double... x) {
        double[][] a = activations(x);
        double[] hidden = a[a.length - 2];
        Layer output = layers.get(layers.size() - 1);
        double z = 0;
        for (int k = 0; k < hidden.length; k++) {
            z += hidden[k] * output.weights[0][k];
        }
        return z + output.biases[0];
    }

    /** Pass when p ≥ threshold. */
    public Decision decide(double threshold, double... x) {
        return Decision.of(probability(x), threshold);
    }

    /**
     * The hidden layers (numbered from 1) whose units are all the same: equal weights, equal
     * bias, and equal weights out to the next layer. Units like that get equal updates, so they
     * stay equal forever and the layer works as a single unit. Empty for a healthy network; a
     * network started from {@link #zeros} lists every hidden layer with more than one unit.
     * "The same" is to 1e-12 relative, since a library may round two equal sums differently.
     */
    public List<Integer> identicalLayers() {
        List<Integer> identical = new ArrayList<>();
        for (int l = 0; l < layers.size() - 1; l++) {
            Layer layer = layers.get(l);
            Layer next = layers.get(l + 1);
            boolean same = layer.units() > 1;
            for (int j = 1; j < layer.units() && same; j++) {
                same = near(layer.biases[j], layer.biases[0]);
                for (int k = 0; k < layer.inputs() && same; k++) {
                    same = near(layer.weights[j][k], layer.weights[0][k]);
                }
                for (int u = 0; u < next.units() && same; u++) {
                    same = near(next.weights[u][j], next.weights[u][0]);
                }
            }
            if (same) {
                identical.add(l + 1);
            }
        }
        return identical;
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
