package dev.tinynn.cli;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.text.Numbers;
import dev.tinynn.text.Neuron;
import dev.tinynn.text.Warnings;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Decision;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingDivergedException;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.plot.Charts;
import dev.tinynn.plot.PlotFile;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
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
 * (0.5 to 0.6 by default).
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

    /** One learning rate's run: the losses it recorded, and its result, or the epoch where it diverged. */
    private record Run(double learningRate, List<Double> losses, TrainingResult result, Integer divergedAt) {
    }

    @Override
    public Integer call() throws java.io.IOException {
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
            new dev.tinynn.io.Outputs().input("--data", options.data.data).output("--plot", plot, plotTo.path());
        }
        TrainingData trainingData = options.data(spec, progress, false);
        Dataset data = trainingData.data();
        List<TrainingConfig> configs = new ArrayList<>();
        for (double lr : learningRates) {
            configs.add(options.config(spec, data, lr));
        }
        Backend backend = backendOption.backend(spec);
        trainingData.oneClassWarning().ifPresent(warning -> TrainCommand.warn(spec, warning));

        List<Run> runs = new ArrayList<>();
        try (Interrupt interrupt = Interrupt.during();
                TrainingProgress bar = new TrainingProgress("lab", (long) options.epochs * configs.size(),
                        progress, false, interrupt)) {
            for (TrainingConfig config : configs) {
                runs.add(run(backend, data, config, bar));
                bar.skipTo((long) runs.size() * options.epochs);
            }
            if (interrupt.requested()) {
                throw new dev.tinynn.core.TrainingStoppedException(options.epochs, options.epochs, Double.NaN);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        TrainingConfig first = configs.get(0);
        out.printf("tinynn lab: the same neuron trained with %d learning rates, side by side%n%n", runs.size());
        out.printf("  data      %s: %d rows; input %s%s%n", data.name(), data.rows(),
                String.join(", ", data.featureNames()), trainingData.scaling() == null ? "" : " (as z-scores)");
        out.printf("  training  %d epochs of %s updates, %s loss, from %s, b = %s; backend %s%n%n", first.epochs(),
                first.updates(), first.loss(), weights(new Neuron(data), first.initialWeightsFor(data)),
                num(first.initialBias()), backend.name());
        lossTable(out, runs, first);
        learned(out, runs, new Neuron(data));
        warnings(out, runs, trainingData);
        thresholds(out, runs, trainingData.raw());
        if (plotTo != null) {
            plotTo.write(List.of(plot(runs, data, first)));
            out.printf("%n  plotted   the loss curves to %s%n", dev.tinynn.io.TextFiles.oneLine(plot));
        }
        out.flush();
        if (runs.stream().allMatch(run -> run.result() == null)) {
            Run last = runs.stream().max(java.util.Comparator.comparingInt(Run::divergedAt)).orElseThrow();
            TrainCommand.warn(spec, "every learning rate diverged (training diverged at epoch " + last.divergedAt()
                    + " with lr " + num(last.learningRate()) + ", the last to go), so no run learned a model; try"
                    + " smaller rates, such as --learning-rates " + smaller(learningRates));
            return 1;
        }
        return 0;
    }

    /** The loss curves, one per learning rate; a run that diverged stops where its loss stopped being a number. */
    private static XYChart plot(List<Run> runs, Dataset data, TrainingConfig config) {
        List<Charts.LossCurve> curves = new ArrayList<>();
        for (Run run : runs) {
            double[] losses = run.losses().stream().mapToDouble(Double::doubleValue).toArray();
            curves.add(new Charts.LossCurve("learning rate " + num(run.learningRate())
                    + (run.result() == null ? ", diverged at epoch " + run.divergedAt() : ""), losses));
        }
        return Charts.lossCurves(data.name() + ": " + config.updates() + " updates at " + runs.size()
                + (runs.size() == 1 ? " learning rate" : " learning rates"), config.loss().id(), curves);
    }

    private static Run run(Backend backend, Dataset data, TrainingConfig config, TrainingListener progress) {
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
            return new Run(config.learningRate(), losses, Trainer.train(backend, data, config, record), null);
        } catch (TrainingDivergedException e) {
            return new Run(config.learningRate(), losses, null, e.epoch());
        }
    }

    /** The rates a hundred times smaller: 0.5,5 becomes 0.005,0.05. */
    private static String smaller(double[] rates) {
        return String.join(",", Arrays.stream(rates).mapToObj(r -> num(r / 100)).toArray(String[]::new));
    }

    private void lossTable(PrintWriter out, List<Run> runs, TrainingConfig config) {
        int epochs = config.epochs();
        int step = every != null ? every : Math.max(1, epochs / 10);
        out.printf("  mean %s loss, every %d %s%n", config.loss(), step, step == 1 ? "epoch" : "epochs");
        StringBuilder header = new StringBuilder(String.format("  %7s", "epoch"));
        for (Run run : runs) {
            header.append(String.format("  %14s", "lr " + num(run.learningRate())));
        }
        out.println(header);
        for (int e = 0; e < epochs; e++) {
            if (e % step == 0 || e == epochs - 1) {
                StringBuilder line = new StringBuilder(String.format("  %7d", e));
                for (Run run : runs) {
                    line.append(String.format("  %14s", e < run.losses().size() ? num(run.losses().get(e))
                            : e == run.losses().size() ? "diverged" : ""));
                }
                out.println(line);
            }
        }
        StringBuilder last = new StringBuilder(String.format("  %7s", "final"));
        for (Run run : runs) {
            last.append(String.format("  %14s", run.result() == null ? "—" : num(run.result().finalLoss())));
        }
        out.println(last.append('\n'));
    }

    private static void learned(PrintWriter out, List<Run> runs, Neuron neuron) {
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            String name = String.format("%-9s %-8s", r == 0 ? "learned" : "", "lr " + num(run.learningRate()));
            out.printf("  %s  %s%n", name, run.result() == null
                    ? "diverged at epoch " + run.divergedAt() + ": the steps overshoot further each time"
                    : weights(neuron, run.result().weights()) + ", b = " + num(run.result().bias()));
        }
        out.println("            a larger rate takes larger steps: the loss falls faster, until the steps overshoot");
        out.println();
    }

    /** Core's diagnoses of each run that finished, each line naming its learning rate. */
    private static void warnings(PrintWriter out, List<Run> runs, TrainingData data) {
        boolean any = false;
        for (Run run : runs) {
            if (run.result() == null) {
                continue;
            }
            for (String line : Warnings.of(run.result(), data::rowName, "--learning-rates")) {
                out.println(Warnings.PREFIX + "lr " + num(run.learningRate()) + ": "
                        + line.substring(Warnings.PREFIX.length()));
                any = true;
            }
        }
        if (any) {
            out.println();
        }
    }

    private static String weights(Neuron neuron, double[] w) {
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < w.length; j++) {
            text.append(j == 0 ? "" : ", ").append(neuron.weightName(j)).append(" = ").append(num(w[j]));
        }
        return text.toString();
    }

    /** Each row's p under each run, its decision at each threshold, and which decisions flip. */
    private void thresholds(PrintWriter out, List<Run> runs, Dataset raw) {
        StringBuilder cut = new StringBuilder();
        for (int k = 0; k < thresholds.length; k++) {
            cut.append(k == 0 ? "" : k == thresholds.length - 1 ? " and " : ", ").append(num(thresholds[k]));
        }
        out.printf("  thresholds  Pass when p ≥ %s%n", cut);
        int width = Math.max(input(raw).length(), values(raw.row(0)).length());
        for (int i = 0; i < raw.rows(); i++) {
            width = Math.max(width, values(raw.row(i)).length());
        }
        String columns = "  %4s  %-" + width + "s %5s";
        StringBuilder header = new StringBuilder(String.format(columns, "row", input(raw), "label"));
        for (Run run : runs) {
            header.append(String.format("   %12s", "lr " + num(run.learningRate()) + ": p"));
            for (double t : thresholds) {
                header.append(String.format(" %5s", num(t)));
            }
        }
        out.println(header);
        for (int i = 0; i < raw.rows(); i++) {
            StringBuilder line = new StringBuilder(String.format(columns, i + 1, values(raw.row(i)), num(raw.y(i))));
            for (Run run : runs) {
                if (run.result() == null) {
                    line.append(String.format("   %12s", "—")).append(" ".repeat(6 * thresholds.length));
                    continue;
                }
                double p = run.result().probabilities()[i];
                line.append(String.format("   %12s", num(p, 6)));
                for (double t : thresholds) {
                    line.append(String.format(" %5s", Decision.of(p, t)));
                }
            }
            out.println(line);
        }
        for (int k = 1; k < thresholds.length; k++) {
            out.printf("  at %s instead of %s:%n", num(thresholds[k]), num(thresholds[0]));
            for (Run run : runs) {
                out.printf("    lr %-8s %s%n", num(run.learningRate()), flips(run, raw, thresholds[0], thresholds[k]));
            }
        }
    }

    private static String flips(Run run, Dataset raw, double from, double to) {
        if (run.result() == null) {
            return "diverged, no model";
        }
        List<String> flipped = new ArrayList<>();
        for (int i = 0; i < raw.rows(); i++) {
            double p = run.result().probabilities()[i];
            Decision before = Decision.of(p, from);
            Decision after = Decision.of(p, to);
            if (before != after) {
                boolean right = after.isRightFor(raw.y(i));
                flipped.add("row " + (i + 1) + " " + values(raw.row(i)) + " " + before + " → " + after + " (p "
                        + num(p, 6) + ", label " + num(raw.y(i)) + ": now " + (right ? "right" : "wrong") + ")");
            }
        }
        return flipped.isEmpty() ? "no row changes its decision" : String.join("; ", flipped);
    }

    private static String input(Dataset raw) {
        return raw.features() == 1 ? raw.featureNames().get(0) : "(" + String.join(", ", raw.featureNames()) + ")";
    }

    private static String values(double[] row) {
        String[] text = Arrays.stream(row).mapToObj(Numbers::num).toArray(String[]::new);
        return row.length == 1 ? text[0] : "(" + String.join(", ", text) + ")";
    }
}
