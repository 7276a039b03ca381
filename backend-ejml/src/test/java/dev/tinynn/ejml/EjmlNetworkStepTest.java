package dev.tinynn.ejml;

import dev.tinynn.core.NetworkStepCheck;
import dev.tinynn.core.spi.Backend;

class EjmlNetworkStepTest extends NetworkStepCheck {

    @Override
    protected Backend backend() {
        return new EjmlBackend();
    }
}
