package dev.tinynn.core;

import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;

/**
 * The training loop, written once for every backend. Predict, measure the error, nudge the
 * weights, repeat:
 *
 * <pre>
 * for each epoch:
 *   batch:   z = X·w + b;  p = σ(z);  L = mean ℓ;  δ = ∂ℓ/∂z;  g = Xᵀδ/n;  w −= lr·g;  b −= lr·Σδ/n
 *   online:  for each row i, in order:
 *              zᵢ = xᵢ·w + b;  pᵢ = σ(zᵢ);  ℓᵢ;  δᵢ = ∂ℓ/∂zᵢ;  w −= lr·δᵢ·xᵢ;  b −= lr·δᵢ
 * </pre>
 *
 * <p>The backend does the vector arithmetic; the loop decides the order, records the loss of each
 * epoch, stops with a {@link TrainingDivergedException} the moment a loss, a weight or a raw score
 * z is no longer a finite number, and tells a {@link TrainingListener} what happened. With no listener, the loop
 * itself allocates nothing per epoch: every buffer was made when the backend opened its workspace.
 * The listener may stop training early ({@link TrainingListener#stopRequested()}), after any epoch
 * or, online, after any row, with a {@link TrainingStoppedException}.
 *
 * <p>Training is deterministic: the same backend, data and settings give the same bits.
 */
public final class Trainer {
    private Trainer() {
    }

    /** Trains a neuron on {@code data} with {@code backend}, silently. */
    public static TrainingResult train(Backend backend, Dataset data, TrainingConfig config) {
        return train(backend, data, config, TrainingListener.NONE);
    }

    /** Trains a neuron with the backend of this name (see {@link Backends#named}), silently. */
    public static TrainingResult train(String backend, Dataset data, TrainingConfig config) {
        return train(Backends.named(backend), data, config, TrainingListener.NONE);
    }

    /** Trains a neuron with the backend of this name (see {@link Backends#named}), telling {@code listener} every step. */
    public static TrainingResult train(String backend, Dataset data, TrainingConfig config, TrainingListener listener) {
        return train(Backends.named(backend), data, config, listener);
    }

