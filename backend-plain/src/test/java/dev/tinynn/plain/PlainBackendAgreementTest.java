package dev.tinynn.plain;

import dev.tinynn.core.BackendAgreement;
import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;

/**
 * Plain against {@code ReferenceNeuron} (core's test-jar: the formulas one number at a time, no
 * code shared with this backend) on random data up to 10,000×64, to the suite's 1e-10.
 */
class PlainBackendAgreementTest extends BackendAgreement {

    @Override
    protected Backend backend() {
        return Backends.named("plain");
    }
}
