package dev.tinynn.lesson;

import java.util.List;

/**
 * One multiple-choice question.
 *
 * @param text the question
 * @param options the choices (the terminal letters them a), b), c); the browser shows buttons)
 * @param answer the index of the right choice
 * @param why for each choice, why it is right or wrong (shown after the learner picks it)
 * @param hint what a learner who picked a wrong option is told before a second try; it points at
 *     the idea without naming the option
 */
public record Question(String text, List<String> options, int answer, List<String> why, String hint) {

    public Question {
        options = List.copyOf(options);
        why = List.copyOf(why);
        if (why.size() != options.size() || answer < 0 || answer >= options.size()) {
            throw new IllegalArgumentException("a question needs one explanation per option and a valid answer");
        }
    }

    /** a, b, c, … */
    public static char letter(int option) {
        return (char) ('a' + option);
    }
}
