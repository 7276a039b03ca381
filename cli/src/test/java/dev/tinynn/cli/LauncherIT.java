package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tinynn.Folders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./tinynn} launcher around the shipped jar, on its first run after a build (the run that
 * writes the start-up archive, and so cannot {@code exec} Java): SIGTERM, which an IDE's stop button
 * or {@code kill} sends, stops the server and its runner JVMs, and leaves a whole archive and no
 * half-written one. The launcher and a link to the jar are copied into a directory of their own.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LauncherIT {
    @Test
    void sigtermOnTheFirstRunStopsTheServerAndItsRunnersAndLeavesNoPartialArchive(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the launcher is a POSIX shell script");
        Path jar = Path.of(System.getProperty("tinynn.jar")).toAbsolutePath();
        Path target = Files.createDirectories(dir.resolve("cli").resolve("target"));
        Files.copy(Folders.project().resolve("tinynn"), dir.resolve("tinynn"));
        Files.createSymbolicLink(target.resolve("tinynn.jar"), jar);
        Process launcher = new ProcessBuilder("/bin/sh", dir.resolve("tinynn").toString(), "serve", "--no-open", "--port", "0")
                .redirectErrorStream(true).start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            String address = Program.firstLine(launcher, 90);
            assertThat(address).startsWith("http://127.0.0.1:");
            String base = address.substring(0, address.indexOf("/?token="));
            HttpResponse<String> run = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/run"))
                    .header("Authorization", "token " + address.substring(address.indexOf("token=") + 6))
                    .timeout(Duration.ofSeconds(90))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"1 + 1\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(run.body()).contains("$1 ==> 2");
            launcher.descendants().forEach(started::add);
            assertThat(started).as("the server JVM and its runner").hasSizeGreaterThanOrEqualTo(2);

            launcher.destroy(); // SIGTERM

            launcher.onExit().get(120, TimeUnit.SECONDS);
            for (ProcessHandle process : started) {
                process.onExit().get(30, TimeUnit.SECONDS); // a TimeoutException fails the test: still running
            }
            try (Stream<Path> files = Files.list(target)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .containsExactlyInAnyOrder("tinynn.jar", "tinynn.jsa");
            }
        } finally {
            // (started too: once the launcher has exited, its JVMs are no longer its descendants)
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            started.forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            Files.deleteIfExists(target.resolve("tinynn.jar")); // the link only (JUnit would warn about it)
        }
    }
}
