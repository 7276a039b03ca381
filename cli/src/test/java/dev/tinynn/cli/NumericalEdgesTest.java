package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs at the ends of the double range, through every command that reads data, on every
 * backend. Whatever happens, stdout never holds a NaN or an Infinity: a command either answers
 * with finite numbers (exit 0), refuses the input in one line (exit 2), or says in one line at
 * which epoch training diverged (exit 1).
 */
class NumericalEdgesTest {
    @TempDir
    static Path dir;

    /** The data files, each a learner's CSV: header, then rows. */
    static final String[][] FILES = {
        {"huge", "x,passed\n1e300,0\n2e300,1\n-1e300,0\n"},
        {"near-max", "x,passed\n1.7e308,1\n-1.7e308,0\n-1.7e308,0\n"},
        {"tiny", "x,passed\n1e-300,0\n2e-300,1\n3e-300,1\n"},
        {"subnormal", "x,passed\n4.9e-324,0\n1e-323,1\n"},
        {"mixed", "a,b,passed\n1e300,1e-300,0\n-1e300,4.9e-324,1\n3e299,0,1\n1,2e-300,0\n"},
        {"constant", "x,k,passed\n1,7,0\n2,7,1\n3,7,1\n"},
        {"constant-tenths", "x,k,passed\n1,0.1,0\n2,0.1,1\n3,0.1,1\n4,0.1,0\n5,0.1,1\n6,0.1,1\n7,0.1,0\n8,0.1,1\n"
                + "9,0.1,1\n10,0.1,0\n"},
        {"one-row", "x,passed\n3,1\n"},
        {"one-row-zero", "x,passed\n0,1\n"},
        {"zeros", "x,passed\n0,0\n0,1\n"},
        {"ordinary", "hours,passed\n1,0\n2,0\n3,1\n4,1\n"},
    };

    static final List<String> BACKENDS = List.of("plain", "ejml", "nd4j");

    /** Data at ordinary scales, where every command must answer with exit 0 (the others may refuse or diverge). */
    static final List<String> ORDINARY = List.of("ordinary");

    static String file(String name) throws IOException {
        for (String[] f : FILES) {
            if (f[0].equals(name)) {
                Path path = dir.resolve(name + ".csv");
                if (!Files.exists(path)) {
                    Files.writeString(path, f[1]);
                }
                return path.toString();
            }
        }
        throw new IllegalArgumentException(name);
    }

    /**
     * Every file through train (raw and standardised; online, batch, both losses, --json), lab and
     * gradcheck on every backend, and compare.
     */
    static Stream<Arguments> commands() {
        List<Arguments> all = new ArrayList<>();
        for (String[] f : FILES) {
            for (String standardize : new String[] {"", "--standardize"}) {
                for (String backend : BACKENDS) {
                    all.add(Arguments.of(f[0], "train --backend " + backend + " " + standardize));
                    all.add(Arguments.of(f[0], "train --backend " + backend + " --updates batch --loss squared-error"
                            + " --learning-rate 1e6 --epochs 50 " + standardize));
                    all.add(Arguments.of(f[0], "train --json --backend " + backend + " --updates batch --epochs 50 "
                            + standardize));
                    all.add(Arguments.of(f[0], "lab --backend " + backend + " --epochs 50 " + standardize));
                    all.add(Arguments.of(f[0], "gradcheck --backend " + backend + " " + standardize));
                }
                all.add(Arguments.of(f[0], "compare --epochs 50 " + standardize));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("commands")
    void neverPrintsNaNOrInfinity(String data, String command) throws IOException {
        List<String> args = new ArrayList<>(List.of(command.trim().split(" +")));
        args.add(1, "--data");
        args.add(2, file(data));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.out()).as("stdout (stderr: %s)", cli.err()).doesNotContain("NaN").doesNotContain("Infinity");
        List<String> errors = cli.err().lines().filter(line -> !line.contains(": warning: ")).toList();
        if (ORDINARY.contains(data)) { // nothing to refuse, nothing to overflow: every command must simply answer
            assertThat(cli.exitCode()).as("exit code; stderr: %s", cli.err()).isZero();
            assertThat(cli.err()).as("stderr").isEmpty();
            assertThat(cli.out()).doesNotContain("MISMATCH");
        }
        switch (cli.exitCode()) {
            case 0 -> assertThat(errors).as("stderr").isEmpty();
            case 1 -> {
                if (command.startsWith("gradcheck")) { // finite differences cannot resolve a loss near 1e298
                    assertThat(cli.out()).contains("check     MISMATCH");
                    assertThat(errors).as("stderr").isEmpty();
                } else {
                    assertThat(errors).as("stderr").singleElement().asString().contains("training diverged at epoch ");
                }
            }
            case 2 -> assertThat(errors).as("stderr").hasSize(1);
            default -> throw new AssertionError("exit code " + cli.exitCode() + ": " + cli.err());
        }
    }

    /** What each file does to a plain {@code train} (exit code, and a piece of stderr's one line). */
    static Stream<Arguments> expectations() {
        return Stream.of(
                Arguments.of("huge", "", 1, "training diverged at epoch 0: the raw score z = x·w + b of row 2 (line 3 of "),
                Arguments.of("huge", "--standardize", 0, ""),
                Arguments.of("near-max", "--standardize", 0, ""),
                Arguments.of("tiny", "", 0, ""),
                Arguments.of("tiny", "--standardize", 0, ""),
                Arguments.of("subnormal", "", 0, ""),
                Arguments.of("subnormal", "--standardize", 2, "below the smallest normal double"),
                Arguments.of("mixed", "--standardize", 0, ""),
                Arguments.of("constant", "--standardize", 2, "feature 'k' of '" + dir.resolve("constant.csv")
                        + "' has the same value (7.0) in every row"),
                Arguments.of("constant-tenths", "--standardize", 2, "has the same value (0.1) in every row"),
                Arguments.of("one-row", "", 0, ""),
                Arguments.of("one-row", "--standardize", 2, "has the same value (3.0) in every row"),
                Arguments.of("one-row-zero", "", 0, ""),
                Arguments.of("zeros", "", 0, ""));
    }

    @ParameterizedTest(name = "{0} {1}: exit {2}")
    @MethodSource("expectations")
    void trainAnswersOrSaysWhy(String data, String standardize, int exitCode, String message) throws IOException {
        for (String backend : BACKENDS) {
            List<String> args = new ArrayList<>(List.of("train", "--backend", backend, "--data", file(data)));
            if (!standardize.isEmpty()) {
                args.add(standardize);
            }
            Cli cli = Cli.run(args.toArray(String[]::new));
            assertThat(cli.exitCode()).as("%s: %s", backend, cli.err()).isEqualTo(exitCode);
            assertThat(cli.err()).as(backend).contains(message);
            assertThat(cli.out()).as(backend).doesNotContain("NaN").doesNotContain("Infinity");
        }
    }

    @Test
    void aWeightStuckAtZeroHasNoBoundaryRatherThanInfinity() throws IOException {
        // x is 0 in the only row, so w never moves from 0: (0 − b) / w would be −Infinity.
        Cli cli = Cli.run("train", "--data", file("one-row-zero"));
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("  boundary  none: w = 0, so every x gets the same p = σ(b) = 0.9897566256");
    }
}
