package dev.tinynn.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tinynn jshell} and the scripts in examples/jshell: JShell runs in this process exactly as
 * for a learner, with the script loaded; then the test types a line or two and /exit, and checks
 * the numbers printed.
 */
class JShellCommandTest {

    /** Everything JShell printed for {@code script}, then {@code typed} and /exit. */
    private static String shell(String script, String typed) throws Exception {
        JShellCommand command = new JShellCommand();
        command.script = script;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream((typed + "\n/exit\n").getBytes(UTF_8));
        int code = command.run(in, out, new HashMap<>());
        String printed = bytes.toString(UTF_8);
        assertThat(code).as(printed).isZero();
        assertThat(printed).doesNotContain("Error:").doesNotContain("Exception");
        return printed;
    }

    @Test
    void neuronScriptTrainsTheTutorialsNeuronAndLeavesItReadyToPlayWith() throws Exception {
        String out = shell("neuron", "System.out.println(\"p(3) = \" + p(3) + \", \" + decide(2) + \", \" + retrain(0.5));");
        assertThat(out)
                .contains("the tutorial's neuron, trained on study-hours (4 rows of [hours])")
                .contains("w = 4.3018685464211535, b = -10.50801155978499")
                .contains("1.0 hours: z = -6.206143")
                .contains("p = 0.0020129419224617644 -> Fail")
                .contains("2.5 hours: z = 0.24665980")
                .contains("p = 0.5613541953522169 -> Pass")
                .contains("p = 0.9987699413670583 -> Pass")
                .contains("boundary (p = 0.5) at 2.4426621702624787 hours")
                .contains("p(3) = 0.9166436559560125, Fail, Model[w=[");
    }

    @Test
    void learningRateLabPrintsTheLossPerEpochForFourRates() throws Exception {
        String out = shell("learning-rate-lab", "");
        // lr 0.1 is the tutorial's run: summed squared error 1.015520 at epoch 0, 0.025039 at epoch 999.
        assertThat(out).containsPattern("0.1\\s+1.015520\\s+0.267030\\s+0.155679\\s+0.062199\\s+0.025039\\s")
                .containsPattern("0.01\\s+0.931908\\s+0.731950\\s+0.603089\\s+0.384276\\s+0.242794\\s")
                .containsPattern("0.5\\s+1.180567\\s+0.070345\\s+0.023951\\s+0.005039\\s+0.001435\\s")
                // 5 overshoots: core's diagnosis says so; 0.01 is still falling at the end
                .contains("lr 5.0: [Overshoot[rises=4, epochs=1000, firstRise=1,")
                .contains("lr 0.01: [NotConverged[fromEpoch=899,")
                .contains("lr 0.1: healthy")
                .contains("lr 0.1:\n     0 " + "#".repeat(20) + " ")
                .contains("   900 # ");
    }

    @Test
    void thresholdLabShowsWhoFlipsAtPoint6() throws Exception {
        String out = shell("threshold-lab", "flips(0.99);");
        assertThat(out)
                .containsPattern("2.5\\s+0.5613541954\\s+Pass\\s+Fail\\s+flips")
                .containsPattern("3.0\\s+0.9166436560\\s+Pass\\s+Pass\\s*\n")
                .contains("boundary at 0.5: 2.4426621702624787 hours; at 0.6: ")
                // At 0.99 the 3-hour student flips too.
                .containsPattern("3.0\\s+0.9166436560\\s+Pass\\s+Fail\\s+flips");
    }

    @Test
    void aLearnersOwnScriptFile(@TempDir Path dir) throws Exception {
        Path mine = dir.resolve("mine.jsh");
        Files.writeString(mine, "import dev.tinynn.core.*;\nSystem.out.println(\"mine: \" + Sigmoid.of(-2));\n");
        assertThat(shell(mine.toString(), "")).contains("mine: 0.11920292202211755");
    }

    @Test
    void networkScriptLearnsXorWithTwoHiddenUnits() throws Exception {
        String out = shell("network", "System.out.println(\"p(1, 1) = \" + p(1, 1));\n");
        assertThat(out).contains("one neuron on xor: 1 of 4 rows right").contains("a hidden layer of 2: 4 of 4 rows right")
                .containsPattern("p\\(1, 1\\) = 0\\.0[0-9]+");
    }

    @Test
    void anUnknownScriptGetsOneLineAndTheUsageExitCode() {
        Cli cli = Cli.run("jshell", "no-such-script");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("tinynn jshell: no script 'no-such-script': use one of neuron, "
                + "learning-rate-lab, threshold-lab, network, or the path of a .jsh file");
        assertThat(cli.err().lines()).hasSize(1);
    }

    @Test
    void helpNamesTheScriptsAndTheCommandWithoutTinynn() {
        Cli cli = Cli.run("jshell", "--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("learning-rate-lab").contains("threshold-lab")
                .contains("jshell --class-path cli/target/tinynn.jar examples/jshell/neuron.jsh");
    }
}
