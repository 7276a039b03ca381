package dev.tinynn.cli;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.TrainingListener;

/**
 * Training's progress bar ({@link Bar}: epochs done of the total, the current loss, the rate and
 * the time left) and its way to hear Ctrl-C ({@link #stopRequested()}).
 *
 * <p>It listens through {@link TrainingListener#onEpochDone} only ({@link #wantsEvents()} is
 * false), so the loop copies nothing for it; the bar itself is touched at most every few ms.
 */
final class TrainingProgress implements TrainingListener, AutoCloseable {
    private final Bar bar;
    private final Interrupt interrupt;
    private long done;

    /**
     * @param task the bar's name: {@code train}, {@code lab}
     * @param total epochs in the whole command (lab: epochs × learning rates)
     */
    TrainingProgress(String task, long total, ProgressOption progress, boolean json, Interrupt interrupt) {
        this.bar = new Bar(task, total, " epochs", progress, json);
        this.interrupt = interrupt;
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
    void skipTo(long epochs) {
        done = epochs;
        bar.stepTo(done, null);
    }

    @Override
    public boolean stopRequested() {
        return interrupt.requested();
    }

    /** Erases the bar. */
    @Override
    public void close() {
        bar.close();
    }
}
