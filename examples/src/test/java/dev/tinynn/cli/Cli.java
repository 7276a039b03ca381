package dev.tinynn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs {@code tinynn} in-process, capturing what it prints and its exit code. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
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

    /** A file under src/test/resources, as a path the program can be given. */
    static String resource(String name) {
        try {
            return Path.of(Cli.class.getResource("/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
