package dev.tinynn.report;

import dev.tinynn.core.EpochEvent;
import dev.tinynn.core.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Listens to training and keeps the weights, bias and loss after some of the epochs: every epoch
 * when there are at most {@code maxFrames}, otherwise {@code maxFrames} spread evenly, always the
 * first and the last. Thousands of epochs make a report of a few hundred frames, not thousands.
 */
public final class EpochFrames implements TrainingListener {
    /** The report's default: enough for a smooth animation, few enough to keep the file small. */
    public static final int MAX_FRAMES = 200;

    /** The state after one epoch. */
    public record Frame(int epoch, double[] weights, double bias, double loss) {
    }

    private final int[] kept;
    private final List<Frame> frames = new ArrayList<>();
    private int next;

    public EpochFrames(int epochs, int maxFrames) {
        this.kept = epochsToKeep(epochs, maxFrames);
    }

    /** The epochs kept of {@code epochs}: 0, …, epochs − 1, evenly spread, at most {@code maxFrames}, no repeats. */
    static int[] epochsToKeep(int epochs, int maxFrames) {
        if (maxFrames < 2) {
            throw new IllegalArgumentException("keep at least 2 frames (the first and the last), not " + maxFrames);
        }
        int count = Math.min(epochs, maxFrames);
        int[] kept = new int[count];
        for (int k = 0; k < count; k++) {
            kept[k] = count == 1 ? 0 : (int) Math.round((double) k * (epochs - 1) / (count - 1));
        }
        return kept;
    }

    @Override
    public void onEpoch(EpochEvent event) {
        if (next < kept.length && event.epoch() == kept[next]) {
            frames.add(new Frame(event.epoch(), event.weightsAfter().clone(), event.biasAfter(), event.loss()));
            next++;
        }
    }

    /** The frames kept so far, in epoch order. */
    public List<Frame> frames() {
        return List.copyOf(frames);
    }
}
