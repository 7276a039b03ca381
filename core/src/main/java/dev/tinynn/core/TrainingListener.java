package dev.tinynn.core;

/**
 * Watches training without the loop knowing about printing or plotting. The loop calls
 * {@link #onRow} after every row's update (online only) and {@link #onEpoch} after every epoch.
 *
 * <p>Listening costs: to fill the events the loop copies buffers out of the backend. With
 * {@link #NONE} it copies nothing and the epoch allocates nothing.
 */
public interface TrainingListener {

    /** Hears nothing; the loop skips building events for it. */
    TrainingListener NONE = new TrainingListener() {
    };

    default void onEpoch(EpochEvent event) {
    }

    default void onRow(RowEvent event) {
    }
}
