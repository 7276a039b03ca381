package dev.tinynn.web.runner;

/**
 * STAND-IN until branch {@code runner} is merged: the same record as the real runner's, so that the
 * server compiles and its tests run. The integrator keeps the runner branch's version of this file.
 *
 * @param status {@code ok}, {@code error} or {@code timeout}
 * @param output what the code printed and JShell's value lines; for an error, its message
 * @param elapsedMillis how long the run took
 */
public record RunResult(String status, String output, long elapsedMillis) {
}
