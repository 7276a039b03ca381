package dev.tinynn.ejml;

import dev.tinynn.core.BackendAgreement;
import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;

/**
 * EJML against {@code ReferenceNeuron} (not against plain) on random data up to 10,000×64, to the
 * suite's own 1e-10. EJML adds up its vector sums in the same order as plain (see {@link EjmlWorkspaceTest}).
 */
class EjmlBackendAgreementTest extends BackendAgreement {

    @Override
    protected Backend backend() {
        return Backends.named("ejml");
    }
}
