package dev.tinynn.cli;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code tinynn} command: it only holds the subcommands. */
@Command(name = "tinynn",
        mixinStandardHelpOptions = true,
        versionProvider = Tinynn.Version.class,
        description = "One neuron, trained by hand: the samples for \"Build a Tiny Neural Network by Hand\".")
public final class Tinynn {

    /**
     * The subcommands by name, in the order {@code --help} lists them. {@link Main} adds only the
     * one a command line names (see {@link #subcommandsFor}): picocli reads every annotation of a
     * subcommand, its options and its mixins when it is added, and every start would pay that for
     * the subcommands it does not run (measured: benchmarks/results/design-notes.md#tinynn). The
     * names are each command's own (a test checks).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(TrainCommand.class, TutorialCommand.class,
            PredictCommand.class, LabCommand.class, GradcheckCommand.class, CompareCommand.class, BackendsCommand.class,
            JShellCommand.class, ServeCommand.class, HelpCommand.class);

    private static Map<String, Class<?>> subcommands(Class<?>... commands) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> command : commands) {
            byName.put(command.getAnnotation(Command.class).name(), command);
        }
        return Collections.unmodifiableMap(byName);
    }

    /**
     * The subcommands a command line needs: the one it names (with {@code help NAME}, help and
     * NAME); all of them when it names none (the top-level help lists them) or one that does not
     * exist (picocli then suggests the nearest names).
     */
    static Collection<Class<?>> subcommandsFor(String[] args) {
        List<String> words = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).limit(2).toList();
        if (words.isEmpty() || !SUBCOMMANDS.containsKey(words.get(0))) {
            return SUBCOMMANDS.values();
        }
        if (words.get(0).equals("help")) {
            return words.size() == 2 && SUBCOMMANDS.containsKey(words.get(1))
                    ? Stream.of(SUBCOMMANDS.get(words.get(1)), HelpCommand.class).distinct().toList()
                    : SUBCOMMANDS.values();
        }
        return List.of(SUBCOMMANDS.get(words.get(0)));
    }

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
