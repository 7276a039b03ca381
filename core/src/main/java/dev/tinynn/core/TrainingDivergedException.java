package dev.tinynn.core;

/**
 * Training stopped because the numbers blew up: the loss (or a weight) stopped being a finite
 * number. Almost always the learning rate is too large for the data: each step overshoots by more
 * than the last, until the arithmetic overflows.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int row;
    private final String what;
    private final double learningRate;

    TrainingDivergedException(int epoch, String what, double learningRate) {
        this(epoch, -1, what, learningRate);
    }

    /**
     * @param row the row whose raw score overflowed, from 0, or −1 when it was the loss or the final model
     * @param what what happened: with a row, what its z became; without, the whole story
     */
    TrainingDivergedException(int epoch, int row, String what, double learningRate) {
        super(describe(epoch, row, what, learningRate, i -> "row " + (i + 1))
                + "; the steps are too large, try a smaller learning rate such as " + learningRate / 10);
        this.epoch = epoch;
        this.row = row;
        this.what = what;
        this.learningRate = learningRate;
    }

    private static String describe(int epoch, int row, String what, double learningRate,
            java.util.function.IntFunction<String> rowName) {
        return "training diverged at epoch " + epoch + ": "
                + (row < 0 ? what : "the raw score z = x·w + b of " + rowName.apply(row) + " " + what)
                + " with learning rate " + learningRate;
    }

    /**
     * What happened, without advice, naming a row as {@code rowName} does (the message names it
     * "row N", counted from 1): for a program that knows more about the data, and gives its own advice.
     */
    public String describe(java.util.function.IntFunction<String> rowName) {
        return describe(epoch, row, what, learningRate, rowName);
    }

    /** The row, from 0, whose raw score stopped being finite; −1 when it was the loss or the final weights. */
    public int row() {
        return row;
    }

    /** The epoch in which the loss or the weights first stopped being finite. */
    public int epoch() {
        return epoch;
    }

    public double learningRate() {
        return learningRate;
    }
}
