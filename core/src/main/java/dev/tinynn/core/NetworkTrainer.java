package dev.tinynn.core;

import dev.tinynn.core.spi.NetworkWorkspace;

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
 */
public final class NetworkTrainer {
    private NetworkTrainer() {
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
}
