package dev.tinynn.web;

import dev.tinynn.core.Forward;
import dev.tinynn.core.Model;
import dev.tinynn.core.spi.Backend;

/** The computation several pages' numbers share, written once. */
final class PageMath {
    private PageMath() {
    }

    /** [z, p] of one input through the one-input neuron (w, b), computed by the backend. */
    static double[] forward(Backend backend, double x, double w, double b) {
        Forward forward = Forward.at(backend, new double[][] {{x}}, new Model(new double[] {w}, b));
        return new double[] {forward.z()[0], forward.p()[0]};
    }
}
