package dev.tinynn.samples;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Forward;
import dev.tinynn.core.Model;

/**
 * Page 2, one neuron: raw = hours·w + b. The weight says how much an hour counts; the bias is the
 * score at zero hours.
 *
 * <p>Run: {@code java -cp cli/target/tinynn.jar dev.tinynn.samples.Page2OneNeuron plain}
 */
public final class Page2OneNeuron {
    private Page2OneNeuron() {
    }

    public static void main(String[] args) {
        String backend = args.length > 0 ? args[0] : Backends.DEFAULT;   // "plain", "ejml", ...

        // Two students: one studied 2 hours, one studied 0 hours.
        double[][] hours = {{2}, {0}};
        double b = -1.0;

        // The page's three weights. The page's exercise asks one of these raw scores: work it out first.
        for (double w : new double[] {0.5, 1.0, 0.2}) {
            // z = hours*w + b, for both students: the forward pass, computed by the backend.
            double[] z = Forward.at(backend, hours, new Model(new double[] {w}, b)).z();
            System.out.println("w = " + w + ", b = " + b + ": raw at 2 hours = " + z[0]
                    + ", raw at 0 hours = " + z[1]);
        }
        // At 0 hours the raw score is b, whatever w is: the bias is the baseline.
        // Break it: set b = 0 and see where the 0-hour student lands.
    }
}
