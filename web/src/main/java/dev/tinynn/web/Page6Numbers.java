package dev.tinynn.web;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.Updates;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.Examples;
import dev.tinynn.web.api.Page6Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Page 6's numbers: one tab per backend present, each with its code and its online and batch
 * results computed now, and two online runs from different starts on the default backend that end
 * on the same line (w1 and w2 are collinear: only their sum is learned).
 */
final class Page6Numbers {
    /** The backends page 6 shows as tabs, with the library each uses (as docs/side-by-side.md). */
    static final Map<String, String> TABS = tabs();

    private Page6Numbers() {
    }

    static Page6Json of(BackendCache backends) {
        Dataset data = Datasets.studySleep();
        double w = Examples.START_W;
        TrainingConfig online = TrainingConfig.tutorial().withInitialWeights(w, w);
        TrainingConfig batch = online.withUpdates(Updates.BATCH)
                .withLearningRate(Examples.TwoInputs.SUMMED_LEARNING_RATE * data.rows());
        List<Page6Json.Tab> tabs = new ArrayList<>();
        for (Map.Entry<String, String> tab : TABS.entrySet()) {
            Backend backend;
            try {
                backend = backends.named(tab.getKey());
            } catch (IllegalArgumentException missing) {
                continue;
            }
            TrainingResult a = Trainer.train(backend, data, online);
            TrainingResult b = Trainer.train(backend, data, batch);
            tabs.add(new Page6Json.Tab(backend.name(), tab.getValue(), Sources.WORKSPACES.get(tab.getKey()),
                    Sources.workspaceSteps(tab.getKey()), result(a), result(b), boundary(a)));
        }
        Backend reference = backends.named(backends.defaultName());
        double shift = Examples.TwoInputs.SHIFT;
        TrainingResult shifted = Trainer.train(reference, data,
                online.withInitialWeights(w + shift, w - shift).withInitialBias(Examples.START_B + 4 * shift));
        TrainingResult base = Trainer.train(reference, data, online);
        List<Page6Json.Row> rows = new ArrayList<>();
        for (int i = 0; i < data.rows(); i++) {
            rows.add(new Page6Json.Row(data.x(i, 0), data.x(i, 1), data.y(i)));
        }
        return new Page6Json(rows, tabs, batch.learningRate(),
                List.of(collinear("online, from 0.1, 0.1, 0", base), collinear("online, from 1.1, -0.9, 4", shifted)));
    }

    private static Page6Json.Result result(TrainingResult r) {
        return new Page6Json.Result(r.backend(), r.weights(), r.bias(), r.finalLoss(), r.probabilities());
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

    private static Page6Json.Collinear collinear(String run, TrainingResult r) {
        double[] w = r.weights();
        return new Page6Json.Collinear(run, w[0], w[1], r.bias(), w[0] + w[1], 4 * w[1] + r.bias(), r.probabilities());
    }

    private static Map<String, String> tabs() {
        Map<String, String> tabs = new LinkedHashMap<>();
        tabs.put("plain", "Java arrays, double[]");
        tabs.put("ejml", "EJML, DMatrixRMaj with CommonOps_DDRM");
        tabs.put("nd4j", "ND4J, INDArray on OpenBLAS");
        return tabs;
    }
}
