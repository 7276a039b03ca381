package dev.tinynn.cli;

import dev.tinynn.cli.JShellCommand;
import dev.tinynn.cli.TutorialCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code tinynn} command: it only holds the subcommands. */
@Command(name = "tinynn",
        mixinStandardHelpOptions = true,
        versionProvider = Tinynn.Version.class,
        description = "One neuron, trained by hand: the samples for \"Build a Tiny Neural Network by Hand\".",
        subcommands = {TrainCommand.class, TutorialCommand.class, PredictCommand.class, LabCommand.class,
            GradcheckCommand.class, CompareCommand.class, BackendsCommand.class, JShellCommand.class, ServeCommand.class,
            HelpCommand.class})
public final class Tinynn {

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On an error, print the full stack trace too.")
    boolean verbose;

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Tinynn.class.getPackage().getImplementationVersion();
            return new String[] {"tinynn " + (version == null ? "(development build)" : version)};
        }
    }
}
