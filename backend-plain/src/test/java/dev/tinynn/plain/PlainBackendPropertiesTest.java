package dev.tinynn.plain;

import dev.tinynn.core.BackendProperties;
import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;

/** The shared property suite: hundreds of seeded random cases, on the plain backend. */
class PlainBackendPropertiesTest extends BackendProperties {

    @Override
    protected Backend backend() {
        return Backends.named("plain");
    }
}
