package dev.tinynn.fast;

import dev.tinynn.core.NetworkConformance;
import dev.tinynn.core.spi.Backend;

/**
 * The network conformance suite on the fast backend's other kernel, {@link ScalarMatrixKernel}:
 * what a JVM without the Vector API runs (this JVM has it, so the kernel is chosen by hand).
 */
class ScalarNetworkConformanceTest extends NetworkConformance {

    @Override
    protected Backend backend() {
        return new FastBackend(false);
    }
}
