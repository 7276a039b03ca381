package dev.tinynn.report;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkResult;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.Standardization;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.io.AtomicFile;
import dev.tinynn.io.SavedNetwork;
import dev.tinynn.plot.TrainPlot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tinynn train --hidden … --report FILE.html}: the network's training on one self-contained
 * page, written like {@link TrainingReport} (same checks, template-plus-JSON, atomic write, nothing
 * loaded from the network). It shows the loss per epoch; for two inputs, the decision region at
 * {@value #FRAMES} epochs that a slider steps through; and the trained layers' weights and every
 * row's p.
 *
 * <p>The training loop sends no weights for a network, so the frames come from training again in
 * segments from the same start: an epoch depends only on the weights before it, so the network
 * after k epochs is exactly the full run's (the last frame is the trained network, bit for bit).
 */
public final class NetworkTrainingReport {
    private static final String TEMPLATE = "network-report.html";
    /** Epochs shown with their decision region: the start, the end and four between. */
    static final int FRAMES = 6;
    /** Cells per side of each frame's region: enough to see the shape, few enough to keep the file small. */
    static final int CELLS = 24;

    private NetworkTrainingReport() {
    }

    /** The network after {@code epochs} epochs, its loss over all rows, and (two inputs only) its p grid. */
    public record Frame(int epochs, double loss, double[][] region) {
    }

    /** What the page is made from. */
    public record Run(NetworkResult result, Dataset raw, Standardization scaling, String label, double threshold,
            List<Frame> frames) {
    }

    /**
     * The frames of {@code result}: after 0 epochs (the start), after all of them, and evenly between,
     * by training {@code backend} again from the result's start in segments (see the class comment).
     */
    public static List<Frame> frames(Backend backend, NetworkResult result, Dataset raw, Standardization scaling) {
        TrainingConfig config = result.config();
        double[] box = raw.features() == 2 ? TrainPlot.regionBox(raw) : null;
        List<Frame> frames = new ArrayList<>();
        Network network = result.initial();
        int done = 0;
        for (int epochs : EpochFrames.epochsToKeep(config.epochs() + 1, FRAMES)) {
            double loss;
            if (epochs == 0) {
                loss = NetworkTrainer.gradient(backend, result.data(), network, config.loss()).loss();
            } else {
                NetworkResult part = NetworkTrainer.train(backend, result.data(), config.withEpochs(epochs - done),
                        network, TrainingListener.NONE);
                network = part.network();
                loss = part.finalLoss();
            }
            done = epochs;
            frames.add(new Frame(epochs, loss, box == null ? null : TrainPlot.region(box, scaling, network, CELLS)));
        }
        return frames;
    }

    /** The whole page for {@code run}. */
    public static String html(Run run) {
        return TrainingReport.page(TEMPLATE, Data.of(run));
    }

    /** Adds the page at {@code target} to {@code batch}, which writes it with the run's other outputs. */
    public static void write(AtomicFile.Batch batch, Path target, Run run) throws IOException {
        TrainingReport.write(batch, target, html(run));
    }

    /** The JSON the page reads; the field names are the script's. */
    record Data(String data, List<String> features, List<String> axisTitles, String label, double[][] rows,
            double[] labels, TrainingReport.Scaling scaling, double threshold, String backend, String loss,
            String updates, double learningRate, int epochs, int[] hidden, String activation,
            TrainingReport.Curve lossCurve, double[] box, List<Frame> frames, List<SavedNetwork.Layer> layers,
            double[] probabilities, double finalLoss, int rowsRight) {

        static Data of(Run run) {
            NetworkResult result = run.result();
            TrainingConfig config = result.config();
            Dataset raw = run.raw();
            Network trained = result.network();
            return new Data(raw.name(), raw.featureNames(), TrainingReport.axisTitles(raw), run.label(),
                    TrainingReport.rows(raw), raw.labels(), TrainingReport.Scaling.of(run.scaling()), run.threshold(),
                    result.backend(), config.loss().id(), config.updates().id(), config.learningRate(),
                    config.epochs(), trained.hidden(), trained.activation().id(),
                    TrainingReport.Curve.of(result.lossHistory()), raw.features() == 2 ? TrainPlot.regionBox(raw) : null,
                    run.frames(), SavedNetwork.Layer.of(trained), result.probabilities(), result.finalLoss(),
                    result.rowsRight(run.threshold()));
        }
    }
}
