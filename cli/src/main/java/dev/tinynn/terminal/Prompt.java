package dev.tinynn.terminal;

/**
 * Where the learner's typed answers come from while the tutorial runs in a terminal. The tutorial
 * asks only through this, so a test can stand in for the person at the keyboard.
 */
public interface Prompt {

    /** Shows {@code question} and returns the line typed, or {@code null} at the end of input. */
    String ask(String question);

    /** Between pages: true to go on to {@code next}, false when the learner wants to stop. */
    default boolean next(String next) {
        String line = ask("Press Enter for " + next + " (q quits): ");
        return line != null && !line.trim().equalsIgnoreCase("q");
    }
}
