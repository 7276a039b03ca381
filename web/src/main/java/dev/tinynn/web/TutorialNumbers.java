package dev.tinynn.web;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Decision;
import dev.tinynn.core.EpochEvent;
import dev.tinynn.core.Forward;
import dev.tinynn.core.ForwardBackward;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.RowEvent;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingDivergedException;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.Updates;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.Demos;
import dev.tinynn.lesson.Examples;
import dev.tinynn.lesson.Exercises;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every number the pages show, computed on request by core and the chosen backend: the pages
 * never compute or hard-code a tutorial number themselves. Each method answers one page (or the
 * training endpoint) with a JSON-ready map. The pages' settings (the start w = 0.1, the example
 * neurons of pages 2, 3 and 5, …) are the tutorial content's {@link Examples}, as the terminal's are.
 */
final class TutorialNumbers {
    /** Where training starts: w (each input) and b. */
    static final double START_W = Examples.START_W;
    static final double START_B = Examples.START_B;
    /** The most epochs one request may train: enough for every page, small enough to answer at once. */
    static final int MAX_EPOCHS = TrainLimits.MAX_EPOCHS;
    /** The backends page 6 shows as tabs, with the library each uses (as docs/side-by-side.md). */
    static final Map<String, String> TABS = tabs();

    private final String defaultBackend;
    private final Map<String, Backend> backends = new ConcurrentHashMap<>();

    TutorialNumbers(String defaultBackend) {
        this.defaultBackend = defaultBackend;
        backend(defaultBackend); // fails now, with the list of names, rather than on the first page
    }

    String defaultBackend() {
        return defaultBackend;
    }

    Map<String, Object> backends() {
        return Map.of("default", defaultBackend,
                "names", Backends.available().stream().map(Backend::name).toList());
    }

    Backend backend(String name) {
        return backends.computeIfAbsent(name, Backends::named);
    }

    Backend backend(Map<String, List<String>> params) {
        return backend(text(params, "backend", defaultBackend));
    }

    Map<String, Object> page(int n, Map<String, List<String>> params) {
        Backend backend = backend(params);
        return switch (n) {
            case 1 -> problem(backend);
            case 2 -> neuron(backend, number(params, "hours", Examples.Neuron.HOURS),
                    number(params, "w", Examples.Neuron.WEIGHTS[0]), number(params, "b", Examples.Neuron.BIAS));
            case 3 -> sigmoid(backend, number(params, "z", 0), number(params, "threshold", Examples.Sigmoid.CUT_OFF));
            case 4 -> loss(backend);
            case 5 -> check(backend);
            case 6 -> twoInputs();
            case 7 -> backprop(backend, (int) number(params, "row", Examples.Backprop.ROW + 1));
            case 8 -> NetworkSteps.neuron(backend);
            default -> throw new IllegalArgumentException("there are pages 1 to " + Pages.count());
        };
    }

