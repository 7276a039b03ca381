package dev.tinynn.fast;

import dev.tinynn.core.NetworkStepCheck;
import dev.tinynn.core.spi.Backend;

class ScalarNetworkStepTest extends NetworkStepCheck {

    @Override
    protected Backend backend() {
        return new FastBackend(false);
    }
}
