package dev.tinynn.cli;

import static dev.tinynn.text.Numbers.full;
import static dev.tinynn.text.Numbers.num;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkResult;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.text.NetworkExplanation;
import dev.tinynn.text.TrainingData;
import dev.tinynn.text.TrainingProgress;
import dev.tinynn.text.Warnings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tinynn compare}: the same model, the same settings, every backend; then how far each lands
 * from the plain backend, the reference. The times are one run each, after one untimed run that
 * pays for start-up (native libraries, the JIT): a rough guide, not a benchmark (the benchmarks
 * module measures speed properly).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Trains the same neuron (or, with --hidden, network) on every available backend and shows how"
                + " closely they agree.",
            "Differences are the largest absolute difference from the plain backend over the weights, the bias "
                    + "and the final loss."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions options;

    @Mixin
    LearningRateOption learningRate;

    @Mixin
    NetworkOptions network;

    @Mixin
    ProgressOption progress;

    @Option(names = "--json", description = "Print a JSON array, one object per backend, instead of the table.")
    boolean json;

    /** One backend's result; the field names are the --json keys. */
    record Row(String backend, String library, String version, double[] weights, double bias, double finalLoss,
            double maxAbsDifferenceFromPlain, double trainingMillis) {
    }

    /** The reference first, then the others by name. */
    private static List<Backend> plainFirst() {
        List<Backend> backends = new ArrayList<>(Backends.available());
        backends.sort(java.util.Comparator.comparing((Backend b) -> !b.name().equals(Backends.DEFAULT)));
        return backends;
    }

    @Override
    public Integer call() throws Exception {
        TrainingData trainingData = options.data(spec, progress, json);
        Dataset data = trainingData.data();
        network.check(spec);
        TrainingConfig config = options.config(spec, data, learningRate.value);
        if (network.network()) {
            return compareNetworks(trainingData, network.config(spec, config));
        }
        List<Backend> backends = plainFirst();
        List<Row> rows = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        TrainingResult reference;
        try (Interrupt interrupt = Interrupt.during();
                TrainingProgress bar = new TrainingProgress("compare", (long) config.epochs() * (1 + 2L * backends.size()),
                        progress.drawing(json), interrupt::requested)) {
            reference = AdvisedTraining.train(Backends.named(Backends.DEFAULT), trainingData, config, bar);
            for (Backend backend : backends) {
                try {
                    Trainer.train(backend, data, config, bar); // untimed: start-up and JIT
                } catch (IllegalStateException | LinkageError e) { // e.g. a native library that cannot load
                    unavailable.add(backend.name() + ": " + e.getMessage());
                    continue;
                }
                long start = System.nanoTime();
                TrainingResult result = Trainer.train(backend, data, config, bar);
                double millis = (System.nanoTime() - start) / 1e6;
                rows.add(new Row(backend.name(), backend.library(), backend.version(), result.weights(), result.bias(),
                        result.finalLoss(), maxAbsDifference(result, reference), millis));
            }
            if (interrupt.requested()) {
                throw new dev.tinynn.core.TrainingStoppedException(config.epochs(), config.epochs(),
                        reference.finalLoss());
            }
        }
        TrainingResult neuron = reference;
        return report(rows, unavailable, out -> {
            print(out, data, config, rows);
            List<String> warnings = Warnings.of(neuron, trainingData::rowName, "--learning-rate");
            if (!warnings.isEmpty()) {
                out.println();
                warnings.forEach(out::println);
            }
        });
    }

    /** The rows as JSON or as the table {@code table} prints, and a line on stderr per backend skipped. */
    private int report(List<Row> rows, List<String> unavailable, java.util.function.Consumer<PrintWriter> table)
            throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } else {
            table.accept(out);
        }
        for (String reason : unavailable) {
            spec.commandLine().getErr().println("tinynn compare: skipped " + reason);
        }
        out.flush();
        return 0;
    }

    /**
     * {@code compare --hidden …}: the same network from the same start on every backend that trains
     * networks; weights and bias in the table are the output neuron's, the difference is over
     * every weight and bias of every layer and the final loss.
     */
    private int compareNetworks(TrainingData trainingData, TrainingConfig config) throws Exception {
        Dataset data = trainingData.data();
        Network start = network.start(data);
        List<Backend> backends = plainFirst();
        List<Row> rows = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        try (Interrupt interrupt = Interrupt.during();
                TrainingProgress bar = new TrainingProgress("compare", (long) config.epochs() * (1 + 2L * backends.size()),
                        progress.drawing(json), interrupt::requested)) {
            NetworkResult reference = AdvisedTraining.train(Backends.named(Backends.DEFAULT), trainingData, config, start, bar);
            for (Backend backend : backends) {
                try {
                    NetworkTrainer.train(backend, data, config, start, bar); // untimed: start-up and JIT
                } catch (IllegalStateException | LinkageError e) { // a native library that cannot load
                    unavailable.add(backend.name() + ": " + e.getMessage());
                    continue;
                }
                long begin = System.nanoTime();
                NetworkResult result = NetworkTrainer.train(backend, data, config, start, bar);
                double millis = (System.nanoTime() - begin) / 1e6;
                Network.Layer output = result.network().layers().get(result.network().layers().size() - 1);
                double max = Math.abs(result.finalLoss() - reference.finalLoss());
                for (int l = 0; l < start.layers().size(); l++) {
                    Network.Layer mine = result.network().layers().get(l);
                    Network.Layer plain = reference.network().layers().get(l);
                    for (int j = 0; j < mine.units(); j++) {
                        max = Math.max(max, Math.abs(mine.biases()[j] - plain.biases()[j]));
                        for (int k = 0; k < mine.inputs(); k++) {
                            max = Math.max(max, Math.abs(mine.weight(j, k) - plain.weight(j, k)));
                        }
                    }
                }
                rows.add(new Row(backend.name(), backend.library(), backend.version(), output.weights()[0],
                        output.biases()[0], result.finalLoss(), max, millis));
            }
            if (interrupt.requested()) {
                throw new dev.tinynn.core.TrainingStoppedException(config.epochs(), config.epochs(),
                        reference.finalLoss());
            }
        }
        return report(rows, unavailable, out -> {
            out.printf("network   %s, from %s; weights and bias below are the output neuron's,%n",
                    NetworkExplanation.layout(start), network.zeros() ? "zeros" : "seed " + network.seed);
            out.println("          max |Δ plain| is over every weight and bias of every layer");
            print(out, data, config, rows);
        });
    }

    private static double maxAbsDifference(TrainingResult result, TrainingResult reference) {
        double max = Math.max(Math.abs(result.bias() - reference.bias()),
                Math.abs(result.finalLoss() - reference.finalLoss()));
        for (int j = 0; j < reference.weights().length; j++) {
            max = Math.max(max, Math.abs(result.weights()[j] - reference.weights()[j]));
        }
        return max;
    }

    private static void print(PrintWriter out, Dataset data, TrainingConfig config, List<Row> rows) {
        out.printf("tinynn compare: %s, %s updates, %s, learning rate %s, %d epochs%n%n", data.name(),
                config.updates(), config.loss(), num(config.learningRate()), config.epochs());
        out.printf("  %-7s %-48s %-22s %-22s %-12s %s%n", "backend", "weights", "bias", "final loss",
                "max |Δ plain|", "time (ms)");
        for (Row row : rows) {
            out.printf("  %-7s %-48s %-22s %-22s %-12s %s%n", row.backend(), full(row.weights()), full(row.bias()),
                    full(row.finalLoss()), row.maxAbsDifferenceFromPlain() == 0 ? "0" : String.format("%.1e",
                            row.maxAbsDifferenceFromPlain()), num(Math.round(row.trainingMillis() * 100) / 100.0));
        }
        out.println();
        out.println("  max |Δ plain|: the largest absolute difference from the plain backend over w, b and the final");
        out.println("  loss. 0 means the same bits. Libraries may add long sums in another order (and round once");
        out.println("  where plain Java rounds twice), so tiny differences are expected; the tests allow 1e-10.");
        out.println("  time: one run after one untimed warm-up run; see the benchmarks module for real measurements.");
    }
}
