package dev.tinynn.fast;

import dev.tinynn.core.BackendProperties;
import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;

/** The shared property suite: hundreds of seeded random cases, on the fast backend. */
class FastBackendPropertiesTest extends BackendProperties {

    @Override
    protected Backend backend() {
        return Backends.named("fast");
    }
}
