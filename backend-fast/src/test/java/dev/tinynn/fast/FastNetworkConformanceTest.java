package dev.tinynn.fast;

import dev.tinynn.core.Backends;
import dev.tinynn.core.NetworkConformance;
import dev.tinynn.core.spi.Backend;

/** The network conformance suite, run on Fast. */
class FastNetworkConformanceTest extends NetworkConformance {

    @Override
    protected Backend backend() {
        return Backends.named("fast");
    }
}
