package dev.tinynn.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Something a finished run shows that a learner should know about, read off its loss history and
 * its final p: training that ran without error can still have gone wrong. Three kinds, each
 * carrying the numbers that show it:
 *
 * <ul>
 *   <li>{@link Saturation}: a row's p is 0 or 1 to within {@value #SATURATED} and its label says the
 *       opposite. σ is flat out there, so σ'(z) = p(1 − p) is about 0; with squared error δ =
 *       2(p − y)·p(1 − p) is then about 0 too and the weights stop moving: the row stays wrong for good.
 *       (With cross-entropy δ = p − y stays near ±1, so the row is confidently wrong but still pulls.)
 *       1e-6 is where p(1 − p) is below a millionth: a step of lr·δ·x that small moves nothing a learner
 *       would see, while the tutorial's worst-fitted row (p = 0.0020 at 1 hour) is a thousand times
 *       further from the edge.</li>
 *   <li>{@link Overshoot}: the loss rose from one epoch to the next in more than {@value #FEW_RISES}
 *       epochs, or climbed to more than {@value #CLIMB} times its epoch-0 value. Gradient descent with
 *       a step small enough only goes down; each rise is a step that jumped past the bottom, and
 *       several (a loss that goes up and down) mean the steps are too large. Up to {@value #FEW_RISES}
 *       rises are let pass: online training often rises once, right after epoch 0, and then falls
 *       smoothly (study-sleep's page-6 run does, to 1.27 times its start; learning rates 0.5 and 1 on
 *       study-hours, to 1.13 and 1.74 times). An overshooting rate rises again and again (batch 0.4
 *       on study-sleep, the tutorial's NumPy tab, rises 36 times in its first 60 epochs) or jumps
 *       far up the other side of the valley in one step (online 5 on study-hours: once, to 3.97
 *       times its start, where it stays for nine epochs).</li>
 *   <li>{@link NotConverged}: over the last tenth of the epochs the loss still fell by more than
 *       {@value #STILL_FALLING} (1%) of everything it fell since epoch 0, so more epochs would still
 *       help. The fall is measured against the whole fall rather than against the loss itself because
 *       on data that a line separates (the tutorial's) the loss never stops falling: it shrinks
 *       roughly like 1/epochs, about 8% per tenth of the run, for ever. The tutorial's run makes 0.8%
 *       of its progress in its last 100 epochs; learning rate 0.01 still makes 3.1%.</li>
 * </ul>
 *
 * <p>A healthy run (the tutorial's: study-hours, w = 0.1, learning rate 0.1, 1000 online epochs) has
 * none of them.
 */
public sealed interface Diagnosis permits Diagnosis.Saturation, Diagnosis.Overshoot, Diagnosis.NotConverged {

    /** How close to 0 or 1 a p must be to count as saturated. */
    double SATURATED = 1e-6;

    /** How many epoch-to-epoch rises of the loss are still "a few". */
    int FEW_RISES = 2;

    /** How many times its epoch-0 value the loss may climb to before that alone is an overshoot. */
    double CLIMB = 2;

    /** The share of the whole fall that the last tenth of the epochs may still make. */
    double STILL_FALLING = 0.01;

    /**
     * Rows stuck on the wrong side with p at 0 or 1.
     *
     * @param rows the stuck rows, in order
     */
    record Saturation(List<Row> rows) implements Diagnosis {
        public Saturation {
            rows = List.copyOf(rows);
        }

        /**
         * One stuck row.
         *
         * @param index the row, counted from 0
         * @param p its final p
         * @param y its label
         * @param delta δ = ∂ℓ/∂z for it under the run's loss
         */
        public record Row(int index, double p, double y, double delta) {
        }
    }

    /**
     * The loss rose more than a few times, or climbed far above where it started.
     *
     * @param rises in how many epochs the loss was higher than the epoch before
     * @param epochs how many epochs the run had
     * @param firstRise the first epoch whose loss was higher than the one before
     * @param before the loss of the epoch before {@code firstRise}
     * @param after the loss at {@code firstRise}
     * @param start the loss at epoch 0
     * @param highest the highest loss of the run
     * @param highestEpoch the epoch of {@code highest}
     */
    record Overshoot(int rises, int epochs, int firstRise, double before, double after, double start, double highest,
            int highestEpoch) implements Diagnosis {
    }

    /**
     * The loss was still falling at the end.
     *
     * @param fromEpoch the epoch where the last tenth starts
     * @param from the loss there
     * @param toEpoch the last epoch
     * @param to the loss there
     * @param share (from − to) / (loss at epoch 0 − to): the part of the whole fall made in the last tenth
     */
    record NotConverged(int fromEpoch, double from, int toEpoch, double to, double share) implements Diagnosis {
    }

    /** What {@code result} shows, in the order saturation, overshoot, not converged; empty for a healthy run. */
    static List<Diagnosis> of(TrainingResult result) {
        List<Diagnosis> found = new ArrayList<>();
        saturation(result).ifPresent(found::add);
        double[] history = result.lossHistory();
        overshoot(history).ifPresent(found::add);
        notConverged(history).ifPresent(found::add);
        return List.copyOf(found);
    }

    private static java.util.Optional<Diagnosis> saturation(TrainingResult result) {
        List<Saturation.Row> rows = new ArrayList<>();
        double[] p = result.probabilities();
        for (int i = 0; i < p.length; i++) {
            double y = result.data().y(i);
            boolean stuck = y == 1 ? p[i] <= SATURATED : p[i] >= 1 - SATURATED;
            if (stuck) {
                rows.add(new Saturation.Row(i, p[i], y, result.config().loss().dz(p[i], y)));
            }
        }
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Saturation(rows));
    }

    private static java.util.Optional<Diagnosis> overshoot(double[] history) {
        int rises = 0;
        int first = -1;
        int highest = 0;
        for (int e = 1; e < history.length; e++) {
            if (history[e] > history[e - 1]) {
                rises++;
                first = first < 0 ? e : first;
            }
            highest = history[e] > history[highest] ? e : highest;
        }
        if (rises <= FEW_RISES && !(history[highest] > CLIMB * history[0])) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Overshoot(rises, history.length, first, history[first - 1], history[first],
                history[0], history[highest], highest));
    }

    private static java.util.Optional<Diagnosis> notConverged(double[] history) {
        int last = history.length - 1;
        int tenth = (int) Math.ceil(history.length / 10.0);
        int from = last - tenth;
        if (from < 0) {
            return java.util.Optional.empty();
        }
        double fall = history[from] - history[last];
        double whole = history[0] - history[last];
        if (!(whole > 0) || !(fall > STILL_FALLING * whole)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new NotConverged(from, history[from], last, history[last], fall / whole));
    }
}
