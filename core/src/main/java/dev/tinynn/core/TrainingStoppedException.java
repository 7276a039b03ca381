package dev.tinynn.core;

/**
 * Training stopped early because its {@link TrainingListener} asked it to
 * ({@link TrainingListener#stopRequested()}): the person running it had seen enough. No model
 * comes out of a stopped run; this says how far it got.
 */
public final class TrainingStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int epochsDone;
    private final int epochs;
    private final double loss;

    public TrainingStoppedException(int epochsDone, int epochs, double loss) {
        super("training stopped after " + epochsDone + " of " + epochs + " epochs");
        this.epochsDone = epochsDone;
        this.epochs = epochs;
        this.loss = loss;
    }

    /** How many epochs were complete when training stopped (0 when it stopped inside the first). */
    public int epochsDone() {
        return epochsDone;
    }

    /** How many epochs the run was to train. */
    public int epochs() {
        return epochs;
    }

    /** The mean loss of the last complete epoch, or NaN when none was complete. */
    public double loss() {
        return loss;
    }
}
