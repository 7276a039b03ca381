package dev.tinynn.web;

import dev.tinynn.web.api.Page6Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Source code the pages show, read from copies of the real files that the build puts in this jar
 * (see web/pom.xml), so the pages cannot drift from the code: the samples of {@code examples/} for
 * the code cells, and the backends' workspaces for page 6's tabs (each step's method body, cut out
 * the way docs/side-by-side.md is).
 */
final class Sources {
    /** Each tab's workspace file, as the repository names it. */
    static final Map<String, String> WORKSPACES = Map.of(
            "plain", "backend-plain/src/main/java/dev/tinynn/plain/PlainWorkspace.java",
            "ejml", "backend-ejml/src/main/java/dev/tinynn/ejml/EjmlWorkspace.java",
            "nd4j", "backend-nd4j/src/main/java/dev/tinynn/nd4j/Nd4jWorkspace.java");

    /** The samples, page by page. */
    static final List<String> SAMPLES = List.of("Page1TheProblem", "Page2OneNeuron", "Page3SigmoidAndDecisions",
            "Page4LossAndTraining", "Page5CheckYourModel", "Page6TwoInputs", "Page7Backprop", "Page8HiddenLayer");

    /** The steps of an epoch: the Workspace method and its maths. */
    static final String[][] STEPS = {
        {"forward", "z = X·w + b"},
        {"sigmoid", "p = σ(z)"},
        {"loss", "L = mean ℓ(z, p, y)"},
        {"delta", "δ = ∂ℓ/∂z"},
        {"gradient", "g = Xᵀ·δ / n, g_b = Σδ / n"},
        {"update", "w −= lr·g, b −= lr·g_b"},
        {"forwardRow", "zᵢ = xᵢ·w + b (online)"},
        {"updateRow", "w −= step·xᵢ, b −= step (online)"},
    };

    private Sources() {
    }

    /**
     * Page n's sample as a JShell cell: the class as examples/ has it (less its package line, which
     * JShell does not take), then a call of its main method with the chosen backend.
     */
    static String sampleCell(int page, String backend) {
        String name = SAMPLES.get(page - 1);
        String source = read("sources/dev/tinynn/samples/" + name + ".java");
        String body = source.replaceFirst("(?m)^package [\\w.]+;\\s*\\n", "").strip();
        return body + "\n\n" + name + ".main(new String[] {\"" + backend + "\"});\n";
    }

    /** Backend {@code name}'s code for each step of an epoch. */
    static List<Page6Json.Step> workspaceSteps(String name) {
        String file = WORKSPACES.get(name);
        String source = read("sources/" + file.substring(file.indexOf("dev/tinynn/")));
        List<Page6Json.Step> steps = new ArrayList<>();
        for (String[] step : STEPS) {
            steps.add(new Page6Json.Step(step[0], step[1], body(source, step[0])));
        }
        return steps;
    }

    /** The lines inside method {@code name}'s braces, de-indented. */
    static String body(String source, String name) {
        Matcher start = Pattern.compile("\\n(\\s*)public \\w+ " + name + "\\([^)]*\\) \\{\\n").matcher(source);
        if (!start.find()) {
            throw new IllegalStateException("no method " + name + " in the backend's source");
        }
        String indent = start.group(1);
        int end = source.indexOf("\n" + indent + "}\n", start.end() - 1);
        StringBuilder lines = new StringBuilder();
        for (String line : source.substring(start.end(), end + 1).split("\n")) {
            lines.append(line.startsWith(indent + "    ") ? line.substring(indent.length() + 4) : line.strip())
                    .append('\n');
        }
        return lines.toString().stripTrailing();
    }

    static String read(String resource) {
        try (InputStream in = Sources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the program; rebuild it with ./mvnw package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
