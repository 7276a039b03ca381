package dev.tinynn;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.tinynn.core.Activation;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.NetworkShape;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which package may use which, checked on the compiled classes of everything on this module's
 * class path (core, the backends, the samples and the program), without the tests:
 *
 * <ul>
 *   <li>core knows nothing of ours but itself: no backend, no screen, no program;
 *   <li>a backend knows core and nothing of another backend;
 *   <li>the program (every other package: cli, text, terminal, lesson, io, plot, report, web, samples, and any
 *       package added later) finds backends by name and never imports one;
 *   <li>the samples use {@code dev.tinynn.core} and the JDK, not the SPI a backend author implements;
 *   <li>the tutorial's content ({@code dev.tinynn.lesson}, module tutorial) knows core and the JDK and
 *       no screen: the terminal ({@code dev.tinynn.terminal}, cli) and the browser ({@code dev.tinynn.web})
 *       render it, and it knows neither;
 *   <li>what the commands print ({@code dev.tinynn.text}) knows no command ({@code dev.tinynn.cli}) and no
 *       picocli: the commands decide, the printers print;
 *   <li>no two top-level packages depend on each other in a cycle; inside core, the SPI
 *       ({@code dev.tinynn.core.spi}) uses only core's value types Dataset, Loss, Activation and
 *       NetworkShape.
 * </ul>
 *
 * The fast backend is not on this class path (the program does not ship it); its main code is
 * compiled against core alone, so the compiler already keeps it from importing another backend.
 */
class LayeringTest {
    /** The backends' packages, {@code dev.tinynn.<name>..}. */
    private static final String[] BACKENDS = {"plain", "ejml", "nd4j", "fast"};

    private static final String OURS = "dev.tinynn..";
    private static final String CORE = "dev.tinynn.core..";
    private static final String BENCHMARKS = "dev.tinynn.bench..";
    private static final String LESSON = "dev.tinynn.lesson..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.tinynn");
    }

    private static String[] backendPackages() {
        return Arrays.stream(BACKENDS).map(name -> "dev.tinynn." + name + "..").toArray(String[]::new);
    }

    /** A class in one of the backends' packages. */
    private static DescribedPredicate<JavaClass> inABackend() {
        return resideInAnyPackage(backendPackages()).as("a backend's package (dev.tinynn.plain|ejml|nd4j|fast..)");
    }

    /** Everything of ours that is neither core, nor a backend, nor the benchmarks: the program and the samples. */
    private static DescribedPredicate<JavaClass> inTheProgram() {
        return resideInAPackage(OURS).and(not(resideInAPackage(CORE))).and(not(inABackend()))
                .and(not(resideInAPackage(BENCHMARKS)))
                .as("the program (any dev.tinynn package but core, a backend or bench)");
    }

    @Test
    void coreDependsOnNothingOfOursButItself() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat(resideInAPackage(OURS).and(not(resideInAPackage(CORE)))
                        .as("anything of ours outside core (a backend, cli, text, terminal, lesson, io, plot, report, web,"
                                + " samples, bench, ...)"))
                .because("core is the model and the one training loop: it knows no backend and no screen")
                .check(classes);
    }

    @Test
    void noBackendDependsOnAnotherBackend() {
        classes().that(inABackend())
                .should(dependOnNoOtherBackend())
                .because("a backend does linear algebra with its own library and knows only core")
                .check(classes);
    }

    @Test
    void theProgramFindsBackendsByNameAndNeverImportsOne() {
        noClasses().that(inTheProgram())
                .should().dependOnClassesThat(inABackend())
                .because("programs find backends by name (Backends.named, through ServiceLoader)")
                .check(classes);
    }

    @Test
    void theSamplesUseOnlyCoresTeachingApiAndTheJdk() {
        classes().that().resideInAPackage("dev.tinynn.samples..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.tinynn.samples..", "dev.tinynn.core", "java..")
                .because("a sample is what a learner copies: dev.tinynn.core and nothing else of ours"
                        + " (not the SPI dev.tinynn.core.spi, which is for backend authors)")
                .check(classes);
    }

    @Test
    void theTutorialsContentKnowsCoreAndNoScreen() {
        classes().that().resideInAPackage(LESSON)
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(LESSON, "dev.tinynn.core..", "java..")
                .because("the tutorial's content is written once and rendered by two screens (terminal and"
                        + " browser); it computes with core and says nothing of how it is shown")
                .check(classes);
    }

    @Test
    void coreAndTheSamplesKnowNothingOfTheTutorialsContent() {
        noClasses().that().resideInAnyPackage(CORE, "dev.tinynn.samples..")
                .should().dependOnClassesThat().resideInAPackage(LESSON)
                .because("layers go core ← tutorial content ← terminal, web; a sample is copied by learners"
                        + " and uses core alone")
                .check(classes);
    }

    /**
     * core and its SPI refer to each other, as {@code java.nio.file} and {@code java.nio.file.spi} do:
     * the loop calls a backend's workspace, and a workspace's methods take core's values. The cycle
     * is kept this narrow: the SPI uses these value types of core and nothing else (not the loop,
     * not the model), so a backend author reads four small classes of core, not all of it.
     */
    @Test
    void theSpiUsesOnlyCoresValueTypes() {
        classes().that().resideInAPackage("dev.tinynn.core.spi")
                .should().onlyDependOnClassesThat(resideInAnyPackage("dev.tinynn.core.spi", "java..")
                        .or(belongToAnyOf(Dataset.class, Loss.class, Activation.class, NetworkShape.class)
                                .as("core's value types Dataset, Loss, Activation, NetworkShape")))
                .because("a backend implements the SPI knowing only the values it computes with;"
                        + " the loop and the model stay out of its sight")
                .check(classes);
    }

    @Test
    void thePrintersKnowNoCommand() {
        noClasses().that().resideInAPackage("dev.tinynn.text..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tinynn.cli..", "picocli..")
                .because("the commands (dev.tinynn.cli) read options and decide; the printers (dev.tinynn.text)"
                        + " get what they print as values")
                .check(classes);
    }

    @Test
    void theTopLevelPackagesFormNoCycle() {
        slices().matching("dev.tinynn.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The backend a package belongs to, if any: "ejml" for dev.tinynn.ejml.internal. */
    private static Optional<String> backendOf(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        return Arrays.stream(BACKENDS)
                .filter(backend -> name.equals("dev.tinynn." + backend) || name.startsWith("dev.tinynn." + backend + "."))
                .findFirst();
    }

    private static ArchCondition<JavaClass> dependOnNoOtherBackend() {
        return new ArchCondition<>("depend on no other backend's package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = backendOf(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> target = backendOf(dependency.getTargetClass());
                    if (target.isPresent() && !target.equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
