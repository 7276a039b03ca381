package dev.tinynn.core;

import dev.tinynn.core.spi.Backend;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the backends on the class path with {@link ServiceLoader}. Which ones are there depends
 * only on which backend jars the program was started with.
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
        List<Backend> all = available();
        return all.stream()
                .filter(backend -> backend.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown backend '" + name + "'; available: "
                        + (all.isEmpty() ? "none (no backend jar is on the class path)"
                                : all.stream().map(Backend::name).collect(Collectors.joining(", ")))));
    }
}
