package dev.tinynn.plain;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.NetworkWorkspace;
import dev.tinynn.core.spi.Workspace;

/**
 * The reference backend: every operation is a plain loop over {@code double[]}. Read this one
 * first; the other backends say the same thing in their libraries' words, and are tested against
 * this one.
 */
public final class PlainBackend implements Backend {

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public String library() {
        return "Java arrays (double[])";
    }

    @Override
    public String version() {
        return "Java " + Runtime.version().feature();
    }

    @Override
    public Workspace open(Dataset data) {
        return new PlainWorkspace(data);
    }

    @Override
    public NetworkWorkspace openNetwork(Dataset data, NetworkShape shape) {
        return new PlainNetworkWorkspace(data, shape);
    }
}
