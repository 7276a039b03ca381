package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code tinynn train --trace}: the batch trace's numbers (checked against a separate Python loop,
 * rounded to the ten digits the program prints), how many epochs {@code --trace-epochs} writes
 * out, and the refusal of {@code --trace} with {@code --json}.
 */
class TraceTest {

    @Test
    void batchTraceWritesOutOneStepFromAllRows() {
        Cli cli = Cli.run("train", "--initial-weights", "0.1", "--updates", "batch", "--trace", "--epochs", "1");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        // w = 0.1, b = 0 on hours 1..4, labels 0, 0, 1, 1: p = σ(0.1), …, σ(0.4); L = 0.6524765065809106;
        // g = −0.3143186567528298, g_b = 0.06198584042888225; w ← 0.13143186567528298, b ← −0.006198584042888225.
        assertThat(cli.out())
                .contains("epoch 0 (batch: one step from all 4 rows)")
                .contains("row 1: z = 1·0.1 + 0 = 0.1,  p = σ(z) = 0.5249791875,  ")
                .contains("row 4: z = 4·0.1 + 0 = 0.4,  p = σ(z) = 0.5986876601,  ")
                .contains("= -0.4013123399") // δ of row 4: p − y
                .contains("loss = mean of the rows' cross-entropy = 0.6524765066")
                .contains("g[hours] = Σ δ·hours / 4 = -0.3143186568")
                .contains("w = 0.1 − 0.1·-0.3143186568 = 0.1314318657")
                .contains("g_b = Σ δ / 4 = 0.06198584043")
                .contains("b = 0 − 0.1·0.06198584043 = -0.006198584043")
                .doesNotContain("epoch 0, row 1:"); // batch mode has no per-row updates to trace
    }

    @Test
    void traceEpochsSetsHowManyEpochsAreWrittenOut() {
        Cli two = Cli.run("train", "--initial-weights", "0.1", "--trace", "--trace-epochs", "2", "--epochs", "5");
        assertThat(two.exitCode()).as(two.err()).isZero();
        assertThat(two.out())
                .contains("epoch 0, row 1: x = 1, y = 0")
                .contains("epoch 0, row 4: x = 4, y = 1")
                .contains("epoch 0: mean loss 0.7005199301") // run 1's first epoch
                .contains("epoch 1, row 1: x = 1, y = 0")
                .contains("epoch 1: mean loss ")
                .doesNotContain("epoch 2, row 1")
                .doesNotContain("epoch 2: mean loss");

        Cli one = Cli.run("train", "--initial-weights", "0.1", "--trace", "--epochs", "5");
        assertThat(one.out()).contains("epoch 0: mean loss 0.7005199301").doesNotContain("epoch 1, row 1");

        Cli none = Cli.run("train", "--initial-weights", "0.1", "--trace", "--trace-epochs", "0", "--epochs", "5");
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).doesNotContain("epoch 0, row 1").doesNotContain("mean loss");
    }

    @Test
    void traceWithJsonIsRefused() {
        Cli cli = Cli.run("train", "--trace", "--json");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err().lines()).singleElement().asString()
                .isEqualTo("tinynn train: --trace and --json cannot be combined: --json prints the JSON object alone"
                        + " (see 'tinynn train --help')");
    }

    @Test
    void aNegativeTraceEpochsIsRefused() {
        Cli cli = Cli.run("train", "--trace", "--trace-epochs", "-1");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().lines()).singleElement().asString().contains("--trace-epochs must be between 0 and 100, got -1");
    }
}
