package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code tinynn} in-process, capturing what it prints and its exit code. */
public record Cli(int exitCode, String out, String err) {

    public static Cli run(String... args) {
        return run(false, args);
    }

    /** As the program runs with {@code --verbose} among its arguments. */
    static Cli run(boolean verbose, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine(verbose);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** {@code tinynn train --json ARGS}, which must succeed silently on stderr: its JSON object. */
    static JsonNode trainJson(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("train", "--json"));
        all.addAll(List.of(args));
        Cli cli = run(all.toArray(String[]::new));
        if (cli.exitCode() != 0 || !cli.err().isEmpty()) {
            throw new AssertionError("train --json failed with exit code " + cli.exitCode() + ": " + cli.err());
        }
        return new ObjectMapper().readTree(cli.out());
    }

    /** A JSON array of numbers. */
    public static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    /**
     * Runs {@code tinynn COMMAND OPTION} and checks that it is refused as bad usage: exit code 2,
     * nothing on stdout, one line on stderr that names the command, contains {@code message} and
     * points at the command's help.
     */
    static void assertUsageError(String command, String option, String message) {
        Cli cli = run(command, option);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("tinynn " + command + ": ").contains(message)
                .contains("(see 'tinynn " + command + " --help')");
        assertThat(cli.err().lines()).hasSize(1);
    }

    /** A file under src/test/resources or examples/data, as a path the program can be given. */
    static String resource(String name) {
        try {
            return Path.of(Cli.class.getResource("/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
