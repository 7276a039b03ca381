package dev.tinynn.ejml;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.NetworkWorkspace;
import dev.tinynn.core.spi.Workspace;
import org.ejml.EjmlVersion;

/**
 * The neuron on EJML, the Efficient Java Matrix Library: the same steps as the plain backend,
 * each one a call to EJML's procedural API on {@code DMatrixRMaj}. Pure Java, so creating it is
 * as cheap as creating the plain one.
 */
public final class EjmlBackend implements Backend {

    @Override
    public String name() {
        return "ejml";
    }

    @Override
    public String library() {
        return "EJML";
    }

    /**
     * The version of the EJML jar on the class path, as EJML records it in
     * {@link EjmlVersion#VERSION}.
     */
    @Override
    public String version() {
        // VERSION is a compile-time constant, so writing EjmlVersion.VERSION here would make javac
        // copy "0.46.1" into this class and report the version we compiled against, whatever jar
        // is loaded. Reading the field reflectively asks the jar that is actually there.
        try {
            return (String) EjmlVersion.class.getField("VERSION").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read org.ejml.EjmlVersion.VERSION from the EJML jar", e);
        }
    }

    @Override
    public Workspace open(Dataset data) {
        return new EjmlWorkspace(data);
    }

    @Override
    public NetworkWorkspace openNetwork(Dataset data, NetworkShape shape) {
        return new EjmlNetworkWorkspace(data, shape);
    }
}
