package dev.tinynn.web.runner;

/**
 * How a Run ended ({@link RunResult#OK}, {@link RunResult#ERROR} or {@link RunResult#TIMEOUT}) and
 * the message to add after its output, or null: what the evaluation hands the {@link Runner}.
 */
record Outcome(String status, String message) {
    static final Outcome OK = new Outcome(RunResult.OK, null);

    static Outcome error(String message) {
        return new Outcome(RunResult.ERROR, message);
    }

    static Outcome timeout(String message) {
        return new Outcome(RunResult.TIMEOUT, message);
    }
}
