package dev.tinynn.plain;

import dev.tinynn.core.Backends;
import dev.tinynn.core.NetworkEpochAllocations;
import dev.tinynn.core.spi.Backend;

/** A network's batch and online epochs on plain Java arrays allocate nothing. */
class PlainNetworkAllocationTest extends NetworkEpochAllocations {

    @Override
    protected Backend backend() {
        return Backends.named("plain");
    }
}
