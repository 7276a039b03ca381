package dev.tinynn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tinynn jshell}: the JShell tool, started in this process with tinynn on its class path and
 * one of the scripts of {@code examples/jshell} loaded, so a neuron is ready to play with.
 */
@Command(name = "jshell", mixinStandardHelpOptions = true,
        description = {
            "Opens JShell with tinynn on the class path and a script loaded: by default neuron, the tutorial's "
                    + "trained neuron with p(hours) and decide(hours) ready to call. Type /exit to leave.",
            "Needs a full JDK (JShell comes with it, a bare JRE lacks it)."},
        footer = {
            "",
            "Scripts (the files in examples/jshell, built into the program):",
            "  neuron              the tutorial's neuron: p(2.5), decide(3), neuron.boundary(0.5), …",
            "  learning-rate-lab   the loss per epoch for learning rates 0.01, 0.1, 0.5: lab(0.01, 1, 5)",
            "  threshold-lab       who flips when Pass needs p >= 0.6 instead of 0.5: flips(0.7)",
            "  network             XOR learned by a hidden layer of 2: p(0, 1), hidden(1, 0), retrain(4, \"tanh\", 7)",
            "",
            "The same without this command:",
            "  jshell --class-path cli/target/tinynn.jar examples/jshell/neuron.jsh"})
public final class JShellCommand implements Callable<Integer> {
    /** The scripts built into the program, from examples/jshell. */
    static final List<String> SCRIPTS = List.of("neuron", "learning-rate-lab", "threshold-lab", "network");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SCRIPT", defaultValue = "neuron",
            description = "neuron, learning-rate-lab, threshold-lab, network, or the path of your own .jsh file "
                    + "(default: ${DEFAULT-VALUE}).")
    String script = "neuron";

    @Override
    public Integer call() throws Exception {
        return run(null, null, null);
    }

    /**
     * Runs JShell on {@code in} and {@code out} (the terminal when both are null) and returns its
     * exit code. Tests give their own streams and {@code preferences}, so nothing is saved.
     */
    int run(InputStream in, PrintStream out, Map<String, String> preferences) throws Exception {
        if (ModuleLayer.boot().findModule("jdk.jshell").isEmpty()) {
            throw new IllegalStateException("JShell is not in this Java runtime (" + System.getProperty("java.home")
                    + "); it comes with a full JDK 17 or newer");
        }
        Path file = scriptFile();
        String classPath = System.getProperty("java.class.path");
        JavaShellToolBuilder shell = JavaShellToolBuilder.builder();
        if (in != null) {
            shell.in(in, in).out(out).err(out).interactiveTerminal(false);
        }
        if (preferences != null) {
            shell.persistence(preferences);
        }
        return shell.start("--class-path", classPath, file.toString());
    }

    /** The script to load: a built-in one copied out of the jar, or the learner's own file. */
    private Path scriptFile() {
        if (SCRIPTS.contains(script)) {
            try (InputStream text = JShellCommand.class.getResourceAsStream("/dev/tinynn/jshell/" + script + ".jsh")) {
                if (text == null) {
                    throw new IllegalStateException("the script '" + script + "' is missing from the program; "
                            + "rebuild it with ./mvnw install");
                }
                Path copy = Files.createTempFile("tinynn-" + script + "-", ".jsh");
                copy.toFile().deleteOnExit();
                Files.copy(text, copy, StandardCopyOption.REPLACE_EXISTING);
                return copy;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy the script '" + script + "' to a temporary file", e);
            }
        }
        Path own = Path.of(script);
        if (!Files.isRegularFile(own)) {
            throw new ParameterException(spec.commandLine(), "no script '" + script + "': use one of "
                    + String.join(", ", SCRIPTS) + ", or the path of a .jsh file");
        }
        // The rule: your own script's name ends in .jsh, so a data file (marks.csv) is never run as Java.
        if (!script.toLowerCase(java.util.Locale.ROOT).endsWith(".jsh")) {
            throw new ParameterException(spec.commandLine(), "'" + script + "' is not a JShell script (its name does"
                    + " not end in .jsh); give one of " + String.join(", ", SCRIPTS) + ", or your own script, named"
                    + " like mine.jsh");
        }
        return own;
    }
}
