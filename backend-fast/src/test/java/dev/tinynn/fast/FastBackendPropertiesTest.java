package dev.tinynn.fast;

import dev.tinynn.core.BackendProperties;
import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;

/** The shared property suite, run on the fast backend (its single-thread path: the cases are small). */
class FastBackendPropertiesTest extends BackendProperties {

    @Override
    protected Backend backend() {
        return Backends.named("fast");
    }
}
