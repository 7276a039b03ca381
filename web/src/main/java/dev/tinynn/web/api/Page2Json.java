package dev.tinynn.web.api;

import java.util.List;

/**
 * Page 2, one neuron: z and p for the learner's hours, w and b, and the page's neurons, the one
 * whose raw score is the exercise marked {@code exercise}.
 */
public record Page2Json(String backend, double hours, double w, double b, double z, double p, List<Neuron> neurons)
        implements PageJson {

    /** One of the page's neurons: its w and its raw score z. */
    public record Neuron(double w, double z, boolean exercise) {
    }
}
