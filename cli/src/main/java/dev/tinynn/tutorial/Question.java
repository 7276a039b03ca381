package dev.tinynn.tutorial;

import java.util.List;

/**
 * One multiple-choice question of a quiz.
 *
 * @param text the question
 * @param options the choices, shown as a), b), c)
 * @param answer the index of the right choice
 * @param why for each choice, why it is right or wrong (shown after the learner picks it)
 * @param hint what a learner who picked a wrong option is told before a second try; it points at
 *     the idea without naming the option
 */
record Question(String text, List<String> options, int answer, List<String> why, String hint) {

    Question {
        options = List.copyOf(options);
        why = List.copyOf(why);
        if (why.size() != options.size() || answer < 0 || answer >= options.size()) {
            throw new IllegalArgumentException("a question needs one explanation per option and a valid answer");
        }
    }

    /** a, b, c, … */
    static char letter(int option) {
        return (char) ('a' + option);
    }
}
