package dev.tinynn.web.api;

import java.util.List;

/** Page 1, the problem: the four rows and each one's trip through the untrained neuron (w, b). */
public record Page1Json(String backend, double w, double b, List<Row> rows) implements PageJson {

    /** A student: hours, the label, z, p and the squared error. */
    public record Row(double hours, double passed, double z, double p, double loss) {
    }
}
