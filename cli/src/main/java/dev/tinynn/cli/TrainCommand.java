package dev.tinynn.cli;

import dev.tinynn.lesson.TutorialLoss;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.EpochEvent;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkResult;
import dev.tinynn.core.RowEvent;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.TrainingStoppedException;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.io.AtomicFile;
import dev.tinynn.io.ModelFile;
import dev.tinynn.io.Outputs;
import dev.tinynn.io.SavedModel;
import dev.tinynn.io.SavedNetwork;
import dev.tinynn.io.TextFiles;
import dev.tinynn.plot.PlotFile;
import dev.tinynn.plot.TrainPlot;
import dev.tinynn.report.EpochFrames;
import dev.tinynn.report.NetworkTrainingReport;
import dev.tinynn.report.TrainingReport;
import dev.tinynn.text.Bar;
import dev.tinynn.text.NetworkExplanation;
import dev.tinynn.text.NeuronExplanation;
import dev.tinynn.text.Trace;
import dev.tinynn.text.TrainingData;
import dev.tinynn.text.TrainingProgress;
import dev.tinynn.web.api.TrainJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tinynn train}: trains one neuron (or, with --hidden, a network) and explains the result. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains one neuron and explains what it learned.",
            "With no options: the tutorial's page-4 loop on study-hours (add --initial-weights 0.1 for its exact start).",
            "With --hidden: a network with hidden layers, such as --data xor --hidden 4."})
final class TrainCommand implements Callable<Integer> {
    /**
     * The most epochs --trace writes out: each is up to ten rows of seven lines, so 100 epochs are
     * some 7,000 lines, more than anyone reads; the loss of every epoch is in --report's page.
     */
    static final int MAX_TRACE_EPOCHS = 100;

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions options;

    @Mixin
    NetworkOptions network;

    @Mixin
    BackendOption backendOption;

    @Mixin
    LearningRateOption learningRate;

    @Mixin
    ProgressOption progress;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Pass when p >= T; between 0 and 1 (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--trace",
            description = "Print every multiplication, sum, sigmoid, error and update of the first epochs.")
    boolean trace;

    @Option(names = "--trace-epochs", paramLabel = "N", defaultValue = "1",
            description = "How many epochs --trace writes out, at most " + MAX_TRACE_EPOCHS
                    + " (default: ${DEFAULT-VALUE}).")
    int traceEpochs;

