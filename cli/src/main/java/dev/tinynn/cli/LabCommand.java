package dev.tinynn.cli;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingDivergedException;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.TrainingStoppedException;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.io.Outputs;
import dev.tinynn.io.TextFiles;
import dev.tinynn.plot.LabPlot;
import dev.tinynn.plot.PlotFile;
import dev.tinynn.text.LearningRateLab;
import dev.tinynn.text.LearningRateRun;
import dev.tinynn.text.ThresholdExperiment;
import dev.tinynn.text.TrainingData;
import dev.tinynn.text.TrainingProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tinynn lab}: the completion page's experiments. The learning-rate lab trains the same
 * neuron, from the same start, with several learning rates and prints their losses side by side;
 * the threshold experiment then asks which rows change their decision when the cut-off moves
 * (0.5 to 0.6 by default). This class trains; {@link LearningRateLab} and {@link ThresholdExperiment}
 * print the results and {@link LabPlot} draws them.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"The learning-rate lab: the same neuron trained with several learning rates, the loss per "
            + "epoch side by side; then which rows flip when the threshold moves.",
            "With no options: study-hours with learning rates 0.01 (too slow to finish), 0.1, 0.5 and 5 (overshoots), "
                    + "thresholds 0.5 and 0.6."})
final class LabCommand implements Callable<Integer> {
    private static final int MAX_COLUMNS = 8;

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions options;

    @Mixin
    BackendOption backendOption;

    @Mixin
    ProgressOption progress;

    @Option(names = "--learning-rates", paramLabel = "LR", split = ",", defaultValue = "0.01,0.1,0.5,5",
            description = "The learning rates to compare, comma-separated, at most " + MAX_COLUMNS
                    + " (default: ${DEFAULT-VALUE}).")
    double[] learningRates;

    @Option(names = "--every", paramLabel = "K",
            description = "Print the loss every K epochs (default: a tenth of --epochs); the last epoch always.")
    Integer every;

    @Option(names = "--thresholds", paramLabel = "T", split = ",", defaultValue = "0.5,0.6",
            description = "Thresholds to compare: which rows flip from the first to each other one? "
                    + "Each between 0 and 1 (default: ${DEFAULT-VALUE}).")
    double[] thresholds;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Draw the loss per epoch of every learning rate, one curve each, into FILE.png or FILE.svg.")
    String plot;

    @Override
    public Integer call() throws IOException {
        if (learningRates.length > MAX_COLUMNS || thresholds.length > MAX_COLUMNS) {
            throw new ParameterException(spec.commandLine(), "compare at most " + MAX_COLUMNS
                    + " learning rates and " + MAX_COLUMNS + " thresholds at a time, so that the table fits");
        }
        for (double t : thresholds) {
            UsageErrors.checkThreshold(spec, "--thresholds", t);
        }
        if (every != null && every < 1) {
            throw new ParameterException(spec.commandLine(), "--every must be 1 or more, got " + every);
        }
        PlotFile plotTo = plot == null ? null : PlotFile.check(plot);
        if (plotTo != null && DataOptions.isFile(options.data.data)) {
            new Outputs().input("--data", options.data.data).output("--plot", plot, plotTo.path());
        }
        TrainingData trainingData = options.data(spec, progress, false);
        Dataset data = trainingData.data();
        List<TrainingConfig> configs = new ArrayList<>();
        for (double lr : learningRates) {
            configs.add(options.config(spec, data, lr));
        }
        Backend backend = backendOption.backend(spec);
        trainingData.oneClassWarning().ifPresent(warning -> TrainCommand.warn(spec, warning));

        List<LearningRateRun> runs = new ArrayList<>();
        try (Interrupt interrupt = Interrupt.during();
                TrainingProgress bar = new TrainingProgress("lab", (long) options.epochs * configs.size(),
                        progress.drawing(false), interrupt::requested)) {
            for (TrainingConfig config : configs) {
                runs.add(run(backend, data, config, bar));
                bar.skipTo((long) runs.size() * options.epochs);
            }
            if (interrupt.requested()) {
                throw new TrainingStoppedException(options.epochs, options.epochs, Double.NaN);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        TrainingConfig first = configs.get(0);
        LearningRateLab.print(out, trainingData, runs, first, backend, every);
        ThresholdExperiment.print(out, runs, trainingData.raw(), thresholds);
        if (plotTo != null) {
            plotTo.write(List.of(LabPlot.lossCurves(runs, data, first)));
            out.printf("%n  plotted   the loss curves to %s%n", TextFiles.oneLine(plot));
        }
        out.flush();
        if (runs.stream().allMatch(run -> run.result() == null)) {
            LearningRateRun last = runs.stream().max(Comparator.comparingInt(LearningRateRun::divergedAt)).orElseThrow();
            TrainCommand.warn(spec, "every learning rate diverged (training diverged at epoch " + last.divergedAt()
                    + " with lr " + num(last.learningRate()) + ", the last to go), so no run learned a model; try"
                    + " smaller rates, such as --learning-rates " + smaller(learningRates));
            return 1;
        }
        return 0;
    }

    /** One learning rate's run, recording the loss of every epoch; a run that diverges keeps those before. */
    private static LearningRateRun run(Backend backend, Dataset data, TrainingConfig config,
            TrainingListener progress) {
        List<Double> losses = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onEpochDone(int epoch, double loss) {
                losses.add(loss);
                progress.onEpochDone(epoch, loss);
            }

            @Override
            public boolean wantsEvents() {
                return false;
            }

            @Override
            public boolean stopRequested() {
                return progress.stopRequested();
            }
        };
        try {
            return new LearningRateRun(config.learningRate(), losses, Trainer.train(backend, data, config, record), null);
        } catch (TrainingDivergedException e) {
            return new LearningRateRun(config.learningRate(), losses, null, e.epoch());
        }
    }

    /** The rates a hundred times smaller: 0.5,5 becomes 0.005,0.05. */
    private static String smaller(double[] rates) {
        return String.join(",", Arrays.stream(rates).mapToObj(r -> num(r / 100)).toArray(String[]::new));
    }
}
