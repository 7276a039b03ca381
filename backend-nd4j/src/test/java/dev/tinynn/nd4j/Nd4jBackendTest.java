package dev.tinynn.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** What happens around the arithmetic: starting lazily, failing in one line, choosing threads. */
class Nd4jBackendTest {

    @Test
    @DisplayName("a native library that will not load gives one line naming the reason and the other backends")
    void nativeLoadFailureIsOneLine() {
        // What ND4J 1.0.0-M2.1 throws without its linux-x86_64 jar: the reason is three levels down.
        UnsatisfiedLinkError notFound = new UnsatisfiedLinkError("Could not find jnind4jcpu in class, module, and library paths.");
        UnsatisfiedLinkError noLibrary = new UnsatisfiedLinkError("no jnind4jcpu in java.library.path: /usr/lib:/lib");
        noLibrary.initCause(notFound);
        Throwable thrown = new ExceptionInInitializerError(new RuntimeException(
                "ND4J is probably missing dependencies. For more information, please refer to: https://example.invalid",
                noLibrary));

        String message = Nd4jBackend.nativeLoadFailure(thrown);

        assertThat(message).isEqualTo("the nd4j backend could not load its native library (UnsatisfiedLinkError: "
                + "Could not find jnind4jcpu in class, module, and library paths.); use --backend plain or --backend ejml");
    }

    @Test
    @DisplayName("a reason spread over lines, or with no message, still makes one line")
    void oddReasonsStayOnOneLine() {
        assertThat(Nd4jBackend.nativeLoadFailure(new UnsatisfiedLinkError("libgomp.so.1:\n  cannot open shared object file")))
                .doesNotContain("\n")
                .contains("(UnsatisfiedLinkError: libgomp.so.1: cannot open shared object file)");
        assertThat(Nd4jBackend.nativeLoadFailure(new NoClassDefFoundError()))
                .contains("(NoClassDefFoundError)");
        assertThat(Nd4jBackend.nativeLoadFailure(new UnsatisfiedLinkError("x".repeat(1000))))
                .hasSizeLessThan(400);
    }

    @Test
    @DisplayName("threads: the system property, else OMP_NUM_THREADS, else 1")
    void threads() {
        assertThat(Nd4jBackend.threads(null, null)).isEqualTo(1);
        assertThat(Nd4jBackend.threads(null, "")).isEqualTo(1);
        assertThat(Nd4jBackend.threads(null, "four")).isEqualTo(1);
        assertThat(Nd4jBackend.threads(null, "4")).isEqualTo(4);
        assertThat(Nd4jBackend.threads("2", "4")).isEqualTo(2);
        assertThat(Nd4jBackend.threads(" 3 ", null)).isEqualTo(3);
        for (String bad : new String[] {"0", "-1", "two", ""}) {
            assertThatThrownBy(() -> Nd4jBackend.threads(bad, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(Nd4jBackend.THREADS_PROPERTY);
        }
    }

    @Test
    @DisplayName("finding the backend and asking its name loads no native code")
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void creatingLoadsNoNativeCode(@TempDir Path dir) throws Exception {
        // In a JVM of its own: in this one, other tests have loaded ND4J already.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AskNames.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        int exitCode = process.waitFor(); // bounded by the @Timeout
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(exitCode).as("exit code; output: %s", lines).isZero();

        assertThat(lines).contains("backend nd4j ND4J " + nd4jVersion());
        assertThat(lines).filteredOn(line -> line.startsWith("mapped ")).isNotEmpty()
                .noneMatch(line -> line.contains("nd4j") || line.contains("openblas"));
    }

    /** The version of the ND4J jar on the class path, from the pom.properties Maven packs into it. */
    private static String nd4jVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            assertThat(in).as("nd4j-api's pom.properties").isNotNull();
            properties.load(in);
        }
        return properties.getProperty("version");
    }

    /** Finds every backend, asks what it is, and prints the shared libraries this process has mapped. */
    public static final class AskNames {
        public static void main(String[] args) throws IOException {
            for (Backend backend : Backends.available()) {
                System.out.println("backend " + backend.name() + " " + backend.library() + " " + backend.version());
            }
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                if (line.contains(".so")) {
                    System.out.println("mapped " + line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
    }
}
