package dev.tinynn.web.api;

import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;

/**
 * One neuron's training run as {@code tinynn train --json} prints it and {@code GET /api/train}
 * begins its answer ({@link TrainTraceJson}); the key names are part of the interface: scripts read
 * them. It lives in the web module because the program ({@code cli}) depends on the web module, not
 * the other way round.
 */
public record TrainJson(String backend, String data, String loss, String updates, double learningRate, int epochs,
        double[] weights, double bias, double finalLoss, double accuracy) {

    /** The run's settings and result; {@code accuracy} counts a row right when p ≥ {@code threshold} means its label. */
    public static TrainJson of(TrainingResult result, double threshold) {
        TrainingConfig config = result.config();
        return new TrainJson(result.backend(), result.data().name(), config.loss().id(), config.updates().id(),
                config.learningRate(), config.epochs(), result.weights(), result.bias(), result.finalLoss(),
                result.accuracy(threshold));
    }
}