    /** Trains a neuron on {@code data} with {@code backend}, telling {@code listener} every step. */
    public static TrainingResult train(Backend backend, Dataset data, TrainingConfig config, TrainingListener listener) {
        double[] initialWeights = config.initialWeightsFor(data);
        try (Workspace ws = backend.open(data)) {
            ws.setParameters(initialWeights, config.initialBias());
            double[] history = new double[config.epochs()];
            boolean listening = listener != TrainingListener.NONE;
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                history[epoch] = config.updates() == Updates.BATCH
                        ? batchEpoch(ws, epoch, config, listener)
                        : onlineEpoch(ws, data, epoch, config, listener, epoch == 0 ? Double.NaN : history[epoch - 1]);
                if (!Double.isFinite(history[epoch])) {
                    throw new TrainingDivergedException(epoch, "the loss became " + history[epoch], config.learningRate());
                }
                if (listening) {
                    listener.onEpochDone(epoch, history[epoch]);
                    if (listener.stopRequested()) {
                        throw new TrainingStoppedException(epoch + 1, config.epochs(), history[epoch]);
                    }
                }
            }
            return finish(ws, backend, data, config, history);
        }
    }

    /**
     * One batch epoch on a workspace: {@link Workspace#epoch}, the six steps in the order written
     * there (or a backend's fused equivalent). Returns the epoch's loss, computed from the forward
     * pass before the update. This is exactly what {@link #train} runs per batch epoch; it is
     * public so that benchmarks can time an epoch without copying its steps.
     */
    public static double batchEpoch(Workspace ws, Loss loss, double learningRate) {
        return ws.epoch(loss, learningRate);
    }

    /**
     * One online epoch on a workspace, silently: every row in order, one update each, exactly as
     * {@link #train} runs it with {@link Updates#ONLINE}. Public, like {@link #batchEpoch}, for
     * the benchmarks.
     */
    public static double onlineEpoch(Workspace ws, Dataset data, TrainingConfig config) {
        return onlineEpoch(ws, data, 0, config, TrainingListener.NONE, Double.NaN);
    }

    /** One batch epoch of {@link #train}; {@code listener} hears its event if it {@link TrainingListener#wantsEvents wants events}. */
    private static double batchEpoch(Workspace ws, int epoch, TrainingConfig config, TrainingListener listener) {
        Snapshot before = hearsEvents(listener) ? Snapshot.of(ws) : null;
        double loss = batchEpoch(ws, config.loss(), config.learningRate());
        if (before != null) {
            Snapshot after = Snapshot.of(ws);
            listener.onEpoch(new EpochEvent(epoch, before.weights, before.bias,
                    ws.read(Buffer.Z), ws.read(Buffer.P), ws.read(Buffer.DELTA), loss,
                    ws.read(Buffer.GRADIENT), ws.biasGradient(), after.weights, after.bias));
        }
        return loss;
    }

    /**
     * One online epoch of {@link #train}. {@code listener} hears the rows' and the epoch's events if it
     * {@link TrainingListener#wantsEvents wants events}, and is asked after every row whether to stop
     * (with {@code lastLoss}, the previous epoch's loss, in the stop's report).
     */
    private static double onlineEpoch(Workspace ws, Dataset data, int epoch, TrainingConfig config,
            TrainingListener listener, double lastLoss) {
        Loss lossFunction = config.loss();
        double lr = config.learningRate();
        int n = data.rows();
        boolean listening = hearsEvents(listener);
        boolean stoppable = listener != TrainingListener.NONE;
        EpochRecorder recorder = listening ? new EpochRecorder(n, data.features(), Snapshot.of(ws)) : null;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            Snapshot before = listening ? Snapshot.of(ws) : null;
            double z = ws.forwardRow(i);         // zᵢ = xᵢ·w + b
            if (!Double.isFinite(z)) {
                throw overflow(epoch, i, z, config);
            }
            double p = Sigmoid.of(z);            // pᵢ = σ(zᵢ)
            double y = data.y(i);
            double loss = lossFunction.of(z, p, y);
            double delta = lossFunction.dz(p, y); // δᵢ = ∂ℓ/∂zᵢ
            double step = lr * delta;
            ws.updateRow(i, step);               // w −= lr·δᵢ·xᵢ,  b −= lr·δᵢ
            sum += loss;
            if (listening) {
                Snapshot after = Snapshot.of(ws);
                listener.onRow(new RowEvent(epoch, i, data.row(i), y, before.weights, before.bias,
                        z, p, loss, delta, step, after.weights, after.bias));
                recorder.row(data, i, z, p, delta);
            }
            if (stoppable && i + 1 < n && listener.stopRequested()) {
                throw new TrainingStoppedException(epoch, config.epochs(), lastLoss);
            }
        }
        double loss = sum / n;
        if (listening) {
            listener.onEpoch(recorder.event(epoch, loss, Snapshot.of(ws)));
        }
        return loss;
    }

    /** Whether the loop should copy buffers into events for {@code listener}: never for {@link TrainingListener#NONE}. */
    private static boolean hearsEvents(TrainingListener listener) {
        return listener != TrainingListener.NONE && listener.wantsEvents();
    }

    private static TrainingResult finish(Workspace ws, Backend backend, Dataset data, TrainingConfig config,
            double[] history) {
        ws.forward();
        ws.sigmoid();
        double finalLoss = ws.loss(config.loss());
        Snapshot last = Snapshot.of(ws);
        boolean finite = Double.isFinite(finalLoss) && Double.isFinite(last.bias);
        for (double w : last.weights) {
            finite &= Double.isFinite(w);
        }
        if (!finite) {
            throw new TrainingDivergedException(config.epochs(),
                    "the final model is not finite (w = " + java.util.Arrays.toString(last.weights) + ", b = "
                            + last.bias + ", loss = " + finalLoss + ")", config.learningRate());
        }
        // Cross-entropy's loss is infinite or NaN whenever a z is; squared error's, (p − y)², stays
        // finite when z overflows to ±∞ (p is then exactly 0 or 1, and δ = 0 freezes the weights), so
        // the final scores are checked too. (Checking every batch epoch would copy z out of the
        // backend each epoch; online steps check each row's z as they go.)
        checkScores(ws.read(Buffer.Z), config.epochs(), config);
        return new TrainingResult(backend.name(), data, config, last.weights, last.bias, history, finalLoss,
                ws.read(Buffer.P));
    }

    private static void checkScores(double[] z, int epoch, TrainingConfig config) {
        for (int i = 0; i < z.length; i++) {
            if (!Double.isFinite(z[i])) {
                throw overflow(epoch, i, z[i], config);
            }
        }
    }

    private static TrainingDivergedException overflow(int epoch, int row, double z, TrainingConfig config) {
        return new TrainingDivergedException(epoch, row, "became " + z
                + " (beyond the largest double, 1.8e308; inputs this large want standardising)", config.learningRate());
    }


    /** w and b at one moment, copied out of the workspace. */
    private record Snapshot(double[] weights, double bias) {
        static Snapshot of(Workspace ws) {
            return new Snapshot(ws.read(Buffer.WEIGHTS), ws.bias());
        }
    }

    /** Collects an online epoch's per-row numbers into one {@link EpochEvent}. */
    private static final class EpochRecorder {
        private final Snapshot start;
        private final double[] z;
        private final double[] p;
        private final double[] delta;
        private final double[] gradient;
        private double biasGradient;

        EpochRecorder(int rows, int features, Snapshot start) {
            this.start = start;
            this.z = new double[rows];
            this.p = new double[rows];
            this.delta = new double[rows];
            this.gradient = new double[features];
        }

        void row(Dataset data, int i, double zi, double pi, double deltai) {
            z[i] = zi;
            p[i] = pi;
            delta[i] = deltai;
            for (int j = 0; j < gradient.length; j++) {
                gradient[j] += deltai * data.x(i, j) / data.rows();
            }
            biasGradient += deltai / data.rows();
        }

        EpochEvent event(int epoch, double loss, Snapshot end) {
            return new EpochEvent(epoch, start.weights, start.bias, z, p, delta, loss, gradient, biasGradient,
                    end.weights, end.bias);
        }
    }
}
