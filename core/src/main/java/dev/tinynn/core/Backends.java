package dev.tinynn.core;

import dev.tinynn.core.spi.Backend;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the backends on the class path with {@link ServiceLoader}. Which ones are there depends
 * only on which backend jars the program was started with.
 *
 * <p>{@link #named} creates backends one at a time and stops at the one asked for, so a program
 * that wants {@code plain} does not load the classes of the backends listed after it (ND4J's
 * among them): that is part of a fast start. Only {@link #available}, and an unknown name, create
 * them all.
 */
public final class Backends {
    /** The backend used when none is named: plain Java arrays, the reference. */
    public static final String DEFAULT = "plain";

    private Backends() {
    }

    /** Every backend on the class path, sorted by name. */
    public static List<Backend> available() {
        return ServiceLoader.load(Backend.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(Backend::name))
                .toList();
    }

    /** The backend with this name; the error message lists the names there are. */
    public static Backend named(String name) {
        for (Backend backend : ServiceLoader.load(Backend.class)) {
            if (backend.name().equals(name)) {
                return backend;
            }
        }
        List<Backend> all = available();
        throw new IllegalArgumentException("unknown backend '" + name + "'; available: "
                + (all.isEmpty() ? "none (no backend jar is on the class path)"
                        : all.stream().map(Backend::name).collect(Collectors.joining(", "))));
    }
}
