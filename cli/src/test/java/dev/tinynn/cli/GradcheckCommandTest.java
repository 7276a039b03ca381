package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code tinynn gradcheck}: the numbers of the tutorial's "Formulas" section, from the command line. */
class GradcheckCommandTest {

    @Test
    void atTheTutorialsStartItsRuleIsTheCrossEntropyGradient() {
        Cli cli = Cli.run("gradcheck");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out())
                .contains("data      study-hours: 4 rows; input hours")
                .contains("point     w = 0.1, b = 0")
                .contains("loss      cross-entropy: L = mean over the rows of ℓ = 0.6524765066")
                // mean gradient: analytic, finite difference, |difference|, the tutorial's rule ÷ 4
                .containsPattern("∂L/∂w\\s+-0.3143186568\\s+-0.3143186568\\s+\\d.\\de-1\\d\\s+-0.3143186568\n")
                .containsPattern("∂L/∂b\\s+0.06198584043\\s+0.06198584043\\s+\\d.\\de-1\\d\\s+0.06198584043\n")
                .contains("check     OK: the analytic gradient and the finite differences agree")
                // TutorialFacts: tutorial step (−1.257274627, 0.2479433617); squared error (−0.5893366314, 0.1331191832)
                .containsPattern("\n  w\\s+-1.257274627\\s+-1.257274627\\s+-0.5893366314\n")
                .containsPattern("\n  b\\s+0.2479433617\\s+0.2479433617\\s+0.1331191832\n")
                .contains("verdict   the tutorial's rule is the gradient of cross-entropy, not of the squared error it"
                        + " prints");
    }

    @Test
    void squaredErrorsGradientIsRightButIsNotTheTutorialsRule() {
        Cli cli = Cli.run("gradcheck", "--loss", "squared-error");
        assertThat(cli.exitCode()).isZero();
        // −0.5893366314 / 4 and 0.1331191832 / 4, beside the tutorial's rule ÷ 4, which differs.
        assertThat(cli.out())
                .containsPattern("∂L/∂w\\s+-0.1473341579\\s+-0.1473341579\\s+\\S+\\s+-0.3143186568\n")
                .containsPattern("∂L/∂b\\s+0.0332797958\\s+0.033279795\\d*\\s+\\S+\\s+0.06198584043\n")
                .contains("δ = 2·(p − y)·p·(1 − p) for every row")
                .contains("check     OK")
                .contains("verdict   the tutorial's rule is the gradient of cross-entropy, not of the squared error");
    }

    @Test
    void twoInputsAndAPointOfOurOwn() {
        Cli cli = Cli.run("gradcheck", "--data", "study-sleep", "--weights", "0.5,-0.25", "--bias", "1");
        assertThat(cli.exitCode()).isZero();
        // At w = (0.5, −0.25), b = 1: z = 0.25, 0.5, 0.75, 1; Σ(p − y)·study = −0.2311344247 (NumPy).
        assertThat(cli.out())
                .contains("point     w1 = 0.5, w2 = -0.25, b = 1")
                .containsPattern("\n  w1 \\(study\\)\\s+-0.2311344247\\s+-0.2311344247\\s")
                .containsPattern("∂L/∂w2 \\(sleep\\)\\s")
                .contains("check     OK");
    }

    @Test
    void aLargeStepMakesTheFiniteDifferenceWrongAndTheExitCodeSaysSo() {
        Cli cli = Cli.run("gradcheck", "--h", "1");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out())
                .containsPattern("∂L/∂w\\s+-0.3143186568\\s+-0.3931614565\\s+7.9e-02\\s")
                .contains("check     MISMATCH: they differ by more than 1e-6 (relative)")
                .contains("try a smaller --h such as 1e-5");
    }
}
