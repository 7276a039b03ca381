package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackendsTest {

    @Test
    void unknownBackendSaysWhatIsAvailable() {
        // core's own tests have no backend on the class path
        assertThatThrownBy(() -> Backends.named("cuda"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown backend 'cuda'; available: none (no backend jar is on the class path)");
    }
}
