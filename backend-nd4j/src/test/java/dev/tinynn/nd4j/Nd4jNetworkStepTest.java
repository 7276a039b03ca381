package dev.tinynn.nd4j;

import dev.tinynn.core.NetworkStepCheck;
import dev.tinynn.core.spi.Backend;

class Nd4jNetworkStepTest extends NetworkStepCheck {

    @Override
    protected Backend backend() {
        return new Nd4jBackend();
    }
}
