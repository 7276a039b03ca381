package dev.tinynn.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.BackendConformance;
import dev.tinynn.core.BackendAgreement;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.Workspace;
import org.junit.jupiter.api.Test;

/**
 * The shared conformance suite on the fast backend's other kernel, {@link ScalarKernel}: what a JVM
 * without the Vector API runs (this JVM has it, so the kernel is chosen by hand).
 */
class ScalarKernelConformanceTest extends BackendConformance {

    @Override
    protected Backend backend() {
        return new FastBackend(false);
    }

    @Test
    void saysWhichKernelItRuns() {
        assertThat(backend().library()).contains("one value at a time");
        try (Workspace ws = backend().open(BackendAgreement.randomData(3, 2))) {
            assertThat(ws.rows()).isEqualTo(3);
        }
    }
}
