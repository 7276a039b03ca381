package dev.tinynn.web;

import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.web.api.BackendsJson;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backends the server computes with, found by name ({@link Backends#named}) once and shared by
 * every request after, and the default one a request that names none gets. Finding a backend
 * loads its library (ND4J's native code takes a while), which no page should wait for twice.
 */
final class BackendCache {
    private final String defaultName;
    private final Map<String, Backend> backends = new ConcurrentHashMap<>();

    /** Finds the default backend now, so that a wrong name fails at start, with the list of names, not on the first page. */
    BackendCache(String defaultName) {
        this.defaultName = defaultName;
        named(defaultName);
    }

    String defaultName() {
        return defaultName;
    }

    /**
     * The backend called {@code name}.
     *
     * @throws IllegalArgumentException naming the backends there are, when there is none of that name
     */
    Backend named(String name) {
        return backends.computeIfAbsent(name, Backends::named);
    }

    /** The backend the query names ({@code ?backend=ejml}), or the default. */
    Backend of(Query query) {
        return named(query.text("backend", defaultName));
    }

    /** {@code GET /api/backends}: the default, and every backend present. */
    BackendsJson list() {
        return new BackendsJson(defaultName, Backends.available().stream().map(Backend::name).toList());
    }
}
