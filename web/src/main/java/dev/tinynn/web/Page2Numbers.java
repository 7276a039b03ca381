package dev.tinynn.web;

import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.Examples;
import dev.tinynn.web.api.Page2Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Page 2's numbers: raw = hours·w + b for the learner's numbers, and for the page's three neurons;
 * the one whose raw score is the exercise is marked, to be shown after the answer.
 */
final class Page2Numbers {
    private Page2Numbers() {
    }

    static Page2Json of(Backend backend, double hours, double w, double b) {
        List<Page2Json.Neuron> neurons = new ArrayList<>();
        for (double each : Examples.Neuron.WEIGHTS) {
            neurons.add(new Page2Json.Neuron(each,
                    PageMath.forward(backend, Examples.Neuron.HOURS, each, Examples.Neuron.BIAS)[0],
                    each == Examples.Neuron.EXERCISE_WEIGHT));
        }
        double[] zp = PageMath.forward(backend, hours, w, b);
        return new Page2Json(backend.name(), hours, w, b, zp[0], zp[1], neurons);
    }
}