    /** Page 1: the four rows, and each one's trip through the untrained neuron (w = 0.1, b = 0). */
    Map<String, Object> problem(Backend backend) {
        Dataset data = Datasets.studyHours();
        Forward pass = Forward.at(backend, new Model(new double[] {START_W}, START_B), data);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < data.rows(); i++) {
            rows.add(Map.of("hours", data.x(i, 0), "passed", data.y(i), "z", pass.z()[i], "p", pass.p()[i],
                    "loss", Loss.SQUARED_ERROR.of(pass.z()[i], pass.p()[i], data.y(i))));
        }
        return Map.of("backend", backend.name(), "w", START_W, "b", START_B, "rows", rows);
    }

    /**
     * Page 2: raw = hours·w + b for the learner's numbers, and for the page's three neurons; the one
     * whose raw score is the exercise is marked {@code exercise}, to be shown after the answer.
     */
    Map<String, Object> neuron(Backend backend, double hours, double w, double b) {
        List<Map<String, Object>> neurons = new ArrayList<>();
        for (double each : Examples.Neuron.WEIGHTS) {
            neurons.add(Map.of("w", each, "z", forward(backend, Examples.Neuron.HOURS, each, Examples.Neuron.BIAS)[0],
                    "exercise", each == Examples.Neuron.EXERCISE_WEIGHT));
        }
        double[] zp = forward(backend, hours, w, b);
        return Map.of("backend", backend.name(), "hours", hours, "w", w, "b", b, "z", zp[0], "p", zp[1],
                "neurons", neurons);
    }

    /**
     * Page 3: the sigmoid's curve, the point at z, and the decisions of the page's neuron at a
     * threshold; the student whose decision is the exercise is marked {@code exercise}.
     */
    Map<String, Object> sigmoid(Backend backend, double z, double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("the threshold must be between 0 and 1, got " + threshold);
        }
        int points = 49;
        double[][] grid = new double[points][1];
        for (int k = 0; k < points; k++) {
            grid[k][0] = -6 + 12.0 * k / (points - 1);
        }
        Forward curve = Forward.at(backend, new Model(new double[] {1}, 0), grid);   // z = x·1 + 0 = x
        List<double[]> line = new ArrayList<>();
        for (int k = 0; k < points; k++) {
            line.add(new double[] {curve.z()[k], curve.p()[k]});
        }
        double[] hours = Examples.Sigmoid.HOURS;
        double[][] x = new double[hours.length][];
        for (int i = 0; i < hours.length; i++) {
            x[i] = new double[] {hours[i]};
        }
        Forward students = Forward.at(backend, new Model(new double[] {Examples.Sigmoid.W}, Examples.Sigmoid.B), x);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < hours.length; i++) {
            double p = students.p()[i];
            rows.add(Map.of("hours", hours[i], "z", students.z()[i], "p", p,
                    "decision", Decision.of(p, threshold).toString(),
                    "atHalf", Decision.of(p, Examples.Sigmoid.CUT_OFF).toString(),
                    "exercise", hours[i] == Examples.Sigmoid.EXERCISE_HOURS));
        }
        double[] point = forward(backend, z, 1, 0);
        Map<String, Object> page = ordered("backend", backend.name(), "curve", line, "z", z, "p", point[1],
                "threshold", threshold, "w", Examples.Sigmoid.W, "b", Examples.Sigmoid.B, "rows", rows);
        // The stricter cut-off's two students, for the words after the exercise.
        page.put("pAt3", forward(backend, 3, Examples.Sigmoid.W, Examples.Sigmoid.B)[1]);
        page.put("pAt25", forward(backend, Examples.Sigmoid.EXERCISE_HOURS, Examples.Sigmoid.W, Examples.Sigmoid.B)[1]);
        return page;
    }

    /**
     * Page 4: the loss example, the same first step with three learning rates, the cards, and the
     * update's step beside the two losses' gradients at the start.
     */
    Map<String, Object> loss(Backend backend) {
        Dataset data = Datasets.studyHours();
        ForwardBackward crossEntropy = ForwardBackward.at(backend, data, new double[] {START_W}, START_B, Loss.CROSS_ENTROPY);
        ForwardBackward squared = ForwardBackward.at(backend, data, new double[] {START_W}, START_B, Loss.SQUARED_ERROR);
        double[] tutorial = ForwardBackward.tutorialStep(data, crossEntropy.p());
        double y = Examples.Training.LABEL;
        List<Map<String, Object>> rates = new ArrayList<>();
        for (Demos.Step step : Demos.learningRates(backend)) {
            rates.add(ordered("lr", step.learningRate(), "w", step.w(), "b", step.b(),
                    "lossBefore", step.lossBefore(), "lossAfter", step.lossAfter()));
        }
        return Map.of("backend", backend.name(),
                "example", Map.of("y", y, "p", Examples.Training.PREDICTION,
                        "loss", Loss.SQUARED_ERROR.of(0, Examples.Training.PREDICTION, y)),
                "far", Map.of("y", y, "p", Examples.Training.FAR,
                        "loss", Loss.SQUARED_ERROR.of(0, Examples.Training.FAR, y)),
                "learningRates", rates,
                "cards", Exercises.order().cards(),
                "start", Map.of("w", START_W, "b", START_B),
                "gradients", Map.of(
                        "tutorial", tutorial,
                        "crossEntropy", sums(crossEntropy),
                        "squaredError", sums(squared)));
    }

    /** Page 5: the example neuron's predictions and the quiz's questions. */
    Map<String, Object> check(Backend backend) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (double h : Examples.Check.HOURS) {
            double[] zp = forward(backend, h, Examples.Check.W, Examples.Check.B);
            rows.add(Map.of("hours", h, "z", zp[0], "p", zp[1],
                    "decision", Decision.of(zp[1], Decision.DEFAULT_THRESHOLD).toString()));
        }
        return Map.of("backend", backend.name(), "w", Examples.Check.W, "b", Examples.Check.B, "rows", rows,
                "quiz", Quizzes.questions(Exercises.q5(backend)), "limits", TrainLimits.json());
    }

    /** Page 6: one tab per backend, each with its code and its online and batch results now. */
    Map<String, Object> twoInputs() {
        Dataset data = Datasets.studySleep();
        TrainingConfig online = TrainingConfig.tutorial().withInitialWeights(START_W, START_W);
        TrainingConfig batch = online.withUpdates(Updates.BATCH)
                .withLearningRate(Examples.TwoInputs.SUMMED_LEARNING_RATE * data.rows());
        List<Map<String, Object>> tabs = new ArrayList<>();
        for (Map.Entry<String, String> tab : TABS.entrySet()) {
            Backend backend;
            try {
                backend = backend(tab.getKey());
            } catch (IllegalArgumentException missing) {
                continue;
            }
            TrainingResult a = Trainer.train(backend, data, online);
            TrainingResult b = Trainer.train(backend, data, batch);
            tabs.add(Map.of("backend", backend.name(), "library", tab.getValue(),
                    "file", Sources.WORKSPACES.get(tab.getKey()),
                    "code", Sources.workspaceSteps(tab.getKey()),
                    "online", result(a), "batch", result(b),
                    "line", boundary(a)));
        }
        Backend reference = backend(defaultBackend);
        TrainingResult shifted = Trainer.train(reference, data,
                online.withInitialWeights(START_W + Examples.TwoInputs.SHIFT, START_W - Examples.TwoInputs.SHIFT)
                        .withInitialBias(START_B + 4 * Examples.TwoInputs.SHIFT));
        TrainingResult base = Trainer.train(reference, data, online);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < data.rows(); i++) {
            rows.add(Map.of("study", data.x(i, 0), "sleep", data.x(i, 1), "passed", data.y(i)));
        }
        return Map.of("rows", rows, "tabs", tabs, "batchLearningRate", batch.learningRate(),
                "collinear", List.of(combination("online, from 0.1, 0.1, 0", base),
                        combination("online, from 1.1, -0.9, 4", shifted)));
    }

    /** Page 7: the chain rule for one row, factor by factor, and each weight's share with two inputs. */
    Map<String, Object> backprop(Backend backend, int chosen) {
        Dataset data = Datasets.studyHours();
        if (chosen < 1 || chosen > data.rows()) {
            throw new IllegalArgumentException("row must be 1 to " + data.rows() + ", got " + chosen);
        }
        int row = chosen - 1;
        Dataset one = Dataset.of("row", data.featureNames(), new double[][] {data.row(row)}, new double[] {data.y(row)});
        ForwardBackward squared = ForwardBackward.at(backend, one, new double[] {START_W}, START_B, Loss.SQUARED_ERROR);
        ForwardBackward cross = ForwardBackward.at(backend, one, new double[] {START_W}, START_B, Loss.CROSS_ENTROPY);
        double x = data.x(row, 0);
        double y = data.y(row);
        double z = cross.z()[0];
        double p = cross.p()[0];
        double dpdz = p * (1 - p);
        Map<String, Object> chain = Map.of(
                "squaredError", factors(2 * (p - y), dpdz, x, squared),
                "crossEntropy", factors(-y / p + (1 - y) / (1 - p), dpdz, x, cross));
        Dataset two = Datasets.studySleep();
        int shared = Examples.Backprop.ROW; // the two-input example and quiz 7 keep their row, whichever the chain shows
        Dataset twoRow = Dataset.of("row", two.featureNames(), new double[][] {two.row(shared)}, new double[] {two.y(shared)});
        ForwardBackward shares = ForwardBackward.at(backend, twoRow, new double[] {START_W, START_W}, START_B, Loss.CROSS_ENTROPY);
        ForwardBackward summedCross = ForwardBackward.at(backend, data, new double[] {START_W}, START_B, Loss.CROSS_ENTROPY);
        ForwardBackward summedSquared = ForwardBackward.at(backend, data, new double[] {START_W}, START_B, Loss.SQUARED_ERROR);
        return Map.of("backend", backend.name(),
                "row", Map.of("row", chosen, "result", y == 1 ? "passed" : "failed", "hours", x, "y", y,
                        "w", START_W, "b", START_B, "z", z, "p", p,
                        "loss", Loss.SQUARED_ERROR.of(z, p, y)),
                "rows", java.util.stream.IntStream.range(0, data.rows()).mapToObj(i -> data.x(i, 0)).toList(),
                "chain", chain,
                "summed", Map.of("tutorial", ForwardBackward.tutorialStep(data, summedCross.p()),
                        "crossEntropy", sums(summedCross), "squaredError", sums(summedSquared)),
                "twoInputs", Map.of("study", two.x(shared, 0), "sleep", two.x(shared, 1), "y", two.y(shared),
                        "error", shares.p()[0] - two.y(shared), "shares", sums(shares)),
                "quiz", Quizzes.questions(Exercises.q7(backend)));
    }

    /**
     * A training run with its trace: every row's step in the first epoch and every epoch's end, the
     * same numbers {@code tinynn train --trace} writes out. The keys of the first ten entries are those
     * of {@code tinynn train --json}.
     */
    Map<String, Object> train(Map<String, List<String>> params) {
        TrainLimits.check(params);
        Backend backend = backend(params);
        Dataset data = Datasets.named(text(params, "data", "study-hours"));
        double[] start = new double[data.features()];
        java.util.Arrays.fill(start, START_W);
        String given = text(params, "w0", null);
        if (given != null) {
            start = java.util.Arrays.stream(given.split(",")).mapToDouble(TutorialNumbers::parse).toArray();
        }
        int epochs = (int) number(params, "epochs", 1000);
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs must be 1 to " + MAX_EPOCHS + ", got " + epochs);
        }
        TrainingConfig config = new TrainingConfig(Loss.byId(text(params, "loss", "cross-entropy")),
                Updates.byId(text(params, "updates", "online")), number(params, "lr", 0.1), epochs,
                null, number(params, "b0", START_B)).withInitialWeights(start);
        int rowEpochs = (int) Math.min(2, Math.max(1, number(params, "rowEpochs", 1)));
        List<Map<String, Object>> steps = new ArrayList<>();
        List<Map<String, Object>> ends = new ArrayList<>();
        TrainingListener trace = new TrainingListener() {
            @Override
            public void onRow(RowEvent e) {
                if (e.epoch() < rowEpochs) {
                    steps.add(ordered("epoch", e.epoch(), "row", e.row(), "x", e.x(), "y", e.y(), "weightsBefore", e.weightsBefore(),
                            "biasBefore", e.biasBefore(), "z", e.z(), "p", e.p(), "error", e.error(), "delta", e.delta(),
                            "step", e.step(), "squaredError", Loss.SQUARED_ERROR.of(e.z(), e.p(), e.y()), "weightsAfter", e.weightsAfter(), "biasAfter", e.biasAfter()));
                }
            }

            @Override
            public void onEpoch(EpochEvent e) {
                double total = 0;
                for (int i = 0; i < data.rows(); i++) {
                    double miss = data.y(i) - e.p()[i];
                    total += miss * miss;
                }
                ends.add(ordered("epoch", e.epoch(), "weights", e.weightsAfter(), "bias", e.biasAfter(),
                        "loss", e.loss(), "tutorialLoss", total));
            }
        };
        TrainingResult result;
        try {
            result = Trainer.train(backend, data, config, trace);
        } catch (TrainingDivergedException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Map<String, Object> out = ordered("backend", result.backend(), "data", data.name(), "loss", config.loss().id(),
                "updates", config.updates().id(), "learningRate", config.learningRate(), "epochs", config.epochs(),
                "weights", result.weights(), "bias", result.bias(), "finalLoss", result.finalLoss(),
                "accuracy", result.accuracy(Decision.DEFAULT_THRESHOLD));
        out.put("probabilities", result.probabilities());
        out.put("boundary", data.features() == 1 ? result.model().boundary(0.5) : null);
        out.put("rowSteps", steps);
        out.put("epochEnds", ends);
        return out;
    }

    /** z and p of one input through the neuron (w, b), computed by the backend. */
    double[] forward(Backend backend, double x, double w, double b) {
        Forward forward = Forward.at(backend, new Model(new double[] {w}, b), new double[][] {{x}});
        return new double[] {forward.z()[0], forward.p()[0]};
    }

    private static Map<String, Object> factors(double dldp, double dpdz, double dzdw, ForwardBackward backend) {
        return ordered("dldp", dldp, "dpdz", dpdz, "dzdw", dzdw, "dldz", dldp * dpdz, "product", dldp * dpdz * dzdw,
                "backend", backend.gradient()[0]);
    }

    /** [Σ ∂ℓ/∂w₁, …, Σ ∂ℓ/∂b]: the gradient summed over the rows, as the tutorial sums it. */
    private static double[] sums(ForwardBackward pass) {
        double[] w = pass.summedGradient();
        double[] all = java.util.Arrays.copyOf(w, w.length + 1);
        all[w.length] = pass.summedBiasGradient();
        return all;
    }

    private static Map<String, Object> result(TrainingResult r) {
        return ordered("backend", r.backend(), "weights", r.weights(), "bias", r.bias(), "finalLoss", r.finalLoss(),
                "probabilities", r.probabilities());
    }

    /** Two points of the line w1·study + w2·sleep + b = 0 (p = 0.5), at study = 0 and study = 5. */
    private static List<double[]> boundary(TrainingResult r) {
        double[] w = r.weights();
        List<double[]> line = new ArrayList<>();
        for (double study : new double[] {0, 5}) {
            line.add(new double[] {study, -(w[0] * study + r.bias()) / w[1]});
        }
        return line;
    }

    private static Map<String, Object> combination(String run, TrainingResult r) {
        double[] w = r.weights();
        return ordered("run", run, "w1", w[0], "w2", w[1], "b", r.bias(), "slope", w[0] + w[1],
                "baseline", 4 * w[1] + r.bias(), "probabilities", r.probabilities());
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            map.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return map;
    }

    private static String text(Map<String, List<String>> params, String key, String fallback) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? fallback : values.get(0).trim();
    }

    private static double number(Map<String, List<String>> params, String key, double fallback) {
        String value = text(params, key, null);
        if (value == null) {
            return fallback;
        }
        double parsed = parse(value);
        if (Math.abs(parsed) > 1e6) {
            throw new IllegalArgumentException(key + " must be between -1000000 and 1000000, got " + value);
        }
        return parsed;
    }

    static double parse(String value) {
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number; write one like 0.5 or -2", e);
        }
    }

    private static Map<String, String> tabs() {
        Map<String, String> tabs = new LinkedHashMap<>();
        tabs.put("plain", "Java arrays, double[]");
        tabs.put("ejml", "EJML, DMatrixRMaj with CommonOps_DDRM");
        tabs.put("nd4j", "ND4J, INDArray on OpenBLAS");
        return tabs;
    }
}
