package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Core's diagnoses as the commands print them: lines starting with "  warning" on stdout, with the
 * numbers that show the problem and what to try. The README's break-it run and learning rate 50 with
 * squared error saturate; the tutorial's run prints none; the lab's default rates show a run too
 * slow to finish and one that overshoots; following the printed advice literally ends the warnings.
 */
class WarningsTest {

    private static List<String> warnings(Cli cli) {
        assertThat(cli.exitCode()).as("exit code (stderr: %s)", cli.err()).isZero();
        return cli.out().lines().filter(line -> line.startsWith("  warning")).toList();
    }

    @Test
    void theTutorialsRunPrintsNone() {
        assertThat(warnings(Cli.run("train", "--initial-weights", "0.1"))).isEmpty();
        assertThat(warnings(Cli.run("train"))).isEmpty();
    }

    @Test
    void theReadmesBreakItRunPrintsSaturation() {
        List<String> lines = warnings(Cli.run("train", "--loss", "squared-error", "--updates", "batch",
                "--learning-rate", "1000"));
        assertThat(lines).containsExactly(
                "  warning   saturated: row 1 (p = 1, label 0), row 2 (p = 1, label 0): σ'(z) = p(1 − p) ≈ 0 there,"
                        + " so δ = 2(p − y)·p(1 − p) ≈ 0 and the weights stopped moving",
                "  warning   try a smaller learning rate (--learning-rate 100), --standardize, or --loss cross-entropy,"
                        + " whose δ = p − y never vanishes");
    }

    @Test
    void learningRate50WithSquaredErrorPrintsSaturationOfThePassRows() {
        List<String> lines = warnings(Cli.run("train", "--learning-rate", "50", "--loss", "squared-error"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("  warning   saturated: row 3 (p = 1.929E-22, label 1), row 4 (p = 7.188E-28,"
                + " label 1): ");
    }

    @Test
    void followingTheAdviceLiterallyEndsTheWarnings() {
        // break it, then do what each warning says: 1000 → 100 (still saturated) → 10 (overshoots) → 1
        Pattern advice = Pattern.compile("--learning-rate ([0-9.Ee-]*[0-9])");
        String rate = "1000";
        List<String> tried = new ArrayList<>();
        for (int attempt = 0; attempt < 6; attempt++) {
            tried.add(rate);
            List<String> lines = warnings(Cli.run("train", "--loss", "squared-error", "--updates", "batch",
                    "--learning-rate", rate));
            if (lines.isEmpty()) {
                break;
            }
            Matcher found = advice.matcher(String.join("\n", lines));
            assertThat(found.find()).as("advice in %s", lines).isTrue();
            rate = found.group(1);
        }
        assertThat(tried).containsExactly("1000", "100", "10", "1");
    }

    @Test
    void theLabsDefaultRatesShowTooSlowAndOvershoot() {
        List<String> lines = warnings(Cli.run("lab"));
        assertThat(lines).containsExactly(
                "  warning   lr 0.01: not converged: the loss still fell from 0.26491 at epoch 899 to 0.25088 at"
                        + " epoch 999, 3.1% of its whole fall in the last tenth of the run",
                "  warning   lr 0.01: more epochs would help: try --epochs 2000 (or a larger learning rate)",
                "  warning   lr 5: overshoot: the loss rose from one epoch to the next in 1 of 1000 epochs, first at"
                        + " epoch 1 (2.67827 → 10.6242), highest 10.6242 at epoch 1, 3.97 times epoch 0's",
                "  warning   lr 5: the steps jump past the bottom of the loss and back up the other side; try a smaller"
                        + " learning rate, such as --learning-rates 0.5");
    }

    @Test
    void moreEpochsEndNotConverged() {
        assertThat(warnings(Cli.run("train", "--learning-rate", "0.01"))).hasSize(2);
        assertThat(warnings(Cli.run("train", "--learning-rate", "0.01", "--epochs", "2000"))).hasSize(2);
        // the loss keeps falling on separable data; the share of the whole fall still made shrinks with the run
        assertThat(warnings(Cli.run("train", "--learning-rate", "0.01", "--epochs", "8000"))).isEmpty();
    }

    @Test
    void compareWarnsOnceFromThePlainRun() {
        List<String> lines = warnings(Cli.run("compare", "--loss", "squared-error", "--learning-rate", "50"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("  warning   saturated: row 3 (p = 1.929E-22, label 1)");
    }

    @Test
    void theTutorialWarnsOnlyAboutTheNumPyTabsOvershoot() {
        assertThat(warnings(Cli.run("tutorial", "--page", "4"))).isEmpty();
        List<String> page6 = warnings(Cli.run("tutorial", "--page", "6"));
        assertThat(page6).hasSize(2);
        assertThat(page6.get(0)).startsWith("  warning   overshoot: the loss rose from one epoch to the next in ");
    }
}
