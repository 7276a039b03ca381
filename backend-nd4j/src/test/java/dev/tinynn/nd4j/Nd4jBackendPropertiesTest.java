package dev.tinynn.nd4j;

import dev.tinynn.core.BackendProperties;
import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;

/** The shared property suite: hundreds of seeded random cases, on the nd4j backend. */
class Nd4jBackendPropertiesTest extends BackendProperties {

    @Override
    protected Backend backend() {
        return Backends.named("nd4j");
    }
}
