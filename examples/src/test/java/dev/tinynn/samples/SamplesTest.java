package dev.tinynn.samples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample, run the way a learner runs it (main with a backend name), on plain, ejml and nd4j (the
 * backends on its class path); the numbers it prints are the tutorial's ({@code TutorialFacts} in core's tests), to ten
 * significant digits.
 */
class SamplesTest {
    /** Within 1e-9, relative for numbers larger than 1: the goldens are rounded to ten significant digits. */
    private static Offset<Double> close(double expected) {
        return within(1e-9 * Math.max(1, Math.abs(expected)));
    }

    /** The backends examples/pom.xml puts on the class path: a sample runs on each, or the test fails. */
    private static final List<String> BACKENDS = List.of("plain", "ejml", "nd4j");

    static Stream<String> backends() {
        return BACKENDS.stream();
    }

    @Test
    void everyBackendThePomNamesIsOnTheClassPath() {
        // Without this, a backend lost from the class path would make every test below run on fewer
        // backends and still pass.
        assertThat(Backends.available()).extracting(Backend::name).containsExactlyInAnyOrderElementsOf(BACKENDS);
    }

    /** What main printed. */
    private static String run(Consumer<String[]> main, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, UTF_8));
        try {
            main.accept(args);
        } finally {
            System.setOut(old);
        }
        return bytes.toString(UTF_8);
    }

    /** The number printed right after the n-th (0-based) occurrence of {@code label}. */
    private static double after(String out, String label, int n) {
        Matcher number = Pattern.compile(Pattern.quote(label) + "\\s*(-?\\d+(?:\\.\\d+)?(?:E-?\\d+)?)").matcher(out);
        for (int i = 0; i <= n; i++) {
            assertThat(number.find()).as("'%s' #%d in:%n%s", label, i, out).isTrue();
        }
        return Double.parseDouble(number.group(1));
    }

    private static double after(String out, String label) {
        return after(out, label, 0);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void page1TheUntrainedNeuron(String backend) {
        String out = run(Page1TheProblem::main, backend);
        assertThat(out).contains("study-hours (4 rows of [hours])").contains("backend: " + backend);
        assertThat(after(out, "p =", 0)).isCloseTo(0.5249791875, close(0.5249791875));
        assertThat(after(out, "p =", 3)).isCloseTo(0.5986876601, close(0.5986876601));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void page2RawScores(String backend) {
        String out = run(Page2OneNeuron::main, backend);
        assertThat(after(out, "raw at 2 hours =", 0)).isCloseTo(0.0, close(0.0));
        assertThat(after(out, "raw at 2 hours =", 1)).isCloseTo(1.0, close(1.0));
        assertThat(after(out, "raw at 2 hours =", 2)).isCloseTo(-0.6, close(-0.6));
        assertThat(after(out, "raw at 0 hours =", 2)).isCloseTo(-1.0, close(-1.0));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void page3SigmoidAndDecisions(String backend) {
        String out = run(Page3SigmoidAndDecisions::main, backend);
        assertThat(after(out, "sigma(-2.0) =")).isCloseTo(0.119202922, close(0.119202922));
        assertThat(after(out, "sigma(0.0) =")).isCloseTo(0.5, close(0.5));
        assertThat(after(out, "sigma(1.2) =")).isCloseTo(0.7685247835, close(0.7685247835));
        assertThat(after(out, "sigma(4.0) =")).isCloseTo(0.98201379, close(0.98201379));
        assertThat(after(out, "3.0 hours: z = 0.5, p =")).isCloseTo(0.6224593312, close(0.6224593312));
        assertThat(after(out, "2.5 hours: z = 0.25, p =")).isCloseTo(0.5621765009, close(0.5621765009));
        assertThat(out).containsPattern("3.0 hours: .* -> Pass").containsPattern("2.5 hours: .* -> Pass");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void page4TheTutorialsLoopAndTheGradients(String backend) {
        String out = run(Page4LossAndTraining::main, backend);
        assertThat(after(out, "(1 - 0.7)^2 =")).isCloseTo(0.09, close(0.09));
        assertThat(after(out, "epoch 0, loss")).isCloseTo(1.015520335, close(1.015520335));
        assertThat(after(out, "epoch 999, loss")).isCloseTo(0.02503895757, close(0.02503895757));
        assertThat(out.lines().filter(line -> line.startsWith("epoch "))).hasSize(11);
        assertThat(after(out, "learned w =")).isCloseTo(4.3018685464211535, close(4.3018685464211535));
        assertThat(after(out, ", b =")).isCloseTo(-10.50801155978499, close(-10.50801155978499));
        assertThat(after(out, "cross-entropy gradient, summed: dw =")).isCloseTo(-1.257274627, close(-1.257274627));
        assertThat(after(out, "db =", 0)).isCloseTo(0.2479433617, close(0.2479433617));
        assertThat(after(out, "squared-error gradient, summed: dw =")).isCloseTo(-0.5893366314, close(-0.5893366314));
        assertThat(after(out, "db =", 1)).isCloseTo(0.1331191832, close(0.1331191832));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void page5PredictionsAndRetraining(String backend) {
        String out = run(Page5CheckYourModel::main, backend);
        assertThat(after(out, "example: 1.5 hours -> p =")).isCloseTo(0.4255574832, close(0.4255574832));
        assertThat(after(out, "example: 2.5 hours -> p =")).isCloseTo(0.7109495026, close(0.7109495026));
        assertThat(after(out, "example: 3.5 hours -> p =")).isCloseTo(0.8909031788, close(0.8909031788));
        assertThat(after(out, "4 rows: w =")).isCloseTo(4.3018685464211535, close(4.3018685464211535));
        assertThat(after(out, "p(2.5 hours) =", 0)).isCloseTo(0.5613541954, close(0.5613541954));
        assertThat(after(out, "boundary", 0)).isCloseTo(2.44266217, close(2.44266217));
        assertThat(after(out, "5 rows: w =")).isCloseTo(4.320806895, close(4.320806895));
        assertThat(after(out, "b =", 1)).isCloseTo(-10.55591336, close(-10.55591336));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void page6OnlineBatchAndTheCombinations(String backend) {
        String out = run(Page6TwoInputs::main, backend);
        assertThat(after(out, "online : w1 =")).isCloseTo(9.513711269, close(9.513711269));
        assertThat(after(out, ", w2 =", 0)).isCloseTo(-3.13932505, close(-3.13932505));
        assertThat(after(out, "batch  : w1 =")).isCloseTo(8.951664356, close(8.951664356));
        assertThat(after(out, ", w2 =", 1)).isCloseTo(-2.969628227, close(-2.969628227));
        assertThat(after(out, ", b =", 1)).isCloseTo(-2.980323146, close(-2.980323146));
        assertThat(after(out, "shifted: w1 =")).isCloseTo(10.51371127, close(10.51371127));
        // The online runs agree in the two combinations the data pins down (up to rounding).
        assertThat(after(out, "w1 + w2 =", 2)).isCloseTo(after(out, "w1 + w2 =", 0), within(1e-12));
        assertThat(after(out, "4*w2 + b =", 2)).isCloseTo(after(out, "4*w2 + b =", 0), within(1e-12));
        assertThat(after(out, "w1 + w2 =", 0)).isCloseTo(6.37438622, close(6.37438622));
        assertThat(after(out, "4*w2 + b =", 0)).isCloseTo(-15.72055928, close(-15.72055928));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void page7TheChainRuleAgreesWithTheBackend(String backend) {
        String out = run(Page7Backprop::main, backend);
        assertThat(after(out, "p =")).isCloseTo(0.5744425168, close(0.5744425168));
        assertThat(after(out, "squared error: dl/dp =")).isCloseTo(-0.8511149664, close(-0.8511149664));
        assertThat(after(out, "dp/dz =")).isCloseTo(0.2444583117, close(0.2444583117));
        assertThat(after(out, "dl/dw =", 0)).isCloseTo(-0.6241863832, close(-0.6241863832));
        assertThat(after(out, "cross-entropy: dl/dp =")).isCloseTo(-1.740818221, close(-1.740818221));
        assertThat(after(out, "dl/dz =")).isCloseTo(-0.4255574832, close(-0.4255574832));
        assertThat(after(out, "backend, squared-error: dl/dw =")).isCloseTo(-0.6241863832, close(-0.6241863832));
        assertThat(after(out, "backend, cross-entropy: dl/dw =")).isCloseTo(-1.27667245, close(-1.27667245));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void page8AHiddenLayerLearnsXor(String backend) {
        String out = run(Page8HiddenLayer::main, backend);
        assertThat(after(out, "one neuron:")).isLessThanOrEqualTo(3);
        // by hand: z = h1 − 2·h2 − 0.5 is ∓0.5, so p is σ(−0.5) or σ(0.5), page 3's 0.6224593312
        assertThat(after(out, "p =", 0)).isCloseTo(0.3775406688, close(0.3775406688));
        assertThat(after(out, "p =", 1)).isCloseTo(0.6224593312, close(0.6224593312));
        assertThat(after(out, "p =", 3)).isCloseTo(0.3775406688, close(0.3775406688));
        assertThat(out).contains("z = 0.5  p = 0.6224593312").contains("Pass").contains("Fail");
        // trained from seed 1, the same numbers on every backend
        assertThat(after(out, "p =", 4)).isCloseTo(0.004860648778, close(0.004860648778));
        assertThat(after(out, "p =", 5)).isCloseTo(0.9947295272, close(0.9947295272));
        assertThat(out).contains("a hidden layer of 2 on " + backend + ": 4 of 4 rows right");
        assertThat(after(out, "final loss")).isCloseTo(0.005878854458, close(0.005878854458));
    }

    @Test
    void withoutAnArgumentASampleUsesPlain() {
        assertThat(run(Page1TheProblem::main)).contains("backend: plain");
    }

    @Test
    void anUnknownBackendIsNamedWithTheOnesThereAre() {
        assertThatThrownBy(() -> run(Page4LossAndTraining::main, "cuda"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown backend 'cuda'; available: ").hasMessageContaining("plain");
    }
}
