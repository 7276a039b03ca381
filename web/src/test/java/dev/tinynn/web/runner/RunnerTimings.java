package dev.tinynn.web.runner;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Prints (never asserts) what the runner costs: the first Run of {@code 1 + 1} in a session (which
 * starts its runner JVM), the median of 10 later Runs, the first Run of a second session (the
 * compiler in this JVM already warm), and the resident memory of one runner JVM ({@code ps -o rss}).
 * Next to the wall times it prints the CPU time used, which tells more on a machine shared with
 * other work.
 *
 * <p>Run it with the web module's test class path, for example:
 * <pre>
 * ./mvnw -B -o -q -pl web -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/web-cp.txt -Dmdep.includeScope=test
 * java -cp web/target/test-classes:web/target/classes:$(cat /tmp/web-cp.txt) dev.tinynn.web.runner.RunnerTimings
 * </pre>
 */
public final class RunnerTimings {
    private RunnerTimings() {
    }

    /** CPU time the process has used so far (all its threads), which a busy machine does not inflate as it does wall time. */
    private static long cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().orElseThrow().toMillis();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        try (Runners runners = new Runners(4, Duration.ofSeconds(10), System.getProperty("java.class.path"))) {
            long serverCpu = cpuMillis(ProcessHandle.current());
            RunResult first = runners.run("first", "1 + 1");
            ProcessHandle runner = ProcessHandle.current().children().findFirst().orElseThrow();
            long runnerCpu = cpuMillis(runner);
            System.out.println("first Run of 1 + 1 (runner JVM start): " + first.elapsedMillis() + " ms, " + first.output().strip()
                    + "; CPU time: this JVM " + (cpuMillis(ProcessHandle.current()) - serverCpu) + " ms, runner JVM "
                    + runnerCpu + " ms");
            serverCpu = cpuMillis(ProcessHandle.current());
            long[] later = new long[10];
            for (int i = 0; i < later.length; i++) {
                later[i] = runners.run("first", "1 + 1").elapsedMillis();
            }
            long[] sorted = later.clone();
            Arrays.sort(sorted);
            System.out.println("10 later Runs (ms): " + Arrays.toString(later) + ", median "
                    + (sorted[4] + sorted[5]) / 2.0 + " ms; CPU time per Run: this JVM "
                    + (cpuMillis(ProcessHandle.current()) - serverCpu) / 10 + " ms, runner JVM "
                    + (cpuMillis(runner) - runnerCpu) / 10 + " ms");
            RunResult second = runners.run("second", "1 + 1");
            System.out.println("first Run of a second session: " + second.elapsedMillis() + " ms");
            List<ProcessHandle> jvms = ProcessHandle.current().children().toList();
            for (ProcessHandle jvm : jvms) {
                Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(jvm.pid())).start();
                String rss = new String(ps.getInputStream().readAllBytes()).strip();
                ps.waitFor();
                System.out.println("runner JVM " + jvm.pid() + " resident memory: " + rss + " KB");
            }
            Process self = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(ProcessHandle.current().pid())).start();
            System.out.println("this (server-side) JVM resident memory: " + new String(self.getInputStream().readAllBytes()).strip() + " KB");
        }
        System.out.println("runner JVMs left after close(): " + ProcessHandle.current().children().filter(ProcessHandle::isAlive).count());
    }
}
