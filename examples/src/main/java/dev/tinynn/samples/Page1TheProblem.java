package dev.tinynn.samples;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;

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
        Backend backend = Backends.named(args.length > 0 ? args[0] : "plain");

        // The data: four students, hours studied -> passed (1) or failed (0).
        Dataset data = Datasets.studyHours();
        System.out.println("data: " + data + ", backend: " + backend.name());
        for (int i = 0; i < data.rows(); i++) {
            System.out.println("  hours " + data.x(i, 0) + " -> passed " + data.y(i));
        }

        // The neuron before training: the tutorial starts at w = 0.1, b = 0.
        double w = 0.1;
        double b = 0.0;

        // A backend "workspace" holds the data and the neuron in the backend's own storage.
        // forward() computes z = x*w + b for every row; sigmoid() computes p = 1 / (1 + e^(-z)).
        double[] z = new double[data.rows()];
        double[] p = new double[data.rows()];
        try (Workspace ws = backend.open(data)) {
            ws.setParameters(new double[] {w}, b);
            ws.forward();
            ws.sigmoid();
            ws.read(Buffer.Z, z);   // copy the raw scores out
            ws.read(Buffer.P, p);   // and the probabilities
        }

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
