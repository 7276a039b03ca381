package dev.tinynn.plot;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.text.LearningRateRun;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/** What {@code tinynn lab --plot} draws: the loss curves of every learning rate, side by side. */
public final class LabPlot {
    private LabPlot() {
    }

    /** The loss curves, one per learning rate; a run that diverged stops where its loss stopped being a number. */
    public static XYChart lossCurves(List<LearningRateRun> runs, Dataset data, TrainingConfig config) {
        List<LossChart.LossCurve> curves = new ArrayList<>();
        for (LearningRateRun run : runs) {
            double[] losses = run.losses().stream().mapToDouble(Double::doubleValue).toArray();
            curves.add(new LossChart.LossCurve("learning rate " + num(run.learningRate())
                    + (run.result() == null ? ", diverged at epoch " + run.divergedAt() : ""), losses));
        }
        return LossChart.lossCurves(data.name() + ": " + config.updates() + " updates at " + runs.size()
                + (runs.size() == 1 ? " learning rate" : " learning rates"), config.loss().id(), curves);
    }
}
