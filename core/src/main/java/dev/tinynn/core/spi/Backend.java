package dev.tinynn.core.spi;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.NetworkShape;

/**
 * A linear-algebra library that can run the neuron's arithmetic, found at run time with
 * {@link java.util.ServiceLoader}, the way JDBC finds its drivers: a backend module lists its
 * class in {@code META-INF/services/dev.tinynn.core.spi.Backend}, and putting the module's jar
 * on the class path is all it takes to make it available. Look backends up with
 * {@link dev.tinynn.core.Backends}.
 *
 * <p>Creating a Backend must be cheap and must not load native code: the service loader creates
 * every backend on the class path just to ask its name. Heavy start-up belongs in {@link #open}.
 */
public interface Backend {

    /** The short name users choose it by, e.g. {@code plain}: lower case, no spaces. */
    String name();

    /** The library that does the arithmetic, e.g. {@code EJML}. */
    String library();

    /** That library's version. */
    String version();

    /**
     * Copies the data into this backend's own storage and allocates every buffer an epoch needs,
     * so that training allocates nothing more. The weights start at zero.
     */
    Workspace open(Dataset data);

    /**
     * Copies the data into this backend's own storage and allocates every buffer a network of
     * this shape needs for a batch epoch over all rows and for an online step on one row, so that
     * training allocates nothing more. Every weight and bias starts at zero; all rows are selected.
     *
     * @throws IllegalArgumentException if the shape's inputs are not the data's features
     */
    NetworkWorkspace openNetwork(Dataset data, NetworkShape shape);
}
