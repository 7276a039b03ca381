package dev.tinynn.plain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.BackendConformance;
import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;
import org.junit.jupiter.api.Test;

/** The shared conformance suite, run on plain Java arrays. */
class PlainBackendConformanceTest extends BackendConformance {

    @Override
    protected Backend backend() {
        return Backends.named("plain");
    }

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        assertThat(backend()).isInstanceOf(PlainBackend.class);
        assertThat(Backends.available()).extracting(Backend::name).contains("plain");
    }
}
