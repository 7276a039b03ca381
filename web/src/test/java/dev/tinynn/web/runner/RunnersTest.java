package dev.tinynn.web.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runner as the server uses it: learners' code in JShell, in runner JVMs that nothing the code
 * does can take down for longer than one Run. Every test uses its own session ids, so the tests
 * share two {@link Runners}: one whose time limit no finishing snippet reaches even on a busy
 * machine, for what code does when it ends, and one with a 2-second limit, for code that does not end.
 * Each test has a bound; a test that runs past it fails, and its runner JVMs end with the runners
 * closed after it (and with this JVM: a runner ends when its standard input does).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
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

        assertThat(result.status()).as(result.output()).isEqualTo("error");
        assertThat(result.output()).startsWith("keep ==> long[64][] { null, ")
                .contains("\nOutOfMemoryError: Java heap space (the code needed more than the 256 MB its Java machine has)\n"
                        + "    at line 2");
        assertThat(runners.run("memory", "1 + 1")).extracting(RunResult::status, RunResult::output)
                .containsExactly("ok", "$1 ==> 2\n");
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
        List<String> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        assertThat(own.run("learner", "mine", new Runners.Listener() {
            @Override
            public void waiting(String why) {
                waits.add(why);
            }

            @Override
            public void running() {
            }
        }).output()).contains("cannot find symbol");
        // The background start may hold the session then; there is no other Run to speak of.
        assertThat(waits).isSubsetOf(Runners.STARTING_FRESH_RUNNER);
        assertThat(runnerJvms().stream().filter(jvm -> !before.contains(jvm))).hasSize(1);

        own.close();

        assertThat(runnerJvms().stream().filter(jvm -> !before.contains(jvm))).isEmpty();
    }

    /** The runner JVM talks to this one over its standard input and output only: it has no socket at all. */
    @Test
    void theRunnerJvmHasNoSocketAnotherProcessCouldJoin() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc on this system");
        assertThat(runners.run("sockets", "1 + 1").status()).isEqualTo("ok");

        for (ProcessHandle jvm : runnerJvms()) {
            List<String> sockets = new ArrayList<>();
            try (Stream<Path> fds = Files.list(Path.of("/proc/" + jvm.pid() + "/fd"))) {
                for (Path fd : fds.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:")) {
                            sockets.add(target);
                        }
                    } catch (IOException closedMeanwhile) {
                        // the descriptor went away while listed
                    }
                }
            } catch (NoSuchFileException exited) {
                continue; // that JVM exited while listed
            }
            assertThat(sockets).as("sockets of runner JVM %d", jvm.pid()).isEmpty();
        }
    }

    @Test
    void processesACellStartsEndWithItsRunnerHoweverItEnds() throws Exception {
        String start = "Process sleeper = new ProcessBuilder(\"sleep\", \"1000\").start();\n"
                + "System.out.println(\"pid \" + sleeper.pid());\n";
        List<Long> started = new ArrayList<>();
        try {
            for (String end : List.of("System.exit(0);", "Runtime.getRuntime().halt(0);")) {
                started.add(pid(runners.run("processes", start + end)));
                assertEnded(started.get(started.size() - 1));
            }
            started.add(pid(runners.run("processes", start)));
            runners.reset("processes");
            assertEnded(started.get(started.size() - 1));
            try (Runners own = new Runners(1, NEVER_REACHED, CLASS_PATH)) {
                started.add(pid(own.run("processes", start)));
            }
            assertEnded(started.get(started.size() - 1));
        } finally {
            started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    private static long pid(RunResult result) {
        Matcher pid = Pattern.compile("pid (\\d+)").matcher(result.output());
        assertThat(pid.find()).as(result.output()).isTrue();
        return Long.parseLong(pid.group(1));
    }

    private static void assertEnded(long pid) throws Exception {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            process.get().onExit().get(10, TimeUnit.SECONDS); // a TimeoutException fails the test: still running
        }
    }

    @Test
    void threadsACellStartsEndWithItsRunAndPrintNothingIntoTheNext() {
        RunResult first = runners.run("threads", """
                Thread ticker = new Thread(() -> {
                    while (true) {
                        System.out.println("tick");
                        try { Thread.sleep(20); } catch (InterruptedException ignored) { }
                    }
                });
                ticker.start();
                Thread.sleep(100);
                """);
        RunResult next = runners.run("threads", "Thread.sleep(300);\nticker.isAlive()");

        assertThat(first.status()).isEqualTo("ok");
        assertThat(first.output()).contains("tick\n");
        assertThat(next.output()).isEqualTo("$1 ==> false\n");
    }

    @Test
    void aThreadThatWillNotStopEndsItsRunnerAndTheSessionStartsAfresh() {
        runners.run("stubborn-thread", "int kept = 7;");

        RunResult result = runners.run("stubborn-thread",
                "new Thread(() -> { while (true) { try { while (true) Thread.onSpinWait(); } catch (Throwable stop) { } } }).start();");

        assertThat(result.status()).isEqualTo("error");
        assertThat(result.output()).isEqualTo("A thread this code started was still running after the Run and did not stop "
                + "when asked, so its Java machine was ended. The session was reset: earlier variables and methods are gone, "
                + "and the next Run starts afresh.");
        assertThat(runners.run("stubborn-thread", "kept").output()).contains("cannot find symbol");
    }

    @Test
    void closingSystemOutSilencesOnlyThatRun() {
        runners.run("closing", "int kept = 3;\nSystem.out.close();");
        RunResult next = runners.run("closing", "System.out.println(\"still here\");\nnew java.io.PrintWriter(System.out).close();");
        RunResult last = runners.run("closing", "System.out.println(\"and here\");\nkept");

        assertThat(next.output()).isEqualTo("still here\n");
        assertThat(last.output()).isEqualTo("and here\nkept ==> 3\n");
    }

    @Test
    void compilerErrorsAreCappedLikeOutput() {
        StringBuilder code = new StringBuilder("class Errors {\n");
        for (int i = 0; i < 100; i++) {
            code.append("    int v").append(i).append(" = \"s\"; // ").append("x".repeat(2000)).append('\n');
        }
        code.append("}\n");

        RunResult result = runners.run("errors", code.toString());

        assertThat(result.status()).isEqualTo("error");
        assertThat(result.output()).startsWith("Error on line 2: incompatible types: java.lang.String cannot be converted "
                        + "to int\n        int v0 = \"s\"; // xxx")
                .contains("\nError on line 3: incompatible types").endsWith(" more errors)");
        assertThat(result.output().length()).isLessThan(LearnerMessages.MESSAGE_LIMIT + 1000);
    }

    @Test
    void aCellOverTheLimitIsRefusedAtOnce() {
        List<ProcessHandle> before = runnerJvms();
        RunResult result = runners.run("too-long", "x".repeat(Cell.MAX_LENGTH + 1));

        assertThat(result).isEqualTo(new RunResult("error", Cell.refused("x".repeat(Cell.MAX_LENGTH + 1)), 0, 0));
        assertThat(runnerJvms()).isEqualTo(before);
    }

    /** Records what a Run was told while it waited, and counts the Runs that began running. */
    private static Runners.Listener recorder(List<String> told, CountDownLatch running) {
        return new Runners.Listener() {
            @Override
            public void waiting(String why) {
                told.add(why);
            }

            @Override
            public void running() {
                running.countDown();
            }
        };
    }

    @Test
    void neverMoreThanMaxRunnersAndABusyRunnerIsNeverTakenANewcomerWaits() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicBoolean watching = new AtomicBoolean(true);
        AtomicInteger most = new AtomicInteger();
        List<ProcessHandle> before = runnerJvms();
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                most.accumulateAndGet((int) runnerJvms().stream().filter(jvm -> !before.contains(jvm)).count(), Math::max);
                Thread.onSpinWait();
            }
        });
        try (Runners two = new Runners(2, NEVER_REACHED, CLASS_PATH)) {
            watcher.start();
            CountDownLatch running = new CountDownLatch(2);
            List<String> told = new CopyOnWriteArrayList<>();
            Future<RunResult> a = pool.submit(() -> two.run("a", "int mine = 1;\nThread.sleep(2000);", recorder(told, running)));
            Future<RunResult> b = pool.submit(() -> two.run("b", "int mine = 2;\nThread.sleep(2000);", recorder(told, running)));
            assertThat(running.await(60, TimeUnit.SECONDS)).isTrue();

            RunResult c = two.run("c", "1 + 1", recorder(told, new CountDownLatch(1)));

            assertThat(told).containsExactly("waiting for a free runner (all 2 are busy with other sessions)…");
            assertThat(c).extracting(RunResult::status, RunResult::output).containsExactly("ok", "$1 ==> 2\n");
            assertThat(c.waitedMillis()).isPositive();
            assertThat(a.get(60, TimeUnit.SECONDS).output()).isEqualTo("mine ==> 1\n");
            assertThat(b.get(60, TimeUnit.SECONDS).output()).isEqualTo("mine ==> 2\n");
        } finally {
            watching.set(false);
            watcher.join();
            pool.shutdownNow();
        }
        assertThat(most.get()).as("runner JVMs alive at once").isEqualTo(2);
    }

    @Test
    void aNewcomerThatWaitsTooLongIsToldWhenToComeBack() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Runners one = new Runners(1, NEVER_REACHED, CLASS_PATH, Duration.ofMillis(500))) {
            CountDownLatch running = new CountDownLatch(1);
            Future<RunResult> busy = pool.submit(() -> one.run("busy", "Thread.sleep(3000);", recorder(new ArrayList<>(), running)));
            assertThat(running.await(60, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> one.run("newcomer", "1 + 1"))
                    .isInstanceOfSatisfying(Runners.BusyException.class, busyNow -> assertThat(busyNow.retryAfterSeconds()).isEqualTo(120))
                    .hasMessage("All 1 code runners are busy with other sessions' Runs; run again in 120 seconds.");
            assertThat(busy.get(60, TimeUnit.SECONDS).status()).isEqualTo("ok");
        } finally {
            pool.shutdownNow();
        }
    }
}
