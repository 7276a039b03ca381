package dev.tinynn.core;

/**
 * Training stopped because the numbers blew up: the loss (or a weight) stopped being a finite
 * number. Almost always the learning rate is too large for the data: each step overshoots by more
 * than the last, until the arithmetic overflows.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final double learningRate;

    TrainingDivergedException(int epoch, String what, double learningRate) {
        super("training diverged at epoch " + epoch + ": " + what + " with learning rate " + learningRate
                + "; the steps are too large, try a smaller learning rate such as " + learningRate / 10);
        this.epoch = epoch;
        this.learningRate = learningRate;
    }

    /** The epoch in which the loss or the weights first stopped being finite. */
    public int epoch() {
        return epoch;
    }

    public double learningRate() {
        return learningRate;
    }
}
