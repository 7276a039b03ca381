package dev.tinynn.text;

import dev.tinynn.core.TrainingResult;
import java.util.List;

/**
 * One learning rate's run in {@code tinynn lab}: the losses it recorded, and its result, or the
 * epoch where it diverged.
 *
 * @param losses the loss of every epoch it finished
 * @param result what training produced; {@code null} when the run diverged
 * @param divergedAt the epoch where the run diverged; {@code null} when it finished
 */
public record LearningRateRun(double learningRate, List<Double> losses, TrainingResult result, Integer divergedAt) {
}
