package dev.tinynn.core;

import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.NetworkChecks;
import dev.tinynn.core.spi.NetworkWorkspace;
import dev.tinynn.core.spi.NetworkWorkspace.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * The training loop of a network with hidden layers, written once for every backend, in the
 * style of {@link Trainer}: the backend's {@link NetworkWorkspace#step} does one step of gradient
 * descent on the rows selected, and this loop decides which rows and how often.
 *
 * <pre>
 * for each epoch:
 *   batch:   select all n rows;  one step (forward, loss, back, update)
 *   online:  for each row i, in order:  select row i;  one step
 * </pre>
 *
 * <p>As in {@link Trainer}, the loop records each epoch's loss, stops with a
 * {@link TrainingDivergedException} the moment a loss, a weight or a raw score is no longer a
 * finite number, and, with no listener, allocates nothing per epoch. A listener hears
 * {@link TrainingListener#onEpochDone} after every epoch and is asked
 * {@link TrainingListener#stopRequested} after every epoch and, online, every row; the neuron's
 * per-row and per-epoch events ({@link RowEvent}, {@link EpochEvent}) describe one weight vector
 * and are not sent for a network.
 *
 * <p>A network with no hidden layer is the tutorial's neuron: train that with {@link Trainer},
 * whose numbers stay exactly as they are.
 */
public final class NetworkTrainer {
    private NetworkTrainer() {
    }

    /**
     * Trains {@code start} on {@code data} with {@code backend}: the config's loss, updates,
     * learning rate and epochs (its initial weights are the neuron's, and must be unset; the
     * network's start is {@code start}).
     */
    public static NetworkResult train(Backend backend, Dataset data, TrainingConfig config, Network start,
            TrainingListener listener) {
        if (config.initialWeights() != null || config.initialBias() != 0) {
            throw new IllegalArgumentException("a network starts from its own weights (start), not the config's");
        }
        NetworkShape shape = start.shape();
        NetworkChecks.requireFits(shape, data);
        try (NetworkWorkspace ws = backend.openNetwork(data, shape)) {
            for (int l = 1; l <= shape.layers(); l++) {
                Network.Layer layer = start.layers().get(l - 1);
                ws.setLayer(l, layer.inputsByUnits(), layer.biases());
            }
            double[] history = new double[config.epochs()];
            boolean listening = listener != TrainingListener.NONE;
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                history[epoch] = config.updates() == Updates.BATCH
                        ? batchEpoch(ws, config.loss(), config.learningRate())
                        : onlineEpoch(ws, epoch, config, listener, epoch == 0 ? Double.NaN : history[epoch - 1]);
                if (!Double.isFinite(history[epoch])) {
                    throw new TrainingDivergedException(epoch, "the loss became " + history[epoch],
                            config.learningRate());
                }
                if (listening) {
                    listener.onEpochDone(epoch, history[epoch]);
                    if (listener.stopRequested()) {
                        throw new TrainingStoppedException(epoch + 1, config.epochs(), history[epoch]);
                    }
                }
            }
            return finish(ws, backend, data, config, start, history);
        }
    }

    /**
     * The gradient at {@code network} over all rows of {@code data}, as {@link NetworkWorkspace#step}
     * computes it before its updates. For checking the gradient ({@code tinynn gradcheck --hidden}).
     *
     * @param loss the mean loss at the network
     * @param gradient shaped as the network: its weight (j, k) of layer l is ∂L/∂w of that weight, its
     *     bias j of layer l is ∂L/∂b
     */
    public record Gradient(double loss, Network gradient) {
    }

    /** The {@link Gradient} of the mean loss at {@code network} over {@code data}, from the backend. */
    public static Gradient gradient(Backend backend, Dataset data, Network network, Loss loss) {
        NetworkShape shape = network.shape();
        try (NetworkWorkspace ws = backend.openNetwork(data, shape)) {
            int last = shape.layers();
            for (int l = 1; l <= last; l++) {
                Network.Layer layer = network.layers().get(l - 1);
                ws.setLayer(l, layer.inputsByUnits(), layer.biases());
            }
            // A step with learning rate 0: the gradients are computed and the weights stay where they are.
            double value = ws.step(loss, 0);
            List<Network.Layer> layers = new ArrayList<>();
            for (int l = 1; l <= last; l++) {
                layers.add(Network.Layer.fromInputsByUnits(ws.read(Matrix.WEIGHT_GRADIENT, l),
                        ws.read(Matrix.BIAS_GRADIENT, l)));
            }
            return new Gradient(value, new Network(network.activation(), layers));
        }
    }

    /**
     * One batch epoch: all rows, one step. Returns the epoch's loss, computed before the update.
     * Public, like {@link Trainer#batchEpoch}, so that benchmarks and allocation tests run
     * exactly what training runs.
     */
    public static double batchEpoch(NetworkWorkspace ws, Loss loss, double learningRate) {
        ws.selectRows(0, ws.rows());
        return ws.step(loss, learningRate);
    }

    /**
     * One online epoch: every row in order, one step each. Returns the mean of the rows' losses,
     * each taken just before that row's update.
     */
    public static double onlineEpoch(NetworkWorkspace ws, Loss loss, double learningRate) {
        int n = ws.rows();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            ws.selectRows(i, i + 1);
            sum += ws.step(loss, learningRate);
        }
        return sum / n;
    }

    /**
     * The online epoch of {@link #train}: a row whose loss is not finite stops it; {@code listener} is
     * asked after every row whether to stop (with {@code lastLoss}, the previous epoch's loss, in the
     * stop's report).
     */
    private static double onlineEpoch(NetworkWorkspace ws, int epoch, TrainingConfig config,
            TrainingListener listener, double lastLoss) {
        boolean stoppable = listener != TrainingListener.NONE;
        int n = ws.rows();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            ws.selectRows(i, i + 1);
            double loss = ws.step(config.loss(), config.learningRate());
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException(epoch, i, "became " + ws.read(Matrix.Z, ws.shape().layers())[0],
                        config.learningRate());
            }
            sum += loss;
            if (stoppable && i + 1 < n && listener.stopRequested()) {
                throw new TrainingStoppedException(epoch, config.epochs(), lastLoss);
            }
        }
        return sum / n;
    }

    private static NetworkResult finish(NetworkWorkspace ws, Backend backend, Dataset data, TrainingConfig config,
            Network start, double[] history) {
        int last = ws.shape().layers();
        ws.selectRows(0, ws.rows());
        for (int l = 1; l <= last; l++) {
            ws.forward(l);
            ws.activate(l);
        }
        double finalLoss = ws.loss(config.loss());
        double[] z = ws.read(Matrix.Z, last);
        List<Network.Layer> layers = new ArrayList<>();
        for (int l = 1; l <= last; l++) {
            double[] w = ws.read(Matrix.WEIGHTS, l);
            double[] b = ws.read(Matrix.BIASES, l);
            if (!allFinite(w) || !allFinite(b) || !Double.isFinite(finalLoss)) {
                throw new TrainingDivergedException(config.epochs(), "the final network is not finite (layer " + l
                        + ", loss = " + finalLoss + ")", config.learningRate());
            }
            layers.add(Network.Layer.fromInputsByUnits(w, b));
        }
        // Squared error's loss stays finite when a z overflows (p is exactly 0 or 1 and δ = 0), so
        // the scores are checked too, as the neuron's loop does.
        for (int i = 0; i < z.length; i++) {
            if (!Double.isFinite(z[i])) {
                throw new TrainingDivergedException(config.epochs(), i, "became " + z[i], config.learningRate());
            }
        }
        return new NetworkResult(backend.name(), data, config, start, new Network(start.activation(), layers), history,
                finalLoss, ws.read(Matrix.A, last));
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
