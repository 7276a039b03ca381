package dev.tinynn.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.BackendConformance;
import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;
import org.junit.jupiter.api.Test;

/** The shared conformance suite, run on the fast backend. */
class FastBackendConformanceTest extends BackendConformance {

    @Override
    protected Backend backend() {
        return Backends.named("fast");
    }

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        assertThat(backend()).isInstanceOf(FastBackend.class);
        assertThat(Backends.available()).extracting(Backend::name).contains("fast");
    }
}
