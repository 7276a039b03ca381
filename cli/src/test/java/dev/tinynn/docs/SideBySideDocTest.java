package dev.tinynn.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/side-by-side.md} in sync with the backends' code: the page is generated from
 * the workspace sources, one row per step of an epoch, one column per backend, holding the actual
 * lines of each method; first the neuron's {@code Workspace}, then the network's
 * {@code NetworkWorkspace}. If a backend changes, this test fails and says how to regenerate the page:
 *
 * <pre>./mvnw -pl cli -am -o test -Dtest=SideBySideDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dtinynn.updateDocs=true</pre>
 */
class SideBySideDocTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path PAGE = ROOT.resolve("docs/side-by-side.md");

    /** A backend's column: its name, its library, and the file that holds its arithmetic. */
    record Column(String name, String library, String file) {
    }

    /** The backends, in the order a reader meets them. */
    static final List<Column> BACKENDS = List.of(
            new Column("plain", "Java arrays, `double[]`", "backend-plain/src/main/java/dev/tinynn/plain/PlainWorkspace.java"),
            new Column("ejml", "EJML, `DMatrixRMaj` with `CommonOps_DDRM`",
                    "backend-ejml/src/main/java/dev/tinynn/ejml/EjmlWorkspace.java"),
            new Column("nd4j", "ND4J, `INDArray` on OpenBLAS and libnd4j",
                    "backend-nd4j/src/main/java/dev/tinynn/nd4j/Nd4jWorkspace.java"));

    /** The same backends' network workspaces, in the same order. */
    static final List<Column> NETWORK_BACKENDS = List.of(
            new Column("plain", "Java arrays, `double[]`",
                    "backend-plain/src/main/java/dev/tinynn/plain/PlainNetworkWorkspace.java"),
            new Column("ejml", "EJML, `DMatrixRMaj` with `CommonOps_DDRM`",
                    "backend-ejml/src/main/java/dev/tinynn/ejml/EjmlNetworkWorkspace.java"),
            new Column("nd4j", "ND4J, `INDArray` on OpenBLAS and libnd4j",
                    "backend-nd4j/src/main/java/dev/tinynn/nd4j/Nd4jNetworkWorkspace.java"));

    /** The steps of one epoch: the Workspace method, its math, what it means. */
    static final String[][] STEPS = {
        {"forward", "z = X·w + b", "raw score of every row"},
        {"sigmoid", "p = σ(z)", "squash each score into (0, 1)"},
        {"loss", "L = mean ℓ(z, p, y)", "how wrong, on average"},
        {"delta", "δ = ∂ℓ/∂z", "each row's share of the blame"},
        {"gradient", "g = Xᵀ·δ / n, g_b = Σδ / n", "how the loss changes with w and b"},
        {"update", "w −= lr·g, b −= lr·g_b", "one step downhill"},
        {"forwardRow", "zᵢ = xᵢ·w + b", "online: one row's score"},
        {"updateRow", "w −= step·xᵢ, b −= step", "online: one row's step"},
    };

    /** The steps of one network step (NetworkWorkspace.step's order): the method, its math, what it means. */
    static final String[][] NETWORK_STEPS = {
        {"selectRows", "rows from .. to − 1", "all rows for a batch epoch, one for an online step"},
        {"forward", "Zₗ = Aₗ₋₁·Wₗ + bₗ", "layer l's raw scores (A₀ = X)"},
        {"activate", "Aₗ = fₗ(Zₗ)", "bend them (σ for the output: A_L = p)"},
        {"loss", "L = mean ℓ(z, p, y)", "how wrong, on average"},
        {"delta", "Δ_L = ∂ℓ/∂z", "each row's share of the blame"},
        {"gradient", "Gₗ = Aₗ₋₁ᵀ·Δₗ / m, gₗ = Σ rows of Δₗ / m", "how the loss changes with Wₗ and bₗ"},
        {"backpropagate", "Δₗ₋₁ = (Δₗ·Wₗᵀ) ⊙ fₗ₋₁′(Zₗ₋₁)", "the blame sent back one layer"},
        {"update", "Wₗ −= lr·Gₗ, bₗ −= lr·gₗ", "one step downhill"},
    };

    @Test
    void pageMatchesTheCode() throws IOException {
        String generated = generate();
        if (Boolean.getBoolean("tinynn.updateDocs")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(PAGE)).as("%s exists", PAGE).isTrue();
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
                .as("docs/side-by-side.md is out of date with the backends' code; regenerate it with%n"
                        + "./mvnw -pl cli -am -o test -Dtest=SideBySideDocTest "
                        + "-Dsurefire.failIfNoSpecifiedTests=false -Dtinynn.updateDocs=true")
                .isEqualTo(generated);
    }

    @Test
    void everyBackendHasEveryStep() throws IOException {
        for (Column backend : BACKENDS) {
            String source = Files.readString(ROOT.resolve(backend.file()), StandardCharsets.UTF_8);
            for (String[] step : STEPS) {
                assertThat(body(source, step[0])).as("%s.%s", backend.name(), step[0]).isNotBlank();
            }
        }
        for (Column backend : NETWORK_BACKENDS) {
            String source = Files.readString(ROOT.resolve(backend.file()), StandardCharsets.UTF_8);
            for (String[] step : NETWORK_STEPS) {
                assertThat(body(source, step[0])).as("%s network's %s", backend.name(), step[0]).isNotBlank();
            }
        }
    }

    static String generate() throws IOException {
        StringBuilder page = new StringBuilder();
        page.append("# The backends side by side\n\n")
                .append("<!-- Generated from the backends' code by cli/src/test/java/dev/tinynn/docs/"
                        + "SideBySideDocTest.java: do not edit by hand. -->\n\n")
                .append("One row per step of an epoch, one column per backend, each cell the actual lines of that ")
                .append("backend's `Workspace` method. The training loop in `core` calls the first six in this ")
                .append("order once per batch epoch; online training calls the last two for every row. ")
                .append("A test regenerates this page from the code and fails if it has drifted.\n\n");
        table(page, BACKENDS, STEPS);
        page.append("\n## A network: hidden layers\n\n")
                .append("The same backends' `NetworkWorkspace`, one row per step of one gradient-descent step, in the ")
                .append("order `NetworkWorkspace.step` calls them: `forward` and `activate` for each layer from the ")
                .append("first, then `loss` and `delta`, then `gradient` and `backpropagate` for each layer from the ")
                .append("last, then `update` for each layer. A batch epoch selects all rows and takes one step; an ")
                .append("online epoch selects one row at a time and takes a step for each.\n\n");
        table(page, NETWORK_BACKENDS, NETWORK_STEPS);
        return page.toString();
    }

    /** The list of files, then one row per step and one column per backend. */
    private static void table(StringBuilder page, List<Column> backends, String[][] steps) throws IOException {
        List<String> sources = new ArrayList<>();
        for (Column backend : backends) {
            sources.add(Files.readString(ROOT.resolve(backend.file()), StandardCharsets.UTF_8));
        }
        page.append("| backend | library | file |\n| --- | --- | --- |\n");
        for (Column backend : backends) {
            page.append("| ").append(backend.name()).append(" | ").append(backend.library()).append(" | [`")
                    .append(Path.of(backend.file()).getFileName()).append("`](../").append(backend.file()).append(") |\n");
        }
        page.append("\n<table>\n<tr><th>step</th>");
        for (Column backend : backends) {
            page.append("<th>").append(backend.name()).append("</th>");
        }
        page.append("</tr>\n");
        for (String[] step : steps) {
            page.append("<tr><td><b>").append(step[0]).append("</b><br><code>").append(html(step[1]))
                    .append("</code><br>").append(step[2]).append("</td>");
            for (String source : sources) {
                page.append("<td><pre lang=\"java\">").append(html(body(source, step[0]))).append("</pre></td>");
            }
            page.append("</tr>\n");
        }
        page.append("</table>\n");
    }

    /** The lines inside method {@code name}'s braces, de-indented. */
    static String body(String source, String name) {
        Matcher start = Pattern.compile("\\n(\\s*)public \\w+ " + name + "\\([^)]*\\) \\{\\n").matcher(source);
        if (!start.find()) {
            return "";
        }
        String indent = start.group(1);
        int end = source.indexOf("\n" + indent + "}\n", start.end() - 1);
        String inner = source.substring(start.end(), end + 1);
        StringBuilder lines = new StringBuilder();
        for (String line : inner.split("\n")) {
            lines.append(line.startsWith(indent + "    ") ? line.substring(indent.length() + 4) : line.strip())
                    .append('\n');
        }
        return lines.toString().stripTrailing();
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
