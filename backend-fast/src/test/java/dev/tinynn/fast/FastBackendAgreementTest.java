package dev.tinynn.fast;

import dev.tinynn.core.BackendAgreement;
import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;

/**
 * The fast backend against the reference on random data up to 10,000×64, to the suite's 1e-10: its
 * one-log loss and its per-block partial sums round differently from the reference's
 * one-term-at-a-time sums, by a few units in the last place.
 */
class FastBackendAgreementTest extends BackendAgreement {

    @Override
    protected Backend backend() {
        return Backends.named("fast");
    }
}
