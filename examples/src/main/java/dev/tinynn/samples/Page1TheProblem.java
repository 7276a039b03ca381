package dev.tinynn.samples;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Forward;
import dev.tinynn.core.Model;

/**
 * Page 1, the problem and the idea: guess pass or fail from hours of study with ONE neuron,
 * output = input × weight + bias, squeezed into (0, 1) by the sigmoid.
 *
 * <p>Run: {@code java -cp cli/target/tinynn.jar dev.tinynn.samples.Page1TheProblem plain}
 * (the argument names the backend that does the arithmetic; "plain" if you leave it out).
 */
public final class Page1TheProblem {
    private Page1TheProblem() {
    }

    public static void main(String[] args) {
        String backend = args.length > 0 ? args[0] : Backends.DEFAULT;   // "plain", "ejml", ...

        // The data: four students, hours studied -> passed (1) or failed (0).
        Dataset data = Datasets.studyHours();
        System.out.println("data: " + data + ", backend: " + backend);
        for (int i = 0; i < data.rows(); i++) {
            System.out.println("  hours " + data.x(i, 0) + " -> passed " + data.y(i));
        }

        // The neuron before training, at the start the pages use.
        double w = 0.1;
        double b = 0.0;

        // The forward pass of the neuron over every row, computed by the backend: z = x*w + b, then
        // p = 1 / (1 + e^(-z)). (The labels are not read: they are for measuring, on page 4.)
        Forward forward = Forward.at(backend, data, new Model(new double[] {w}, b));
        double[] z = forward.z();   // the raw scores
        double[] p = forward.p();   // and the probabilities

        // Hours in -> raw score -> squeezed into (0, 1). Nothing here "thinks": multiply, add, squeeze.
        System.out.println("before training, w = " + w + ", b = " + b + ":");
        for (int i = 0; i < data.rows(); i++) {
            System.out.println("  hours " + data.x(i, 0) + " -> z = " + z[i] + " -> p = " + p[i]);
        }
        // (z = 0.30000000000000004 at 3 hours: 0.1 has no exact binary double, so 3 * 0.1 is a hair
        // off. That is floating point, not a bug; Python prints the same.)
        // Every p is a bit above 0.5: the untrained neuron says "maybe pass" to everyone.
        // Break it: try w = -1, or b = 5, and run again.
    }
}
