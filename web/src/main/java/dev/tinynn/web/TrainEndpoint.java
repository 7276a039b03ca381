package dev.tinynn.web;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Decision;
import dev.tinynn.core.EpochEvent;
import dev.tinynn.core.Loss;
import dev.tinynn.core.RowEvent;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingDivergedException;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.Updates;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.Examples;
import dev.tinynn.lesson.TutorialLoss;
import dev.tinynn.web.api.TrainJson;
import dev.tinynn.web.api.TrainTraceJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/train} (page 5's Retrain, and the pages' replays): one neuron trained by core on
 * the chosen backend, answered as {@code tinynn train --json}'s object ({@link TrainJson}) plus its
 * trace, every row's step in the first one or two epochs and every epoch's end, the numbers
 * {@code tinynn train --trace} writes out. The settings are query parameters with the tutorial's
 * defaults ({@code data, backend, loss, updates, lr, epochs, w0, b0, rowEpochs}); the learning rate
 * and epochs are bounded by {@link TrainLimits}, so that one request answers at once.
 */
final class TrainEndpoint {
    private final BackendCache backends;

    TrainEndpoint(BackendCache backends) {
        this.backends = backends;
    }

    /**
     * @throws TrainLimits.OutOfRange for a learning rate or number of epochs refused
     * @throws IllegalArgumentException for any other setting refused, or training that diverged, in one sentence
     */
    TrainTraceJson train(Query query) {
        TrainLimits.check(query);
        Backend backend = backends.of(query);
        Dataset data = Datasets.named(query.text("data", "study-hours"));
        double[] start = new double[data.features()];
        Arrays.fill(start, Examples.START_W);
        String given = query.text("w0", null);
        if (given != null) {
            start = Arrays.stream(given.split(",")).mapToDouble(Query::parse).toArray();
        }
        TrainingConfig config = new TrainingConfig(Loss.byId(query.text("loss", "cross-entropy")),
                Updates.byId(query.text("updates", "online")), query.number("lr", 0.1),
                (int) query.number("epochs", 1000), null, query.number("b0", Examples.START_B)).withInitialWeights(start);
        int rowEpochs = (int) Math.min(2, Math.max(1, query.number("rowEpochs", 1)));
        List<TrainTraceJson.RowStep> steps = new ArrayList<>();
        List<TrainTraceJson.EpochEnd> ends = new ArrayList<>();
        TutorialLoss tutorialLoss = new TutorialLoss(data, config.epochs());
        TrainingListener trace = new TrainingListener() {
            @Override
            public void onRow(RowEvent e) {
                if (e.epoch() < rowEpochs) {
                    steps.add(new TrainTraceJson.RowStep(e.epoch(), e.row(), e.x(), e.y(), e.weightsBefore(),
                            e.biasBefore(), e.z(), e.p(), e.error(), e.delta(), e.step(),
                            Loss.SQUARED_ERROR.of(e.z(), e.p(), e.y()), e.weightsAfter(), e.biasAfter()));
                }
            }

            @Override
            public void onEpoch(EpochEvent e) {
                tutorialLoss.onEpoch(e);
                ends.add(new TrainTraceJson.EpochEnd(e.epoch(), e.weightsAfter(), e.biasAfter(), e.loss(),
                        tutorialLoss.perEpoch()[e.epoch()]));
            }
        };
        TrainingResult result;
        try {
            result = Trainer.train(backend, data, config, trace);
        } catch (TrainingDivergedException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new TrainTraceJson(TrainJson.of(result, Decision.DEFAULT_THRESHOLD), result.probabilities(),
                data.features() == 1 ? result.model().boundary(Decision.DEFAULT_THRESHOLD) : null, steps, ends);
    }
}
