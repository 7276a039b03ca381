package dev.tinynn.fast;

import dev.tinynn.core.BackendAgreement;
import dev.tinynn.core.spi.Backend;

/** The fast backend's {@link ScalarKernel} against the reference, as {@link FastBackendAgreementTest} checks the vector one. */
class ScalarKernelAgreementTest extends BackendAgreement {

    @Override
    protected Backend backend() {
        return new FastBackend(false);
    }
}
