package dev.tinynn.core;

import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.Buffer;
import dev.tinynn.core.spi.Workspace;
import java.util.ArrayList;
import java.util.List;

/**
 * The forward pass alone, computed by a backend for inputs that have no label: how a neuron is
 * used once it is trained. The first two steps of an epoch:
 *
 * <pre>
 *   z = X·w + b        p = σ(z)
 * </pre>
 *
 * <p>With labels and a loss, {@link ForwardBackward} goes on to the loss, δ and the gradient;
 * {@link Model#z} and {@link Model#probability} are the same two steps for one input in plain Java.
 *
 * @param z the raw scores, one per input row
 * @param p the probabilities σ(z), one per input row
 */
public record Forward(double[] z, double[] p) {

    /**
     * z and p of each row of {@code inputs} (one value per weight of {@code model}), computed by
     * {@code backend}. The arguments come in {@link ForwardBackward#at}'s order: backend, data, neuron.
     */
    public static Forward at(Backend backend, double[][] inputs, Model model) {
        return at(backend, unlabelled(model, inputs), model);
    }

    /** The forward pass computed by the backend with this name (see {@link Backends#named}). */
    public static Forward at(String backend, double[][] inputs, Model model) {
        return at(Backends.named(backend), inputs, model);
    }

    /** z and p of every row of {@code data}, whose labels are not read. */
    public static Forward at(Backend backend, Dataset data, Model model) {
        try (Workspace ws = backend.open(data)) {
            ws.setParameters(model.weights(), model.bias());
            ws.forward();                      // z = X·w + b
            ws.sigmoid();                      // p = σ(z)
            return new Forward(ws.read(Buffer.Z), ws.read(Buffer.P));
        }
    }

    /** As {@link #at(Backend, Dataset, Model)}, with the backend of this name. */
    public static Forward at(String backend, Dataset data, Model model) {
        return at(Backends.named(backend), data, model);
    }

    public Forward {
        z = z.clone();
        p = p.clone();
    }

    @Override
    public double[] z() {
        return z.clone();
    }

    @Override
    public double[] p() {
        return p.clone();
    }

    /**
     * The inputs as a {@link Dataset}, which is what a backend opens: its labels are 0 and never
     * read, since the forward pass does not compare p with a label.
     */
    private static Dataset unlabelled(Model model, double[][] inputs) {
        int d = model.weights().length;
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= d; j++) {
            names.add("x" + j);
        }
        for (double[] row : inputs) {
            if (row.length != d) {
                throw new IllegalArgumentException("an input row has " + row.length + " values but the neuron has "
                        + d + (d == 1 ? " weight" : " weights") + ": give one value per weight");
            }
        }
        return Dataset.of("inputs", names, inputs, new double[inputs.length]);
    }
}
