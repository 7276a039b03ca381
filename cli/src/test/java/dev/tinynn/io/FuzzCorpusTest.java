package dev.tinynn.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fuzz tests' committed corpora are where Jazzer looks for them. In regression mode Jazzer
 * runs a {@code @FuzzTest} once per file of {@code <Class>Inputs/<method>/} next to the class, and
 * silently runs nothing more when that folder is missing; renaming a fuzz method or moving its
 * class would empty its test without a failure. So: every fuzz method has its folder with the
 * committed seeds in it, and every folder belongs to a fuzz method.
 */
class FuzzCorpusTest {

    @ParameterizedTest
    @ValueSource(classes = {CsvFuzzTest.class, ModelFuzzTest.class})
    void everyFuzzMethodHasItsCorpusAndEveryCorpusItsMethod(Class<?> fuzzTest) throws Exception {
        List<String> methods = Arrays.stream(fuzzTest.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(FuzzTest.class)).map(Method::getName).toList();
        assertThat(methods).as("@FuzzTest methods of %s", fuzzTest.getSimpleName()).isNotEmpty();
        Path inputs = resource(fuzzTest, fuzzTest.getSimpleName() + "Inputs");
        try (Stream<Path> folders = Files.list(inputs)) {
            assertThat(folders.map(p -> p.getFileName().toString()))
                    .as("corpus folders in %s", inputs).containsExactlyInAnyOrderElementsOf(methods);
        }
        for (String method : methods) {
            try (Stream<Path> files = Files.list(inputs.resolve(method))) {
                assertThat(files.filter(Files::isRegularFile).count()).as("inputs of %s.%s", fuzzTest.getSimpleName(), method)
                        .isGreaterThanOrEqualTo(2);
            }
        }
    }

    private static Path resource(Class<?> next, String name) throws IOException, URISyntaxException {
        URL url = next.getResource(name);
        assertThat(url).as("%s next to %s on the test class path", name, next.getName()).isNotNull();
        return Path.of(url.toURI());
    }
}
