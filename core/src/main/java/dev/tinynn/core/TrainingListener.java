package dev.tinynn.core;

/**
 * Watches training without the loop knowing about printing or plotting. The loop calls
 * {@link #onRow} after every row's update (online only) and {@link #onEpoch} after every epoch,
 * then {@link #onEpochDone} with just the epoch's number and loss.
 *
 * <p>Listening costs: to fill the events the loop copies buffers out of the backend. With
 * {@link #NONE} it copies nothing and the epoch allocates nothing; a listener that only needs
 * {@link #onEpochDone} (a progress bar) says so with {@link #wantsEvents()} and costs a call
 * per epoch.
 *
 * <p>A listener can also end training early: the loop asks {@link #stopRequested()} after every
 * epoch and, online, after every row, and stops with a {@link TrainingStoppedException} when it
 * says yes. The loop does not know why (a program stops on Ctrl-C, say).
 */
public interface TrainingListener {

    /** Hears nothing; the loop skips building events for it. */
    TrainingListener NONE = new TrainingListener() {
    };

    default void onEpoch(EpochEvent event) {
    }

    default void onRow(RowEvent event) {
    }

    /** After every epoch (after {@link #onEpoch}): its number, from 0, and its mean loss. Copies nothing. */
    default void onEpochDone(int epoch, double loss) {
    }

    /** Whether this listener reads {@link #onRow} and {@link #onEpoch}, whose events copy buffers. */
    default boolean wantsEvents() {
        return true;
    }

    /** Whether training should stop now, with a {@link TrainingStoppedException} and no model. */
    default boolean stopRequested() {
        return false;
    }
}
