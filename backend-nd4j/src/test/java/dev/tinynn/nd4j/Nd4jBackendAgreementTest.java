package dev.tinynn.nd4j;

import dev.tinynn.core.BackendAgreement;
import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;

/** ND4J against {@code ReferenceNeuron} (not against plain), on random data up to 10,000×64, within the suite's 1e-10. */
class Nd4jBackendAgreementTest extends BackendAgreement {

    @Override
    protected Backend backend() {
        return Backends.named("nd4j");
    }
}
