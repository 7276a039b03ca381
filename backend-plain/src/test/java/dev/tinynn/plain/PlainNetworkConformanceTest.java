package dev.tinynn.plain;

import dev.tinynn.core.Backends;
import dev.tinynn.core.NetworkConformance;
import dev.tinynn.core.spi.Backend;

/** The network conformance suite, run on plain Java arrays. */
class PlainNetworkConformanceTest extends NetworkConformance {

    @Override
    protected Backend backend() {
        return Backends.named("plain");
    }
}