    @Option(names = "--json", description = "Print one JSON object instead of the explanation.")
    boolean json;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Save the trained model as JSON, for 'tinynn predict --model FILE'. The old file, if any, "
                    + "is replaced in one step, never left half-written.")
    String save;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Draw the loss per epoch and what the neuron learned (the sigmoid through the data for one "
                    + "input, the decision line for two; for a network, the decision region) into FILE.png or FILE.svg.")
    String plot;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write FILE.html, one self-contained page that replays training: the neuron with its "
                    + "numbers, the loss curve and the data, with a slider and a play button over the epochs.")
    String report;

    @Override
    public Integer call() throws Exception {
        UsageErrors.checkThreshold(spec, "--threshold", threshold);
        if (trace && json) {
            throw new ParameterException(spec.commandLine(),
                    "--trace and --json cannot be combined: --json prints the JSON object alone");
        }
        if (traceEpochs < 0 || traceEpochs > MAX_TRACE_EPOCHS) {
            throw new ParameterException(spec.commandLine(), "--trace-epochs must be between 0 and "
                    + MAX_TRACE_EPOCHS + ", got " + traceEpochs + "; to follow the loss of every epoch, write a"
                    + " report with --report FILE.html (or use --json)");
        }
        network.check(spec);
        if (network.network() && trace) {
            throw new ParameterException(spec.commandLine(), "--trace follows the one neuron's arithmetic; a network's"
                    + " is not written out yet: leave out --trace (the loss and every weight are printed, --json has them"
                    + " all, and --report FILE.html shows the training)");
        }
        // Every output is checked against the data and the others before anything is read or trained.
        Outputs outputs = DataOptions.isFile(options.data.data)
                ? new Outputs().input("--data", options.data.data) : new Outputs();
        Path saveTo = save == null ? null : outputs.output("--save", save, ModelFile.checkWritable(save));
        PlotFile plotTo = plot == null ? null : PlotFile.check(plot);
        if (plotTo != null) {
            outputs.output("--plot", plot, plotTo.path());
        }
        Path reportTo = report == null ? null : outputs.output("--report", report, TrainingReport.check(report));
        TrainingData trainingData = options.data(spec, progress, json);
        Dataset data = trainingData.data();
        TrainingConfig config = options.config(spec, data, learningRate.value);
        Backend backend = backendOption.backend(spec);
        PrintWriter out = spec.commandLine().getOut();
        trainingData.oneClassWarning().ifPresent(warning -> warn(spec, warning));
        if (network.network()) {
            return trainNetwork(trainingData, network.config(spec, config), backend, out, saveTo, plotTo, reportTo);
        }

        NeuronExplanation explanation = new NeuronExplanation(out, trainingData, config, backend, threshold);
        if (!json) {
            explanation.settings();
        }
        TutorialLoss tutorialLoss = new TutorialLoss(data, config.epochs());
        EpochFrames frames = reportTo == null ? null : new EpochFrames(config.epochs(), EpochFrames.MAX_FRAMES);
        List<TrainingListener> listeners = new ArrayList<>();
        if (this.trace) {
            listeners.add(new Trace(out, data, config, traceEpochs));
        }
        if (!json) {
            listeners.add(tutorialLoss);
        }
        if (frames != null) {
            listeners.add(frames);
        }
        TrainingResult result;
        try (Interrupt interrupt = Interrupt.during();
                TrainingProgress bar = new TrainingProgress("train", config.epochs(),
                        trace && !progress.fromTheStart() ? Bar.Drawing.NEVER : progress.drawing(json),
                        interrupt::requested)) {
            listeners.add(bar);
            result = AdvisedTraining.train(backend, trainingData, config, all(listeners));
            if (interrupt.requested()) { // pressed as the last epoch ended: still nothing is saved
                throw new TrainingStoppedException(config.epochs(), config.epochs(), result.lossHistory()[config.epochs() - 1]);
            }
        }
        try (AtomicFile.Batch written = new AtomicFile.Batch()) { // all outputs or none
            if (saveTo != null) {
                ModelFile.save(written, saveTo, SavedModel.of(result, threshold, trainingData.scaling(),
                        trainingData.label()));
            }
            if (plotTo != null) {
                plotTo.write(written, TrainPlot.charts(trainingData.raw(), trainingData.scaling(), result, threshold));
            }
            if (reportTo != null) {
                TrainingReport.write(written, reportTo, new TrainingReport.Run(result, trainingData.raw(),
                        trainingData.scaling(), trainingData.label(), threshold, frames.frames()));
            }
            written.commit();
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(TrainJson.of(result, threshold)));
        } else {
            explanation.result(result, tutorialLoss.perEpoch());
            if (saveTo != null) {
                out.printf("  saved     the model to %s; try: tinynn predict --model %s VALUE…%n", TextFiles.oneLine(save),
                        TextFiles.oneLine(save));
            }
            if (plotTo != null) {
                out.printf("  plotted   the loss and %s to %s%n", data.features() == 1 ? "the fitted sigmoid"
                        : data.features() == 2 ? "the decision line" : "every row by its raw score", TextFiles.oneLine(plot));
            }
            if (reportTo != null) {
                out.printf("  report    %s: open it in a browser and press Play%n", TextFiles.oneLine(report));
            }
        }
        out.flush();
        return 0;
    }

    /** {@code train --hidden …}: the network's run, printed or as JSON, and saved or plotted. */
    private int trainNetwork(TrainingData trainingData, TrainingConfig config, Backend backend, PrintWriter out,
            Path saveTo, PlotFile plotTo, Path reportTo) throws Exception {
        Network start = network.start(trainingData.data());
        NetworkExplanation explanation = new NetworkExplanation(out, trainingData, config, backend, threshold);
        if (!json) {
            explanation.settings(start, network.startSeed());
        }
        NetworkResult result;
        try (Interrupt interrupt = Interrupt.during();
                TrainingProgress bar = new TrainingProgress("train", config.epochs(), progress.drawing(json),
                        interrupt::requested)) {
            result = AdvisedTraining.train(backend, trainingData, config, start, bar);
            if (interrupt.requested()) {
                throw new TrainingStoppedException(config.epochs(), config.epochs(),
                        result.lossHistory()[config.epochs() - 1]);
            }
        }
        try (AtomicFile.Batch written = new AtomicFile.Batch()) { // all outputs or none
            if (saveTo != null) {
                ModelFile.save(written, saveTo, SavedNetwork.of(result, threshold, trainingData.scaling(),
                        trainingData.label(), network.zeros() ? null : network.seed));
            }
            if (plotTo != null) {
                plotTo.write(written, TrainPlot.network(trainingData.raw(), trainingData.scaling(), result, threshold));
            }
            if (reportTo != null) {
                NetworkTrainingReport.write(written, reportTo, new NetworkTrainingReport.Run(result, trainingData.raw(),
                        trainingData.scaling(), trainingData.label(), threshold, NetworkTrainingReport.frames(backend,
                                result, trainingData.raw(), trainingData.scaling())));
            }
            written.commit();
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(NetworkJson.of(result, threshold, network.zeros() ? null : network.seed)));
        } else {
            explanation.result(result);
            if (saveTo != null) {
                out.printf("  saved     the network to %s; try: tinynn predict --model %s VALUE…%n",
                        TextFiles.oneLine(save), TextFiles.oneLine(save));
            }
            if (plotTo != null) {
                out.printf("  plotted   the loss and the decision region to %s%n", TextFiles.oneLine(plot));
            }
            if (reportTo != null) {
                out.printf("  report    %s: open it in a browser and step through the epochs%n",
                        TextFiles.oneLine(report));
            }
        }
        out.flush();
        return 0;
    }

    /**
     * The --json object of a network: the neuron's keys (weights and bias are the output neuron's,
     * over the last hidden layer's units) and hidden, activation, seed (null for --init zeros),
     * initialLayers and layers, so that the run can be redone from its JSON and its data.
     */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"backend", "data", "loss", "updates", "learningRate", "epochs",
        "weights", "bias", "finalLoss", "accuracy", "hidden", "activation", "seed", "initialLayers", "layers"})
    record NetworkJson(String backend, String data, String loss, String updates, double learningRate, int epochs,
            double[] weights, double bias, double finalLoss, double accuracy, int[] hidden, String activation, Long seed,
            List<SavedNetwork.Layer> initialLayers, List<SavedNetwork.Layer> layers) {

        static NetworkJson of(NetworkResult result, double threshold, Long seed) {
            TrainingConfig config = result.config();
            Network trained = result.network();
            Network.Layer output = trained.layers().get(trained.layers().size() - 1);
            return new NetworkJson(result.backend(), result.data().name(), config.loss().id(), config.updates().id(),
                    config.learningRate(), config.epochs(), output.weights()[0], output.biases()[0], result.finalLoss(),
                    result.accuracy(threshold), trained.hidden(), trained.activation().id(), seed,
                    SavedNetwork.Layer.of(result.initial()), SavedNetwork.Layer.of(trained));
        }
    }

    /** One listener that passes every event on to each of {@code listeners}, in order. */
    static TrainingListener all(List<TrainingListener> listeners) {
        if (listeners.isEmpty()) {
            return TrainingListener.NONE;
        }
        return new TrainingListener() {
            @Override
            public void onRow(RowEvent event) {
                listeners.forEach(listener -> listener.onRow(event));
            }

            @Override
            public void onEpoch(EpochEvent event) {
                listeners.forEach(listener -> listener.onEpoch(event));
            }

            @Override
            public void onEpochDone(int epoch, double loss) {
                listeners.forEach(listener -> listener.onEpochDone(epoch, loss));
            }

            @Override
            public boolean wantsEvents() {
                return listeners.stream().anyMatch(TrainingListener::wantsEvents);
            }

            @Override
            public boolean stopRequested() {
                return listeners.stream().anyMatch(TrainingListener::stopRequested);
            }
        };
    }

    /** One line on stderr that does not stop the command: {@code tinynn train: warning: …}. */
    static void warn(CommandSpec spec, String warning) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + warning);
        spec.commandLine().getErr().flush();
    }
}
