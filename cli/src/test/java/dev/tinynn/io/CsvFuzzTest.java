package dev.tinynn.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Standardization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Any bytes, saved as a learner's CSV file: {@link CsvTable#read} either gives a table or throws
 * the program's one-line {@link IllegalArgumentException} naming the file; so do turning the table
 * into a dataset and standardising it. Any other exception (a NumberFormatException included), a
 * message of more than one line or that does not name the file, or a NaN or infinite z-score is a finding.
 *
 * <p>{@code ./mvnw verify} runs this once per file of its corpus in
 * {@code src/test/resources/dev/tinynn/io/CsvFuzzTestInputs/csvFileIsReadOrRefusedInOneLine/};
 * {@code JAZZER_FUZZ=1} fuzzes it for real (docs/robustness.md has the command).
 */
class CsvFuzzTest {
    private static Path file;

    /** One file, rewritten for every input: the reader is given a path, as on the command line. */
    static synchronized Path file() throws IOException {
        if (file == null) {
            Path dir = Files.createTempDirectory("tinynn-csv-fuzz");
            dir.toFile().deleteOnExit();
            file = dir.resolve("fuzz.csv");
            file.toFile().deleteOnExit();
        }
        return file;
    }

    @FuzzTest
    // Jazzer escapes quotes and backslashes itself; line breaks cannot be dictionary entries (the seeds have them).
    @DictionaryEntries({",", "\"", "\"\"", "hours,passed", "1e308", "-1e308", "4.9e-324", "1e-300", "NaN",
        "Infinity", "0x1p3", "1d", "0", "1", ".5", "e5"})
    void csvFileIsReadOrRefusedInOneLine(byte[] bytes) throws IOException {
        Path path = Files.write(file(), bytes);
        try {
            CsvTable table = CsvTable.read(path.toString());
            Dataset data = table.dataset(null, null);
            assertThat(Arrays.stream(data.rowMajor()).allMatch(Double::isFinite)).isTrue();
            Dataset scaled = Standardization.of(data).apply(data);
            assertStandardised(data, scaled);
        } catch (IllegalArgumentException refused) {
            assertRefusal(refused, path);
        }
    }

    /** Every column of z-scores has mean 0 and population standard deviation 1 (to rounding). */
    static void assertStandardised(Dataset data, Dataset scaled) {
        int n = scaled.rows();
        for (int j = 0; j < scaled.features(); j++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double z = scaled.x(i, j);
                assertThat(z).as("z-score of row %d, column %d of %s", i, j, Arrays.toString(data.rowMajor())).isFinite();
                sum += z;
                squares += z * z;
            }
            assertThat(Math.abs(sum / n)).as("mean z-score of column %d of %s", j, Arrays.toString(data.rowMajor()))
                    .isLessThan(1e-6);
            assertThat(Math.abs(squares / n - 1)).as("variance of z-scores of column %d of %s", j,
                    Arrays.toString(data.rowMajor())).isLessThan(1e-6);
        }
    }

    /**
     * The program's error contract: the program's own refusal (an IllegalArgumentException, not a
     * subclass such as NumberFormatException escaping from a parser), one non-blank line, which
     * Main prints after the command's name, naming the file it is about.
     */
    static void assertRefusal(IllegalArgumentException e, Path file) {
        assertThat(e.getClass()).as("the refusal %s", e).isEqualTo(IllegalArgumentException.class);
        String message = e.getMessage();
        assertThat(message).as("message of %s", e).isNotBlank();
        assertThat(message).as("message of %s", e).doesNotContain("\n").doesNotContain("\r");
        assertThat(message).as("message of %s", e).contains(file.toString());
    }
}
