package dev.tinynn.lesson;

import dev.tinynn.core.EpochEvent;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.Dataset;

/**
 * The loss the tutorial's loop prints: the squared error (y − p)² SUMMED over an epoch's rows, each
 * p taken just before that row's update (online) or from the epoch's forward pass (batch). It is
 * the same number whichever loss drives the updates, so a run can be compared with the tutorial's.
 */
public final class TutorialLoss implements TrainingListener {
    private final double[] y;
    private final double[] perEpoch;

    public TutorialLoss(Dataset data, int epochs) {
        this.y = data.labels();
        this.perEpoch = new double[epochs];
    }

    @Override
    public void onEpoch(EpochEvent epoch) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double miss = y[i] - epoch.p()[i];
            sum += miss * miss;
        }
        perEpoch[epoch.epoch()] = sum;
    }

    /** Entry e is epoch e. */
    public double[] perEpoch() {
        return perEpoch;
    }
}
