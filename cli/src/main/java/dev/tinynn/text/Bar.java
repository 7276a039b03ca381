package dev.tinynn.text;

import java.text.DecimalFormat;
import java.time.Duration;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One progress bar on stderr, drawn by the progressbar library (its own thread redraws it a few
 * times a second: done of total, rate, time left, a message) and erased at the end. The work
 * reports with {@link #stepTo}, as often as it likes: the bar is touched at most every
 * {@value #EVERY_MILLIS} ms. Unless drawn from the start, the bar appears only once the work
 * has lasted {@value #AUTO_AFTER_MILLIS} ms, so a quick command shows nothing.
 */
public final class Bar implements AutoCloseable {
    /** Whether the bar is drawn, and from when. */
    public enum Drawing {
        /** Never. */
        NEVER,
        /** Once the work has lasted a second, so that a quick command shows nothing. */
        AFTER_A_SECOND,
        /** From the start. */
        FROM_THE_START
    }

    private static final long EVERY_MILLIS = 5;
    private static final long AUTO_AFTER_MILLIS = 1000;

    private final String task;
    private final long total;
    private final String unit;
    private final boolean draw;
    private final long start = System.nanoTime();
    private long last = start;
    private ProgressBar bar;

    /**
     * @param task the bar's name: {@code train}, {@code reading marks.csv}
     * @param total how many units the work has
     * @param unit what it counts, with a leading space: {@code " epochs"}
     * @param drawing whether to draw, and from when (as {@code --progress} decides)
     */
    public Bar(String task, long total, String unit, Drawing drawing) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.draw = drawing != Drawing.NEVER;
        if (drawing == Drawing.FROM_THE_START) {
            bar = build(0, Duration.ZERO);
        }
    }

    private ProgressBar build(long done, Duration elapsed) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(unit, 1)
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setUpdateIntervalMillis(250)
                .showSpeed(new DecimalFormat("0.0"))
                .clearDisplayOnFinish()
                .startsFrom(done, elapsed)
                .build();
    }

    /** {@code done} units are done; {@code message} (called only when the bar is redrawn) follows the numbers. */
    public void stepTo(long done, Supplier<String> message) {
        if (!draw) {
            return;
        }
        long now = System.nanoTime();
        if (now - last < EVERY_MILLIS * 1_000_000) {
            return;
        }
        last = now;
        if (bar == null && now - start >= AUTO_AFTER_MILLIS * 1_000_000) {
            bar = build(done, Duration.ofNanos(now - start));
        }
        if (bar != null) {
            bar.stepTo(done);
            if (message != null) {
                bar.setExtraMessage("  " + message.get());
            }
        }
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
