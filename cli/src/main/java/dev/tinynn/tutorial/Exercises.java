package dev.tinynn.tutorial;

import dev.tinynn.text.Numbers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tutorial's interactive pieces: page 4's "order the training steps" and the quizzes of pages
 * 5 and 7. An answer comes from {@code --answers KEY=LIST} when given; otherwise it is typed at the
 * terminal, when there is one; otherwise the exercise is skipped with a one-line note, so the
 * tutorial never waits on an input nobody can type into.
 *
 * <p>The {@code --answers} format: {@code order=3,4,1,2} (the card numbers in the order you would
 * do the steps), {@code q5=b,a,c} and {@code q7=a,c,b} (one letter per question). Commas or spaces
 * separate them; {@code order=3412} and {@code q5=bac} work too.
 */
final class Exercises {
    /** Page 4: order the training steps. */
    static final String ORDER = "order";
    /** Page 5's quiz. */
    static final String QUIZ5 = "q5";
    /** Page 7's final quiz. */
    static final String QUIZ7 = "q7";
    /** Page 2: the raw score at 2 hours with w = 1.0, b = −1. */
    static final String RAW2 = "raw2";
    /** Page 5: p at 2.5 hours with w = 1.2, b = −2.1. */
    static final String P25 = "p25";
    /** Page 5: w after retraining with the row (5, 1). */
    static final String W5 = "w5";

    /** Examples of the format for the notes and --help; deliberately wrong, so they give nothing away. */
    static final Map<String, String> NOT_THE_ANSWER = Map.of(ORDER, "2,4,1,3", QUIZ5, "a,c,b", QUIZ7, "b,a,c",
            RAW2, "0.5", P25, "0.5", W5, "4.4");

    static final int ORDER_CARDS = 4;
    static final int QUIZ_QUESTIONS = 3;
    static final int QUIZ_OPTIONS = 3;

    private final Map<String, List<Integer>> given;
    private final Map<String, Double> numbers;
    private final Prompt prompt;
    private final boolean off;

    private Exercises(Map<String, List<Integer>> given, Map<String, Double> numbers, Prompt prompt, boolean off) {
        this.given = given;
        this.numbers = numbers;
        this.prompt = prompt;
        this.off = off;
    }

