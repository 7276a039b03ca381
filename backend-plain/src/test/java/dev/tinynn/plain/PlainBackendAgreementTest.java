package dev.tinynn.plain;

import dev.tinynn.core.BackendAgreement;
import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;

/**
 * The agreement suite against itself: plain must agree with plain bit for bit, so this checks
 * that the suite's data and settings train without diverging, before other backends rely on it.
 */
class PlainBackendAgreementTest extends BackendAgreement {

    @Override
    protected Backend backend() {
        return Backends.named("plain");
    }
}
