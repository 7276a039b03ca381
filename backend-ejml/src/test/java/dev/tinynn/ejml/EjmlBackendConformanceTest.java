package dev.tinynn.ejml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.BackendConformance;
import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;
import org.junit.jupiter.api.Test;

/** The shared conformance suite, run on EJML. Every tolerance is the suite's own; none is loosened. */
class EjmlBackendConformanceTest extends BackendConformance {

    @Override
    protected Backend backend() {
        return Backends.named("ejml");
    }

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        assertThat(backend()).isInstanceOf(EjmlBackend.class);
        assertThat(Backends.available()).extracting(Backend::name).contains("ejml");
        assertThat(backend().library()).isEqualTo("EJML");
    }

    @Test
    void reportsTheEjmlVersionThisBuildPins() {
        // Surefire passes the parent POM's ejml.version property (see this module's pom.xml).
        assertThat(System.getProperty("ejml.version")).as("ejml.version from the POM").isNotBlank();
        assertThat(backend().version()).isEqualTo(System.getProperty("ejml.version")).isEqualTo("0.46.1");
    }
}
