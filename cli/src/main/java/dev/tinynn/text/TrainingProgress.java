package dev.tinynn.text;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.TrainingListener;
import java.util.function.BooleanSupplier;

/**
 * Training's progress bar ({@link Bar}: epochs done of the total, the current loss, the rate and
 * the time left) and its way to ask training to stop ({@link #stopRequested()}, when Ctrl-C was pressed).
 *
 * <p>It listens through {@link TrainingListener#onEpochDone} only ({@link #wantsEvents()} is
 * false), so the loop copies nothing for it; the bar itself is touched at most every few ms.
 */
public final class TrainingProgress implements TrainingListener, AutoCloseable {
    private final Bar bar;
    private final BooleanSupplier stop;
    private long done;

    /**
     * @param task the bar's name: {@code train}, {@code lab}
     * @param total epochs in the whole command (lab: epochs × learning rates)
     * @param drawing whether to draw the bar, and from when
     * @param stop whether to stop training at the end of this epoch (or row)
     */
    public TrainingProgress(String task, long total, Bar.Drawing drawing, BooleanSupplier stop) {
        this.bar = new Bar(task, total, " epochs", drawing);
        this.stop = stop;
    }

    @Override
    public boolean wantsEvents() {
        return false;
    }

    @Override
    public void onEpochDone(int epoch, double loss) {
        done++;
        bar.stepTo(done, () -> "loss " + num(loss));
    }

    /** Moves on to {@code epochs} done in all, as when a run diverged before its last epoch. */
    public void skipTo(long epochs) {
        done = epochs;
        bar.stepTo(done, null);
    }

    @Override
    public boolean stopRequested() {
        return stop.getAsBoolean();
    }

    /** Erases the bar. */
    @Override
    public void close() {
        bar.close();
    }
}
