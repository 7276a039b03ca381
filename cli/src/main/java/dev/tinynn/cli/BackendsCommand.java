package dev.tinynn.cli;

import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tinynn backends}: the backends on the class path, with their library and its version. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "Lists the linear-algebra backends this program can use (found with java.util.ServiceLoader).")
final class BackendsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-8s %-24s %s%n", "name", "library", "version");
        for (Backend backend : Backends.available()) {
            out.printf("%-8s %-24s %s%s%n", backend.name(), backend.library(), backend.version(),
                    backend.name().equals(Backends.DEFAULT) ? "   (default)" : "");
        }
        out.flush();
        return 0;
    }
}
