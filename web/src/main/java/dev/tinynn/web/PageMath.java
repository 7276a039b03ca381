package dev.tinynn.web;

import dev.tinynn.core.Forward;
import dev.tinynn.core.ForwardBackward;
import dev.tinynn.core.Model;
import dev.tinynn.core.spi.Backend;
import java.util.Arrays;

/** The two computations several pages' numbers share, each written once. */
final class PageMath {
    private PageMath() {
    }

    /** [z, p] of one input through the one-input neuron (w, b), computed by the backend. */
    static double[] forward(Backend backend, double x, double w, double b) {
        Forward forward = Forward.at(backend, new double[][] {{x}}, new Model(new double[] {w}, b));
        return new double[] {forward.z()[0], forward.p()[0]};
    }

    /** [Σ ∂ℓ/∂w₁, …, Σ ∂ℓ/∂b]: the gradient summed over the rows, as the tutorial sums it. */
    static double[] sums(ForwardBackward pass) {
        double[] w = pass.summedGradient();
        double[] all = Arrays.copyOf(w, w.length + 1);
        all[w.length] = pass.summedBiasGradient();
        return all;
    }
}
