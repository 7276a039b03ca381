package dev.tinynn.web;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Forward;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.Examples;
import dev.tinynn.web.api.Page1Json;
import java.util.ArrayList;
import java.util.List;

/** Page 1's numbers: the four rows, and each one's trip through the untrained neuron (w = 0.1, b = 0). */
final class Page1Numbers {
    private Page1Numbers() {
    }

    static Page1Json of(Backend backend) {
        Dataset data = Datasets.studyHours();
        Forward untrained = Forward.at(backend, data, new Model(new double[] {Examples.START_W}, Examples.START_B));
        double[] z = untrained.z();
        double[] p = untrained.p();
        List<Page1Json.Row> rows = new ArrayList<>();
        for (int i = 0; i < data.rows(); i++) {
            rows.add(new Page1Json.Row(data.x(i, 0), data.y(i), z[i], p[i], Loss.SQUARED_ERROR.of(z[i], p[i], data.y(i))));
        }
        return new Page1Json(backend.name(), Examples.START_W, Examples.START_B, rows);
    }
}
