package dev.tinynn.fast;

import dev.tinynn.core.NetworkStepCheck;
import dev.tinynn.core.spi.Backend;

class FastNetworkStepTest extends NetworkStepCheck {

    @Override
    protected Backend backend() {
        return new FastBackend();
    }
}
