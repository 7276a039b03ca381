package dev.tinynn.nd4j;

import dev.tinynn.core.Backends;
import dev.tinynn.core.NetworkConformance;
import dev.tinynn.core.spi.Backend;

/** The network conformance suite, run on Nd4j. */
class Nd4jNetworkConformanceTest extends NetworkConformance {

    @Override
    protected Backend backend() {
        return Backends.named("nd4j");
    }
}
