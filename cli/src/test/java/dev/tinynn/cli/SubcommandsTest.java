package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;

/** The program builds only the subcommand a command line names, and it then behaves as with all of them. */
class SubcommandsTest {

    @Test
    void buildsOnlyTheSubcommandNamed() {
        assertThat(Tinynn.subcommandsFor(new String[] {"train", "--epochs", "5"})).containsExactly(TrainCommand.class);
        assertThat(Tinynn.subcommandsFor(new String[] {"--verbose", "predict", "--model", "m.json"}))
                .containsExactly(PredictCommand.class);
        assertThat(Tinynn.subcommandsFor(new String[] {"help", "lab"})).containsExactly(LabCommand.class, HelpCommand.class);
    }

    @Test
    void buildsThemAllWhenTheTopLevelHelpListsThemOrAnUnknownNameNeedsSuggestions() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-V"}, {"help"}, {"help", "trian"}, {"trian"}}) {
            assertThat(Tinynn.subcommandsFor(args)).as(String.join(" ", args))
                    .containsExactlyElementsOf(Tinynn.SUBCOMMANDS.values());
        }
        assertThat(Tinynn.SUBCOMMANDS.keySet()).containsExactly("train", "tutorial", "predict", "lab", "gradcheck",
                "compare", "backends", "jshell", "serve", "help");
    }

    static Iterable<String> names() {
        return Tinynn.SUBCOMMANDS.keySet();
    }

    @ParameterizedTest
    @MethodSource("names")
    void eachHelpIsTheSameAsWithEverySubcommand(String name) {
        String[] args = {name, "--help"};
        assertThat(run(Main.commandLine(false, Tinynn.subcommandsFor(args)), args))
                .isEqualTo(run(Main.commandLine(false), args));
        String[] viaHelp = {"help", name};
        assertThat(run(Main.commandLine(false, Tinynn.subcommandsFor(viaHelp)), viaHelp))
                .isEqualTo(run(Main.commandLine(false), viaHelp));
    }

    @Test
    void aBadValueIsRefusedInTheSameWords() {
        String[] args = {"train", "--epochs", "many"};
        assertThat(run(Main.commandLine(false, Tinynn.subcommandsFor(args)), args))
                .isEqualTo(run(Main.commandLine(false), args))
                .contains("exit 2");
    }

    private static String run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return "exit " + code + "\n" + out + "\n---\n" + err;
    }
}
