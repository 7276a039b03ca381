package dev.tinynn.samples;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Decision;
import dev.tinynn.core.Forward;
import dev.tinynn.core.Model;

/**
 * Page 3, sigmoid and decisions: p = σ(z) = 1 / (1 + e^(−z)) turns any raw score into (0, 1);
 * Pass when p ≥ 0.5 (a choice, not a law).
 *
 * <p>Run: {@code java -cp cli/target/tinynn.jar dev.tinynn.samples.Page3SigmoidAndDecisions plain}
 */
public final class Page3SigmoidAndDecisions {
    private Page3SigmoidAndDecisions() {
    }

    public static void main(String[] args) {
        String backend = args.length > 0 ? args[0] : Backends.DEFAULT;   // "plain", "ejml", ...

        // The sigmoid table. Trick: a neuron with w = 1, b = 0 has z = x, so feeding it the z values
        // as inputs makes the backend compute sigma(z) for us.
        double[] zs = {-2, 0, 1.2, 4};
        double[] p = sigmoidOfInputs(backend, zs, 1.0, 0.0);
        for (int i = 0; i < zs.length; i++) {
            System.out.println("sigma(" + zs[i] + ") = " + p[i]);
        }

        // Decisions with w = 0.5, b = -1: 3 hours, and the exercise's 2.5 hours.
        double[] hours = {3, 2.5};
        double threshold = 0.5;   // try a stricter cut-off and see whose decision changes
        double[] pHours = sigmoidOfInputs(backend, hours, 0.5, -1.0);
        for (int i = 0; i < hours.length; i++) {
            double z = hours[i] * 0.5 + -1.0;
            System.out.println(hours[i] + " hours: z = " + z + ", p = " + pHours[i] + " -> "
                    + Decision.of(pHours[i], threshold));
        }
    }

    /** p = σ(x·w + b) for each x, computed by the backend. */
    static double[] sigmoidOfInputs(String backend, double[] xs, double w, double b) {
        double[][] rows = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            rows[i] = new double[] {xs[i]};
        }
        // z = x*w + b, then p = sigma(z): the forward pass, computed by the backend.
        return Forward.at(backend, rows, new Model(new double[] {w}, b)).p();
    }
}
