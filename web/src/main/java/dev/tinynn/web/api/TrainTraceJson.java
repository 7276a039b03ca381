package dev.tinynn.web.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * {@code GET /api/train}: the keys of {@code tinynn train --json} ({@link TrainJson}, written flat at
 * the start of the object), then each row's p, the one-input boundary (null with more inputs), and
 * the trace the pages replay: every row's step in the first epochs and every epoch's end, the same
 * numbers {@code tinynn train --trace} writes out.
 */
public record TrainTraceJson(@JsonUnwrapped TrainJson run, double[] probabilities, Double boundary,
        List<RowStep> rowSteps, List<EpochEnd> epochEnds) {

    /** One row's online step: the neuron before, z, p, the error, δ, the step and the neuron after. */
    public record RowStep(int epoch, int row, double[] x, double y, double[] weightsBefore, double biasBefore,
            double z, double p, double error, double delta, double step, double squaredError, double[] weightsAfter,
            double biasAfter) {
    }

    /** An epoch's end: the neuron, the loss trained on and the tutorial's summed squared error Σ(y − p)². */
    public record EpochEnd(int epoch, double[] weights, double bias, double loss, double tutorialLoss) {
    }
}
