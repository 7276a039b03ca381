package dev.tinynn.cli;

import dev.tinynn.core.Backends;
import dev.tinynn.core.spi.Backend;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --backend NAME}: which linear-algebra library does the arithmetic. */
final class BackendOption {

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = Backends.DEFAULT,
            description = "Linear-algebra backend that does the arithmetic (default: ${DEFAULT-VALUE}; "
                    + "'tinynn backends' lists them).")
    String name;

    /** The backend named by --backend; an unknown name is a usage error that lists the known ones. */
    Backend backend(CommandSpec spec) {
        return UsageErrors.checked(spec, () -> Backends.named(name));
    }
}
