package dev.tinynn.web.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runner as the server uses it: learners' code in JShell, in runner JVMs that nothing the code
 * does can take down for longer than one Run. Every test uses its own session ids, so the tests
 * share two {@link Runners}: one whose time limit no finishing snippet reaches even on a busy
 * machine, for what code does when it ends, and one with a 2-second limit, for code that does not end.
 */
class RunnersTest {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration NEVER_REACHED = Duration.ofMinutes(2);
    static final String CLASS_PATH = System.getProperty("java.class.path");
    static Runners runners;
    static Runners shortRunners;

    @BeforeAll
    static void start() {
        runners = new Runners(4, NEVER_REACHED, CLASS_PATH);
        shortRunners = new Runners(2, TIMEOUT, CLASS_PATH);
    }

    @AfterAll
    static void stop() {
        runners.close();
        shortRunners.close();
        assertThat(runnerJvms()).as("runner JVMs left after close()").isEmpty();
    }

    /** This JVM's live child processes: in a test JVM, only runner JVMs. */
    static List<ProcessHandle> runnerJvms() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
    }

    @Test
    void showsValueLinesAndPrintedOutputInOrder() {
        RunResult result = runners.run("values", "1 + 1\nint x = 5;\nSystem.out.println(\"x is \" + x);\nx * 2");

        assertThat(result.status()).isEqualTo("ok");
        assertThat(result.output()).isEqualTo("$1 ==> 2\nx ==> 5\nx is 5\n$2 ==> 10\n");
    }

    @Test
    void keepsStatePerSessionAndSeparatesSessions() {
        runners.run("notebook-a", "double w = 4.3; double twice(double v) { return 2 * v; }");

        assertThat(runners.run("notebook-a", "twice(w)").output()).isEqualTo("$1 ==> 8.6\n");
        RunResult other = runners.run("notebook-b", "w");
        assertThat(other.status()).isEqualTo("error");
        assertThat(other.output()).contains("Error on line 1: cannot find symbol");
    }

    @Test
    void compileErrorNamesTheLineOfTheCellAndPointsAtIt() {
        RunResult result = runners.run("compile", "int a = 1;\n\nString s = a + 1;\nSystem.out.println(\"not reached\");");

        assertThat(result.status()).isEqualTo("error");
        assertThat(result.output()).isEqualTo("""
                a ==> 1
                Error on line 3: incompatible types: int cannot be converted to java.lang.String
                    String s = a + 1;
                                 ^""");
    }

    @Test
    void exceptionReadsLikeALearnerWouldWithoutRunnerInternals() {
        RunResult result = runners.run("exception", "int divide(int a, int b) {\n    return a / b;\n}\n"
                + "// a comment, then a blank line\n\nSystem.out.println(\"before\");\ndivide(1, 0);\n"
                + "System.out.println(\"not reached\");");

        assertThat(result.status()).isEqualTo("error");
        assertThat(result.output()).isEqualTo("""
                created method divide(int,int)
                before
                ArithmeticException: / by zero
                    at line 2, in divide
                    at line 7""");
    }

    @Test
    void messagesNameTheLearnersClassesAndVariablesNotJShellsWrappers() {
        RunResult thrown = runners.run("wrappers",
                "class Oops extends RuntimeException { Oops() { super(\"mine\"); } }\nthrow new Oops();");
        RunResult npe = runners.run("wrappers", "Object o = null;\no.toString()");
        RunResult missing = runners.run("wrappers", "System.out.println(wrong);");
        RunResult waiting = runners.run("wrappers", "class Later extends Missing {}\nvoid f() { g(); }");

        assertThat(thrown.output()).isEqualTo("created class Oops\nOops: mine\n    at line 2");
        assertThat(npe.output()).isEqualTo(
                "o ==> null\nNullPointerException: Cannot invoke \"Object.toString()\" because \"o\" is null\n    at line 2");
        assertThat(waiting.output()).isEqualTo("created class Later, which cannot be used until class Missing is declared\n"
                + "created method f(), which cannot be called until method g() is declared\n");
        assertThat(missing.output()).isEqualTo("""
                Error on line 1: cannot find symbol
                  symbol:   variable wrong
                    System.out.println(wrong);
                                       ^""");
    }

    @Test
    void stackOverflowFailsTheRunAndTheNextRunWorks() {
        RunResult result = runners.run("recursion", "int down(int n) { return down(n + 1) + 1; }\ndown(0)");

        assertThat(result.status()).isEqualTo("error");
        assertThat(result.output()).startsWith("created method down(int)\nStackOverflowError (a method called itself too many times without stopping)\n"
                + "    at line 1, in down (and ");
        assertThat(result.output()).doesNotContain("jdk.jshell", "REPL");
        assertThat(runners.run("recursion", "down(-1) == 0 ? 1 : 2").status()).isEqualTo("error");
        assertThat(runners.run("recursion", "1 + 1").output()).endsWith("==> 2\n");
    }

    @Test
    void outOfMemoryFailsOnlyThatRun() {
        RunResult result = runners.run("memory",
                "long[][] keep = new long[64][];\nfor (int i = 0; i < keep.length; i++) keep[i] = new long[1 << 30];");

        assertThat(result.status()).isIn("error", "timeout");
        if (result.status().equals("error")) {
            assertThat(result.output()).startsWith("keep ==> long[64][] { null, ")
                    .contains("\nOutOfMemoryError: Java heap space (the code needed more than the 256 MB its Java machine has)\n"
                            + "    at line 2");
        }
        assertThat(runners.run("memory", "1 + 1")).extracting(RunResult::status, RunResult::output)
                .satisfies(answer -> assertThat(answer.get(0)).isEqualTo("ok"))
                .satisfies(answer -> assertThat((String) answer.get(1)).endsWith("==> 2\n"));
    }

    @Test
    void systemExitEndsOnlyThatRunnerAndTheSessionStartsAfresh() {
        runners.run("exit", "int kept = 7;");

        RunResult exited = runners.run("exit", "System.out.println(\"bye\");\nSystem.exit(0);");
        assertThat(exited.status()).isEqualTo("error");
        assertThat(exited.output()).startsWith("bye\n").contains("System.exit", "session was reset");

        RunResult next = runners.run("exit", "kept");
        assertThat(next.status()).isEqualTo("error");
        assertThat(next.output()).contains("cannot find symbol");
        assertThat(runners.run("exit", "1 + 1").output()).isEqualTo("$1 ==> 2\n");
    }

    @Test
    void endlessLoopIsStoppedWithinTheLimitPlusFiveSecondsAndTheNextRunWorks() {
        shortRunners.run("endless", "long x = 0;"); // long: an int counted up for 2 s can wrap past 2^31

        long start = System.nanoTime();
        RunResult result = shortRunners.run("endless", "while (true) {}");
        long took = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.status()).isEqualTo("timeout");
        assertThat(result.output()).contains("still running after 2 s");
        assertThat(took).as("the issue's bound: the time limit plus 5 s").isLessThan(TIMEOUT.toMillis() + 5_000);
        RunResult rest = shortRunners.run("endless", "for (;;) x++;\nSystem.out.println(\"after the loop\");\nwhile (true) {}");
        assertThat(rest.status()).isEqualTo("timeout");
        assertThat(rest.output()).as("the rest of a stopped cell does not run").doesNotContain("after the loop");
        assertThat(shortRunners.run("endless", "while (true) Thread.sleep(10);").status()).isEqualTo("timeout");
        // the session lived through three stops: x is still declared (its value is whatever the stopped
        // loop last stored, which compiled code may keep in a register: so no claim about it)
        assertThat(shortRunners.run("endless", "x >= 0").output()).isEqualTo("$1 ==> true\n");
    }

    @Test
    void codeThatIgnoresTheStopHasItsJvmKilledAndTheSessionReset() {
        shortRunners.run("stubborn", "int kept = 7;");

        RunResult result = shortRunners.run("stubborn",
                "while (true) { try { while (true) Thread.onSpinWait(); } catch (Throwable stop) { } }");

        assertThat(result.status()).isEqualTo("timeout");
        assertThat(result.output()).contains("did not stop when asked", "The session was reset");
        assertThat(shortRunners.run("stubborn", "kept").output()).contains("cannot find symbol");
        assertThat(shortRunners.run("stubborn", "1 + 1").output()).isEqualTo("$1 ==> 2\n");
    }

    @Test
    void outputIsCutAt64KilobytesAndSaysSo() {
        RunResult result = runners.run("flood",
                "String row = \"x\".repeat(999);\nfor (int i = 0; i < 100; i++) System.out.println(i + row);");

        assertThat(result.status()).isEqualTo("ok");
        assertThat(result.output()).startsWith("row ==> \"xxx")
                .contains("\n0xxx", "\n63xxx", "[output cut: only the first 64 KB are shown")
                .doesNotContain("\n99xxx");
        assertThat(result.output().length()).isLessThan(Runner.OUTPUT_LIMIT + 200);
    }

    @Test
    void tinynnAndItsBackendsAreOnTheRunnersClassPath() {
        RunResult result = runners.run("tinynn", """
                import dev.tinynn.core.*;
                Backends.available().stream()
                        .map(b -> b.name())
                        .toList()
                TrainingResult trained = Trainer.train(Backends.named("plain"), Datasets.studyHours(),
                        TrainingConfig.tutorial().withInitialWeights(0.1));
                System.out.println("w = " + trained.weights()[0]);
                """);

        assertThat(result.status()).as(result.output()).isEqualTo("ok");
        assertThat(result.output()).contains("==> [ejml, nd4j, plain]").contains("w = 4.3018685464211535\n");
    }

    @Test
    void runsAPageSampleFileAsItIsAndAgainWithTheLearnersChange() throws Exception {
        String sample = Files.readString(Path.of("../examples/src/main/java/dev/tinynn/samples/Page4LossAndTraining.java"));
        String tutorial = "TrainingConfig.tutorial().withInitialWeights(0.1)";
        assertThat(sample).contains(tutorial);
        double faster = Trainer.train(Backends.named("plain"), Datasets.studyHours(),
                TrainingConfig.tutorial().withInitialWeights(0.1).withLearningRate(0.5)).weights()[0];

        RunResult asIs = runners.run("page4", sample + "\nPage4LossAndTraining.main(new String[0]);");
        RunResult changed = runners.run("page4", sample.replace(tutorial, tutorial + ".withLearningRate(0.5)")
                + "\nPage4LossAndTraining.main(new String[0]);");

        assertThat(asIs.status()).as(asIs.output()).isEqualTo("ok");
        assertThat(asIs.output()).startsWith("created class Page4LossAndTraining\n(1 - 0.7)^2 = 0.09000000000000002\n")
                .contains("learned w = 4.3018685464211535, b = ");
        assertThat(changed.status()).as(changed.output()).isEqualTo("ok");
        assertThat(changed.output()).contains("learned w = " + faster + ", b = ").doesNotContain("4.3018685464211535");
    }

    @Test
    void runsOfOneSessionAreSerialisedAndSessionsRunSideBySide() throws Exception {
        runners.run("counter-a", "int count = 0;");
        runners.run("counter-b", "int count = 0;");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<RunResult>> increments = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                increments.add(() -> runners.run("counter-a", "count++;"));
                increments.add(() -> runners.run("counter-b", "count++;"));
            }
            for (Future<RunResult> done : pool.invokeAll(increments)) {
                assertThat(done.get().status()).isEqualTo("ok");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(runners.run("counter-a", "count").output()).endsWith(" ==> 10\n");
        assertThat(runners.run("counter-b", "count").output()).endsWith(" ==> 10\n");
    }

    @Test
    void atMostMaxRunnersJvmsAndTheLeastRecentlyUsedSessionIsClosed() {
        try (Runners two = new Runners(2, NEVER_REACHED, CLASS_PATH)) {
            List<ProcessHandle> before = runnerJvms();
            two.run("first", "int mine = 1;");
            two.run("second", "int mine = 2;");
            two.run("first", "mine");  // first is now more recently used than second
            two.run("third", "int mine = 3;");

            List<ProcessHandle> ours = runnerJvms().stream().filter(jvm -> !before.contains(jvm)).toList();
            assertThat(ours).hasSize(2);
            assertThat(two.run("first", "mine").output()).isEqualTo("mine ==> 1\n");
            assertThat(two.run("second", "mine").output()).contains("cannot find symbol");
        }
    }

    @Test
    void resetStartsTheSessionAfreshAndCloseLeavesNoJvm() {
        List<ProcessHandle> before = runnerJvms();
        Runners own = new Runners(4, NEVER_REACHED, CLASS_PATH);
        own.run("learner", "int mine = 1;");
        own.reset("learner");
        assertThat(own.run("learner", "mine").output()).contains("cannot find symbol");
        assertThat(runnerJvms().stream().filter(jvm -> !before.contains(jvm))).hasSize(1);

        own.close();

        assertThat(runnerJvms().stream().filter(jvm -> !before.contains(jvm))).isEmpty();
    }
}
