package dev.tinynn.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.BackendConformance;
import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The shared conformance suite, run on ND4J, to the same 1e-12 as every backend. */
class Nd4jBackendConformanceTest extends BackendConformance {

    @Override
    protected Backend backend() {
        return Backends.named("nd4j");
    }

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        assertThat(backend()).isInstanceOf(Nd4jBackend.class);
        assertThat(Backends.available()).extracting(Backend::name).contains("nd4j");
        assertThat(backend().library()).isEqualTo("ND4J");
    }

    @Test
    void versionIsTheNd4jOnTheClassPath() throws IOException {
        Properties pom = new Properties();
        try (InputStream in = Nd4jBackend.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-native/pom.properties")) {
            assertThat(in).as("nd4j-native's pom.properties").isNotNull();
            pom.load(in);
        }
        assertThat(backend().version()).isEqualTo(pom.getProperty("version"));
    }
}
