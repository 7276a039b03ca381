package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.text.Numbers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code tinynn lab}: the completion page's learning-rate lab and threshold experiment. */
class LabCommandTest {

    /** The numbers of the table line that starts with {@code first} (an epoch, or "final"). */
    private static List<String> line(Cli cli, String first) {
        return cli.out().lines().map(String::strip).filter(l -> l.startsWith(first + " "))
                .map(l -> List.of(l.split("\\s+"))).findFirst().orElseThrow().subList(1, 4);
    }

    @Test
    void eachColumnIsTheSameRunAsTrainWithThatRate() throws Exception {
        Cli lab = Cli.run("lab", "--initial-weights", "0.1");
        assertThat(lab.exitCode()).isZero();
        assertThat(lab.err()).isEmpty();
        assertThat(lab.out()).contains("mean cross-entropy loss, every 100 epochs")
                .containsPattern("epoch\\s+lr 0.01\\s+lr 0.1\\s+lr 0.5\\s+lr 5\n");
        // The lr 0.1 column is the tutorial's page-4 run: the same numbers train prints.
        assertThat(line(lab, "0").get(1)).isEqualTo("0.7005199301");
        assertThat(line(lab, "999").get(1)).isEqualTo("0.05929467468");
        assertThat(line(lab, "final").get(1)).isEqualTo("0.05727847827");
        assertThat(lab.out()).containsPattern("lr 0.1\\s+w = 4.301868546, b = -10.50801156\n");
        // Every column's final loss is train's finalLoss at that rate, and a larger rate got lower here.
        double[] finals = new double[3];
        String[] rates = {"0.01", "0.1", "0.5"};
        for (int k = 0; k < 3; k++) {
            finals[k] = Cli.trainJson("--initial-weights", "0.1", "--learning-rate", rates[k]).get("finalLoss").asDouble();
            assertThat(line(lab, "final").get(k)).isEqualTo(Numbers.num(finals[k]));
        }
        assertThat(finals[0]).isGreaterThan(finals[1]);
        assertThat(finals[1]).isGreaterThan(finals[2]);
    }

    @Test
    void everyKEpochsAndTheLastOne() {
        Cli lab = Cli.run("lab", "--learning-rates", "0.1,2", "--epochs", "10", "--every", "4");
        assertThat(lab.out()).contains("every 4 epochs")
                .containsPattern("\n\\s+0\\s+\\S+\\s+\\S+\n\\s+4\\s+\\S+\\s+\\S+\n\\s+8\\s+\\S+\\s+\\S+\n\\s+9\\s+\\S+\\s+\\S+\n"
                        + "\\s+final\\s");
    }

    @Test
    void atThresholdPointSixTheBorderlineRowFlips() {
        Cli lab = Cli.run("lab", "--data", "quiz-attendance", "--standardize");
        assertThat(lab.exitCode()).isZero();
        assertThat(lab.out())
                .contains("thresholds  Pass when p ≥ 0.5 and 0.6")
                // (73, 70) failed, but the neuron gives it p ≈ 0.57: Pass at 0.5, Fail at 0.6, for every rate.
                .containsPattern("\\s8\\s+\\(73, 70\\)\\s+0\\s+0.577409\\s+Pass\\s+Fail\\s+0.575513\\s+Pass\\s+Fail"
                        + "\\s+0.556868\\s+Pass\\s+Fail\\s")
                .contains("at 0.6 instead of 0.5:")
                .contains("lr 0.1      row 8 (73, 70) Pass → Fail (p 0.575513, label 0: now right)")
                .doesNotContain("row 5 (63, 70) Pass");
    }

    @Test
    void onTheTutorialsModelARowFlipsOnlyAtAMuchHigherThreshold() {
        Cli lab = Cli.run("lab", "--initial-weights", "0.1", "--learning-rates", "0.1", "--thresholds", "0.5,0.6,0.95");
        assertThat(lab.out())
                .contains("Pass when p ≥ 0.5, 0.6 and 0.95")
                .contains("at 0.6 instead of 0.5:\n    lr 0.1      no row changes its decision")
                .contains("at 0.95 instead of 0.5:\n    lr 0.1      row 3 3 Pass → Fail (p 0.916644, label 1: now wrong)");
    }

    @Test
    void aRateThatSaturatesSquaredErrorIsShownNotHidden() {
        // p(1 − p) ≈ 0 once every p is 0 or 1, so squared error's gradient vanishes: stuck at loss 0.5.
        Cli lab = Cli.run("lab", "--loss", "squared-error", "--updates", "batch", "--learning-rates", "0.1,10,1000");
        assertThat(lab.exitCode()).isZero();
        assertThat(line(lab, "999").get(2)).isEqualTo("0.5");
        assertThat(lab.out()).containsPattern("lr 1000\\s+w = 250, b = 0\n");
    }
}
