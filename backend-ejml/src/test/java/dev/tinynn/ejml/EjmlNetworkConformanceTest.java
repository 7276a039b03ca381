package dev.tinynn.ejml;

import dev.tinynn.core.Backends;
import dev.tinynn.core.NetworkConformance;
import dev.tinynn.core.spi.Backend;

/** The network conformance suite, run on Ejml. */
class EjmlNetworkConformanceTest extends NetworkConformance {

    @Override
    protected Backend backend() {
        return Backends.named("ejml");
    }
}
