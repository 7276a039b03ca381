package dev.tinynn.web.runner;

/**
 * What one Run of a code cell answered: {@code status} is {@code "ok"}, {@code "error"} (the
 * compiler refused the code, it threw, or its Java machine ended) or {@code "timeout"}; {@code output}
 * is what the code printed with JShell's value lines ({@code $1 ==> 2}) and, for an error or a
 * timeout, a message a learner can read; {@code elapsedMillis} is the wall time of the Run, including
 * starting the session's runner JVM when it had none; {@code waitedMillis} is how long it waited before
 * that, for the session's other Run (another tab) or for a free runner.
 */
public record RunResult(String status, String output, long elapsedMillis, long waitedMillis) {
    /** The code ran to its end. */
    public static final String OK = "ok";
    /** The code did not compile, threw, or ended its Java machine. */
    public static final String ERROR = "error";
    /** The code ran past the time limit and was stopped. */
    public static final String TIMEOUT = "timeout";
}
