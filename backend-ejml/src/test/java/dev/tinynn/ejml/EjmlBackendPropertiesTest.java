package dev.tinynn.ejml;

import dev.tinynn.core.BackendProperties;
import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;

/** The shared property suite: hundreds of seeded random cases, on the ejml backend. */
class EjmlBackendPropertiesTest extends BackendProperties {

    @Override
    protected Backend backend() {
        return Backends.named("ejml");
    }
}
