package dev.tinynn.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code tinynn} as its own process, as a learner does, for what depends on the process's
 * environment: variables such as {@code LANG} and {@code DISPLAY}, where stdout goes (a closed
 * pipe, {@code /dev/full}), signals. The child runs {@link Main} on this test's class path (the
 * same classes the shipped jar holds) with a clean environment plus {@code env}.
 */
final class Program {
    private Program() {
    }

    /** What a finished run printed (stdout as bytes, for encoding checks) and its exit code. */
    record Result(int exitCode, byte[] stdout, String err) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** The command line that starts the program in a child JVM. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** A process builder for the program with exactly PATH, HOME and {@code env} set. */
    static ProcessBuilder builder(Map<String, String> env, String... args) {
        ProcessBuilder builder = new ProcessBuilder(command(args));
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        String home = environment.get("HOME");
        environment.clear();
        environment.put("PATH", path == null ? "/usr/bin:/bin" : path);
        if (home != null) {
            environment.put("HOME", home);
        }
        environment.putAll(env);
        return builder;
    }

    /** Runs the program in {@code dir} and waits (at most two minutes) for it to finish. */
    static Result run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tinynn-out", ".txt");
        Path err = Files.createTempFile("tinynn-err", ".txt");
        try {
            Process process = builder(env, args).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return new Result(finish(process), Files.readAllBytes(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Waits for {@code process}, failing (not hanging) if it runs for more than two minutes. */
    static int finish(Process process) throws InterruptedException {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("tinynn did not finish within two minutes");
        }
        return process.exitValue();
    }

    /**
     * The first line {@code process} prints, waited for at most {@code seconds}. It is read on a
     * thread of its own because a read from a pipe ignores interrupts: a test that read it itself
     * would hang there past its @Timeout, and its finally (which stops the process) would never run.
     */
    static String firstLine(Process process, long seconds) throws InterruptedException, IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return line.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the program printed no line within " + seconds + " s", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }
}
