package dev.tinynn.cli;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.TrainingListener;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar of training, on stderr: epochs done of the total, the current loss, the rate
 * and the time left, redrawn a few times a second by the progressbar library's own thread and
 * erased at the end. It also carries Ctrl-C to the training loop ({@link #stopRequested()}).
 *
 * <p>It listens through {@link TrainingListener#onEpochDone} only ({@link #wantsEvents()} is
 * false), so the loop copies nothing for it, and it touches the bar at most every
 * {@value #EVERY_MILLIS} ms. With {@code auto}, the bar appears once the run has lasted a
 * second, so a quick run shows nothing.
 */
final class TrainingProgress implements TrainingListener, AutoCloseable {
    private static final long EVERY_MILLIS = 5;
    private static final long AUTO_AFTER_MILLIS = 1000;

    private final String task;
    private final long total;
    private final boolean draw;
    private final boolean fromTheStart;
    private final Interrupt interrupt;
    private final long start = System.nanoTime();
    private long last = start;
    private long done;
    private double loss = Double.NaN;
    private ProgressBar bar;

    /**
     * @param task the bar's name: {@code train}, {@code lab}
     * @param total epochs in the whole command (lab: epochs × learning rates)
     * @param draw whether a bar may be drawn ({@link ProgressOption#allowed})
     */
    TrainingProgress(String task, long total, boolean draw, boolean fromTheStart, Interrupt interrupt) {
        this.task = task;
        this.total = total;
        this.draw = draw;
        this.fromTheStart = fromTheStart;
        this.interrupt = interrupt;
        if (draw && fromTheStart) {
            bar = bar(Duration.ZERO);
        }
    }

    private ProgressBar bar(Duration elapsed) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" epochs", 1)
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .clearDisplayOnFinish()
                .startsFrom(done, elapsed)
                .build();
    }

    @Override
    public boolean wantsEvents() {
        return false;
    }

    @Override
    public void onEpochDone(int epoch, double epochLoss) {
        done++;
        loss = epochLoss;
        long now = System.nanoTime();
        if (now - last < EVERY_MILLIS * 1_000_000) {
            return;
        }
        last = now;
        if (bar == null && draw && now - start >= AUTO_AFTER_MILLIS * 1_000_000) {
            bar = bar(Duration.ofNanos(now - start));
        }
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage("loss " + num(loss));
        }
    }

    /** Moves on to {@code epochs} done in all, as when a run diverged before its last epoch. */
    void skipTo(long epochs) {
        done = epochs;
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public boolean stopRequested() {
        return interrupt.requested();
    }

    /** Erases the bar. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
