package dev.tinynn.ejml;

import dev.tinynn.core.Backends;
import dev.tinynn.core.NetworkEpochAllocations;
import dev.tinynn.core.spi.Backend;

/** A network's batch and online epochs with EJML allocate nothing: every matrix is made once and reshaped. */
class EjmlNetworkAllocationTest extends NetworkEpochAllocations {

    @Override
    protected Backend backend() {
        return Backends.named("ejml");
    }
}
