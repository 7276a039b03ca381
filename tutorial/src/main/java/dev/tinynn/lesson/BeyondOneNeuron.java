package dev.tinynn.lesson;

import dev.tinynn.core.Activation;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Decision;
import dev.tinynn.core.Forward;
import dev.tinynn.core.Model;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkResult;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.NetworkWorkspace;
import dev.tinynn.core.spi.NetworkWorkspace.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Page 8's runs, written once for both screens: XOR, first one neuron (which cannot get it), then
 * a hidden layer (which can). Both train with a network's defaults ({@link TrainingConfig#network()}:
 * cross-entropy, batch, lr 1, 2000 epochs), so the only difference between the two is the hidden layer.
 */
public final class BeyondOneNeuron {
    /**
     * The one neuron's start: w1 = 0.5, w2 = −0.3, b = 0. Not the earlier pages' w1 = w2 = 0.1: on XOR
     * equal weights stay equal (the four rows are symmetric in x1 and x2), so that line would only
     * slide; from unequal weights it visibly turns too.
     */
    public static final double[] NEURON_START = {0.5, -0.3};
    /** The epochs after which page 8 shows the one neuron's line, from its start to the end of training. */
    public static final int[] NEURON_FRAMES = {0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000};
    /** The hidden layer page 8 trains first: 4 sigmoid units from {@link Network#DEFAULT_SEED}. */
    public static final int HIDDEN = 4;
    public static final Activation ACTIVATION = Activation.SIGMOID;
    public static final long SEED = Network.DEFAULT_SEED;
    /** The settings of both runs. */
    public static final TrainingConfig CONFIG = TrainingConfig.network();

    private BeyondOneNeuron() {
    }

    /** The four XOR rows. */
    public static Dataset data() {
        return Datasets.xor();
    }

    /** One neuron trained on XOR for {@code epochs} epochs from {@link #NEURON_START} (0 epochs: the start). */
    public static Model neuron(Backend backend, int epochs) {
        if (epochs == 0) {
            return new Model(NEURON_START, 0);
        }
        TrainingResult result = Trainer.train(backend, data(),
                CONFIG.withEpochs(epochs).withInitialWeights(NEURON_START), TrainingListener.NONE);
        return result.model();
    }

    /** The one neuron after each of {@link #NEURON_FRAMES}' epochs. */
    public static List<Model> neuronFrames(Backend backend) {
        List<Model> frames = new ArrayList<>();
        for (int epochs : NEURON_FRAMES) {
            frames.add(neuron(backend, epochs));
        }
        return frames;
    }

    /** Each XOR row's p under one neuron, from {@code backend}'s forward pass. */
    public static double[] probabilities(Backend backend, Model neuron) {
        return Forward.at(backend, data(), neuron).p();
    }

    /** The hidden layer's shape on XOR. */
    public static NetworkShape shape() {
        return new NetworkShape(2, new int[] {HIDDEN}, ACTIVATION);
    }

    /** The network before training: random weights from {@link #SEED}. */
    public static Network start() {
        return Network.random(shape(), SEED);
    }

    /** The network trained on XOR with {@link #CONFIG}. */
    public static NetworkResult network(Backend backend) {
        return NetworkTrainer.train(backend, data(), CONFIG, start(), TrainingListener.NONE);
    }

    /** How many of {@code data}'s rows are decided right by p (one per row) at the usual threshold, 0.5. */
    public static int rowsRight(Dataset data, double[] p) {
        int right = 0;
        for (int i = 0; i < data.rows(); i++) {
            right += Decision.of(p[i], Decision.DEFAULT_THRESHOLD).isRightFor(data.y(i)) ? 1 : 0;
        }
        return right;
    }

    /**
     * Every layer's values for every row of {@code data}, computed by {@code backend}'s forward pass:
     * entry l − 1 holds layer l's A, row-major (row i, unit j at i·units + j); the last is p.
     */
    public static double[][] activations(Backend backend, Network network, Dataset data) {
        NetworkShape shape = network.shape();
        try (NetworkWorkspace ws = backend.openNetwork(data, shape)) {
            for (int l = 1; l <= shape.layers(); l++) {
                Network.Layer layer = network.layers().get(l - 1);
                ws.setLayer(l, layer.inputsByUnits(), layer.biases());
            }
            ws.selectRows(0, ws.rows());
            double[][] a = new double[shape.layers()][];
            for (int l = 1; l <= shape.layers(); l++) {
                ws.forward(l);
                ws.activate(l);
                a[l - 1] = ws.read(Matrix.A, l);
            }
            return a;
        }
    }
}