    /**
     * The exercises for one run of the tutorial.
     *
     * @param answers the {@code --answers} given, KEY → LIST
     * @param prompt the terminal to ask at, or {@code null} when there is none
     * @param off {@code --no-quiz}: skip every exercise, quietly
     * @throws IllegalArgumentException naming the bad key or answer, before anything is printed
     */
    static Exercises of(Map<String, String> answers, Prompt prompt, boolean off) {
        Map<String, List<Integer>> parsed = new LinkedHashMap<>();
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            String key = answer.getKey();
            switch (key) {
                case RAW2, P25, W5 -> {
                    try {
                        numbers.put(key, number(answer.getValue()));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--answers " + key + "=" + answer.getValue() + ": "
                                + e.getMessage(), e);
                    }
                }
                case ORDER, QUIZ5, QUIZ7 -> {
                    try {
                        parsed.put(key, key.equals(ORDER) ? order(answer.getValue())
                                : letters(answer.getValue(), QUIZ_QUESTIONS));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--answers " + key + "=" + answer.getValue() + ": "
                                + e.getMessage(), e);
                    }
                }
                default -> throw new IllegalArgumentException("--answers: unknown exercise '" + key
                        + "'; use raw2 (page 2), order (page 4), p25, w5, q5 (page 5) or q7 (page 7), e.g. --answers"
                        + " q5=a,c,b");
            }
        }
        return new Exercises(parsed, numbers, prompt, off);
    }

    /** True when the tutorial can stop between pages to let the learner read. */
    boolean canPause() {
        return prompt != null;
    }

    /** Asks between pages; true to go on. Only call when {@link #canPause()}. */
    boolean next(String next) {
        return prompt.next(next);
    }

    /**
     * An ordering exercise: the learner gives the numbers of {@code cards} in the order the steps
     * happen.
     *
     * @param right the card indices (0-based) in the right order
     * @param reasons for each place in the right order, why that step comes there
     */
    void order(Lesson lesson, List<String> cards, List<Integer> right, List<String> reasons, String summary) {
        List<Integer> chosen = given.get(ORDER);
        if (off || chosen == null && prompt == null) {
            skipped(lesson, ORDER);
            return;
        }
        lesson.line("Exercise: put the training steps in order (type the %d card numbers, e.g. 2,4,1,3).",
                cards.size());
        for (int k = 0; k < cards.size(); k++) {
            lesson.line("    %d  %s", k + 1, cards.get(k));
        }
        boolean typing = chosen == null;
        if (typing) {
            chosen = typed("  your order: ", Exercises::order);
            if (chosen == null) {
                return;
            }
        } else {
            lesson.line("your order (from --answers): %s", cardNumbers(chosen));
        }
        int wrong = firstDifference(chosen, right);
        if (wrong >= 0 && typing) {
            lesson.wrap("Not yet. Hint: ", "step " + (wrong + 1) + " is not card " + (chosen.get(wrong) + 1)
                    + ". What does each step need that an earlier one makes? One more try.");
            chosen = typed("  your order: ", Exercises::order);
            if (chosen == null) {
                return;
            }
            wrong = firstDifference(chosen, right);
        }
        if (wrong < 0) {
            lesson.wrap("Right. ", sentence(summary));
        } else {
            lesson.wrap("Not quite. ", "Step " + (wrong + 1) + " is card " + (right.get(wrong) + 1) + " ("
                    + cards.get(right.get(wrong)) + "), not card " + (chosen.get(wrong) + 1) + ": "
                    + reasons.get(wrong));
            lesson.wrap("", "The order is " + cardNumbers(right) + ": " + summary);
        }
        lesson.blank();
    }

    /** A quiz: each question, the learner's answer, and why it is right or wrong. */
    void quiz(Lesson lesson, String key, String title, List<Question> questions) {
        List<Integer> chosen = given.get(key);
        if (off || chosen == null && prompt == null) {
            skipped(lesson, key);
            return;
        }
        lesson.line("%s (%d questions%s)", title, questions.size(),
                chosen == null ? ": type a letter" : ", answers from --answers " + key);
        lesson.blank();
        int right = 0;
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            lesson.wrap((q + 1) + ". ", question.text());
            for (int k = 0; k < question.options().size(); k++) {
                lesson.wrap("   " + Question.letter(k) + ") ", question.options().get(k));
            }
            int choice;
            if (chosen != null) {
                choice = chosen.get(q);
                lesson.line("   your answer: %s", Question.letter(choice));
            } else {
                List<Integer> typed = typed("     your answer: ", line -> letters(line, 1));
                if (typed == null) {
                    return;
                }
                choice = typed.get(0);
                if (choice != question.answer()) {
                    lesson.wrap("   Not yet. Hint: ", question.hint() + " One more try.");
                    typed = typed("     your answer: ", line -> letters(line, 1));
                    if (typed == null) {
                        return;
                    }
                    choice = typed.get(0);
                }
            }
            if (choice == question.answer()) {
                right++;
                lesson.wrap("   Right. ", sentence(question.why().get(choice)));
            } else {
                lesson.wrap("   Not quite. ", sentence(question.why().get(choice)));
                lesson.wrap("   The answer is " + Question.letter(question.answer()) + ": ",
                        sentence(question.why().get(question.answer())));
            }
            lesson.blank();
        }
        lesson.line("%d of %d right.", right, questions.size());
        lesson.blank();
    }

    /**
     * A question whose answer is a number, checked to within {@code tolerance}. In a terminal a wrong
     * answer gets the hint and one more try before the explanation; from {@code --answers} it is
     * checked once.
     *
     * @param explanation how the answer is found, ending with it; shown after the answer, right or wrong
     */
    void number(Lesson lesson, String key, String question, double answer, double tolerance, String hint,
            String explanation) {
        Double chosen = numbers.get(key);
        if (off || chosen == null && prompt == null) {
            skipped(lesson, key);
            return;
        }
        lesson.wrap("Exercise: ", question + " (a number; within " + Numbers.num(tolerance) + " counts as right)");
        boolean typing = chosen == null;
        if (typing) {
            chosen = typedNumber();
            if (chosen == null) {
                return;
            }
        } else {
            lesson.line("your answer (from --answers %s): %s", key, Numbers.num(chosen));
        }
        if (Math.abs(chosen - answer) > tolerance && typing) {
            lesson.wrap("Not yet. Hint: ", hint + " One more try.");
            chosen = typedNumber();
            if (chosen == null) {
                return;
            }
        }
        lesson.wrap(Math.abs(chosen - answer) <= tolerance ? "Right. " : "Not quite: " + Numbers.num(chosen)
                + " is off by " + Numbers.num(Math.abs(chosen - answer), 3) + ". ", sentence(explanation));
        lesson.blank();
    }

    private Double typedNumber() {
        return typed("  your answer: ", Exercises::number);
    }

    /** "0.71", "-1", "4.3e0"; a comma for the decimal point is refused with a hint. */
    static double number(String text) {
        String trimmed = text.trim();
        try {
            double value = Double.parseDouble(trimmed);
            if (Double.isFinite(value) && !trimmed.endsWith("d") && !trimmed.endsWith("f")
                    && !trimmed.endsWith("D") && !trimmed.endsWith("F")) {
                return value;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalArgumentException("'" + trimmed + "' is not a number; write it with digits and a point,"
                + " such as 0.75");
    }

    /** The note for an exercise that cannot be asked: one line, never a wait on stdin; none with --no-quiz. */
    private void skipped(Lesson lesson, String key) {
        if (off) {
            return;
        }
        lesson.line("(exercise skipped: no terminal to type into; answer it with --answers %s=%s, see --help)",
                key, NOT_THE_ANSWER.get(key));
        lesson.blank();
    }

    /** Asks until the line parses; {@code null} when the input ends. */
    private <T> T typed(String question, java.util.function.Function<String, T> parse) {
        String ask = question;
        while (true) {
            String line = prompt.ask(ask);
            if (line == null) {
                return null;
            }
            try {
                return parse.apply(line);
            } catch (IllegalArgumentException e) {
                ask = "  (" + e.getMessage() + ")\n" + question;
            }
        }
    }

    /** An explanation as a sentence: upper case first when it starts with a word (not a symbol such as z or p). */
    private static String sentence(String text) {
        boolean word = text.length() > 1 && isLower(text.charAt(0)) && isLower(text.charAt(1));
        return word ? Character.toUpperCase(text.charAt(0)) + text.substring(1) : text;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static int firstDifference(List<Integer> chosen, List<Integer> right) {
        for (int k = 0; k < right.size(); k++) {
            if (!chosen.get(k).equals(right.get(k))) {
                return k;
            }
        }
        return -1;
    }

    private static String cardNumbers(List<Integer> cards) {
        StringBuilder text = new StringBuilder();
        for (int card : cards) {
            text.append(text.length() == 0 ? "" : ", ").append(card + 1);
        }
        return text.toString();
    }

    /** "3,4,1,2", "3 4 1 2" or "3412" → [2, 3, 0, 1]. */
    static List<Integer> order(String text) {
        List<Integer> cards = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String token : tokens(text, ORDER_CARDS)) {
            int card = token.length() == 1 ? token.charAt(0) - '1' : -1;
            if (card < 0 || card >= ORDER_CARDS || !seen.add(card)) {
                cards = null;
                break;
            }
            cards.add(card);
        }
        if (cards == null || cards.size() != ORDER_CARDS) {
            throw new IllegalArgumentException("give the card numbers 1 to " + ORDER_CARDS
                    + ", each once, in the order the steps happen, e.g. 2,4,1,3");
        }
        return cards;
    }

    /** "b,a,c", "b a c" or "bac" → [1, 0, 2]. */
    static List<Integer> letters(String text, int count) {
        List<Integer> choices = new ArrayList<>();
        for (String token : tokens(text, count)) {
            char letter = token.length() == 1 ? Character.toLowerCase(token.charAt(0)) : '?';
            if (letter < 'a' || letter >= 'a' + QUIZ_OPTIONS) {
                choices = null;
                break;
            }
            choices.add(letter - 'a');
        }
        if (choices == null || choices.size() != count) {
            char last = Question.letter(QUIZ_OPTIONS - 1);
            throw new IllegalArgumentException("give " + (count == 1 ? "one letter, a to " + last
                    : count + " letters a to " + last + ", one per question, e.g. a,c,b"));
        }
        return choices;
    }

    /** Splits on commas and spaces; one word of exactly {@code count} characters is split into them. */
    private static List<String> tokens(String text, int count) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        String[] words = trimmed.split("[\\s,]+");
        if (words.length == 1 && count > 1 && words[0].length() == count) {
            return words[0].chars().mapToObj(c -> String.valueOf((char) c)).toList();
        }
        return List.of(words);
    }
}
