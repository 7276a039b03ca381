package dev.tinynn.cli;

import dev.tinynn.core.Backends;
import dev.tinynn.web.WebServer;
import dev.tinynn.web.runner.Runners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tinynn serve}: the tutorial in the browser. Starts the local web server (module web), prints
 * its address with the token on a line of its own, opens the browser when there is a desktop, and
 * runs until Ctrl-C, which stops the server and every runner JVM.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the tutorial's seven pages in your browser, every number computed live by a backend, "
                + "with Java code cells you can edit and run.",
            "Prints the address to open (with its one-time token) and runs until Ctrl-C. Only this computer, and only "
                    + "a browser that opened that address, can use it."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + WebServer.DEFAULT_PORT,
            description = "The port on 127.0.0.1 (default: ${DEFAULT-VALUE}); 0 picks a free one.")
    int port;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = Backends.DEFAULT,
            description = "The pages' default backend (default: ${DEFAULT-VALUE}); each page can switch.")
    String backend;

    @Option(names = "--runner-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long one Run of a code cell may take before it is stopped (default: ${DEFAULT-VALUE}).")
    int runnerTimeout;

    @Option(names = "--no-open", description = "Do not open the browser; just print the address.")
    boolean noOpen;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, got " + port);
        }
        if (runnerTimeout < 1 || runnerTimeout > 600) {
            throw new ParameterException(spec.commandLine(), "--runner-timeout must be 1 to 600 seconds, got "
                    + runnerTimeout);
        }
        try {
            Backends.named(backend);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Runners runners = new Runners(4, Duration.ofSeconds(runnerTimeout), System.getProperty("java.class.path"));
        WebServer server;
        try {
            server = WebServer.start(port, backend, runners);
        } catch (WebServer.PortTakenException e) {
            runners.close();
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "tinynn-serve-stop"));
        spec.commandLine().getOut().println(server.address());
        spec.commandLine().getOut().flush();
        if (!noOpen) {
            open(server.address());
        }
        stopped.await();
        return 0;
    }

    /**
     * Opens the default browser when this is a desktop session; says nothing when it is not. The
     * program runs with AWT headless (plots are drawn in memory), so it asks the desktop's own opener
     * (xdg-open, open, or Windows' URL handler). The token never goes on a command line, where other
     * users of the machine could read it in the process list: the opener gets a private temporary
     * page (readable by its owner only) that forwards to the address, as Jupyter does.
     */
    private static void open(String address) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean desktop = os.contains("mac") || os.contains("win")
                || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        if (!desktop) {
            return;
        }
        try {
            Path page = Files.createTempFile("tinynn-serve-", ".html");
            page.toFile().deleteOnExit();
            if (Files.getFileStore(page).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(page, PosixFilePermissions.fromString("rw-------"));
            }
            String escaped = address.replace("&", "&amp;").replace("\"", "&quot;");
            Files.writeString(page, "<!doctype html><meta charset=\"utf-8\"><title>tinynn</title>"
                    + "<meta http-equiv=\"refresh\" content=\"0;url=" + escaped + "\">"
                    + "<p><a href=\"" + escaped + "\">Open the tinynn tutorial</a></p>\n");
            String target = page.toUri().toString();
            List<String> command = os.contains("mac") ? List.of("open", target)
                    : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", target)
                    : List.of("xdg-open", target);
            new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException | RuntimeException noBrowser) {
            // no browser to open: the printed address is enough
        }
    }
}
