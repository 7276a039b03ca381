package dev.tinynn.terminal;

import dev.tinynn.lesson.CardOrder;
import dev.tinynn.lesson.Exercises;
import dev.tinynn.lesson.Grading;
import dev.tinynn.lesson.Num;
import dev.tinynn.lesson.NumberExercise;
import dev.tinynn.lesson.Question;
import dev.tinynn.lesson.Quiz;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How the terminal asks the tutorial's exercises ({@link Exercises}) and grades them by the one rule
 * both screens use ({@link Grading}). An answer comes from {@code --answers KEY=LIST} when given
 * (one try: it is graded as the last); otherwise it is typed at the terminal, when there is one (a
 * wrong answer gets the hint and one more try; a line that is no answer is asked again, and uses no
 * try); otherwise the exercise is skipped with a one-line note, so the tutorial never waits on an
 * input nobody can type into.
 *
 * <p>The {@code --answers} format: {@code raw2=1.5} (a number), {@code order=3,4,1,2} (the card
 * numbers in the order you would do the steps), {@code p3=a} and {@code q5=b,a,c} (one letter per
 * question). Commas or spaces separate them; {@code order=3412} and {@code q5=bac} work too.
 */
final class Asking {
    /** Examples of the format for the notes and --help; deliberately wrong, so they give nothing away. */
    static final Map<String, String> NOT_THE_ANSWER = Map.of(Exercises.ORDER, "2,4,1,3", Exercises.QUIZ5, "a,c,b",
            Exercises.QUIZ7, "b,a,c", Exercises.RAW2, "0.5", Exercises.P25, "0.5", Exercises.W5, "4.4",
            Exercises.P3, "b");

    static final int ORDER_CARDS = 4;
    static final int QUIZ_OPTIONS = 3;
    /** The questions of each quiz the command line can answer, and their options. */
    private static final Map<String, int[]> QUIZZES = Map.of(Exercises.P3, new int[] {1, 2},
            Exercises.QUIZ5, new int[] {3, QUIZ_OPTIONS}, Exercises.QUIZ7, new int[] {3, QUIZ_OPTIONS});

    private final Map<String, String> given;
    private final Prompt prompt;
    private final boolean off;

    private Asking(Map<String, String> given, Prompt prompt, boolean off) {
        this.given = given;
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
    static Asking of(Map<String, String> answers, Prompt prompt, boolean off) {
        Map<String, String> checked = new LinkedHashMap<>();
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            String key = answer.getKey();
            try {
                switch (key) {
                    case Exercises.RAW2, Exercises.P25, Exercises.W5 -> Num.parse(answer.getValue());
                    case Exercises.ORDER -> order(answer.getValue());
                    case Exercises.P3, Exercises.QUIZ5, Exercises.QUIZ7 ->
                            letters(answer.getValue(), QUIZZES.get(key)[0], QUIZZES.get(key)[1]);
                    default -> throw new IllegalStateException();
                }
            } catch (IllegalStateException unknown) {
                throw new IllegalArgumentException("--answers: unknown exercise '" + key + "'; use raw2 (page 2), p3"
                        + " (page 3), order (page 4), p25, w5, q5 (page 5) or q7 (page 7), e.g. --answers q5=a,c,b");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--answers " + key + "=" + answer.getValue() + ": "
                        + e.getMessage(), e);
            }
            checked.put(key, answer.getValue());
        }
        return new Asking(checked, prompt, off);
    }

    /** True when the tutorial can stop between pages to let the learner read. */
    boolean canPause() {
        return prompt != null;
    }

    /** Asks between pages; true to go on. Only call when {@link #canPause()}. */
    boolean next(String next) {
        return prompt.next(next);
    }

    /** {@code --no-quiz}: no exercise is asked, so no answer needs keeping back. */
    boolean off() {
        return off;
    }

    /** Whether {@code key} is asked at all in this run (answered on the command line, or typed). */
    boolean asks(String key) {
        return !off && (given.containsKey(key) || prompt != null);
    }

    /** The ordering exercise: the learner gives the numbers of the cards in the order the steps happen. */
    void order(Screen screen, CardOrder exercise) {
        if (!asks(exercise.key())) {
            skipped(screen, exercise.key());
            return;
        }
        screen.line("Exercise: %s Type the %d card numbers, e.g. 2,4,1,3.", exercise.question(),
                exercise.cards().size());
        for (int k = 0; k < exercise.cards().size(); k++) {
            screen.line("    %d  %s", k + 1, exercise.cards().get(k));
        }
        ask(screen, exercise.key(), "  your order: ", "", Asking::order,
                (chosen, attempt) -> Grading.order(exercise, chosen, attempt),
                chosen -> cardNumbers(chosen));
        screen.blank();
    }

    /** A quiz: each question, the learner's answer, and why it is right or wrong. */
    void quiz(Screen screen, Quiz quiz) {
        if (!asks(quiz.key())) {
            skipped(screen, quiz.key());
            return;
        }
        List<Question> questions = quiz.questions();
        String from = given.get(quiz.key());
        List<Integer> chosen = from == null ? null : letters(from, questions.size(), QUIZZES.get(quiz.key())[1]);
        boolean one = questions.size() == 1;
        if (!one) {
            screen.line("%s (%d questions%s)", quiz.title(), questions.size(),
                    from == null ? ": type a letter" : ", answers from --answers " + quiz.key());
            screen.blank();
        }
        int right = 0;
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            screen.wrap(one ? quiz.title() + ": " : (q + 1) + ". ", question.text());
            for (int k = 0; k < question.options().size(); k++) {
                screen.wrap("   " + Question.letter(k) + ") ", question.options().get(k));
            }
            int options = question.options().size();
            Integer fixed = chosen == null ? null : chosen.get(q);
            Grading.Verdict verdict = ask(screen, quiz.key(), "     your answer: ", "   ",
                    line -> fixed != null ? fixed : letters(line, 1, options).get(0),
                    (choice, attempt) -> Grading.choice(question, choice, attempt),
                    choice -> String.valueOf(Question.letter(choice)));
            if (verdict == null) {
                return;
            }
            right += verdict.right() ? 1 : 0;
            screen.blank();
        }
        if (!one) {
            screen.line("%d of %d right.", right, questions.size());
            screen.blank();
        }
    }

    /** A question whose answer is a number, checked to within its tolerance. */
    void number(Screen screen, NumberExercise exercise) {
        if (!asks(exercise.key())) {
            skipped(screen, exercise.key());
            return;
        }
        screen.wrap("Exercise: ", exercise.question() + " (a number; within " + Num.num(exercise.tolerance())
                + " counts as right)");
        ask(screen, exercise.key(), "  your answer: ", "", line -> line,
                (typed, attempt) -> Grading.number(exercise, typed, attempt), typed -> typed.trim());
        screen.blank();
    }

    /**
     * Asks until the exercise is done: from {@code --answers} once (graded as the last try), or typed
     * (a line {@code parse} refuses, or one the grading does not count, is asked again).
     *
     * @return the last verdict, or {@code null} when the input ended first
     */
    private <T> Grading.Verdict ask(Screen screen, String key, String question, String indent,
            Function<String, T> parse, java.util.function.BiFunction<T, Integer, Grading.Verdict> grade,
            Function<T, String> shown) {
        String fromCommandLine = given.get(key);
        if (fromCommandLine != null) {
            T answer = parse.apply(fromCommandLine);
            screen.line("%syour answer (from --answers %s): %s", indent, key, shown.apply(answer));
            Grading.Verdict verdict = grade.apply(answer, Grading.TRIES);
            screen.wrap(indent, verdict.text());
            return verdict;
        }
        int attempt = 1;
        String ask = question;
        while (true) {
            String line = prompt.ask(ask);
            if (line == null) {
                return null;
            }
            T answer;
            try {
                answer = parse.apply(line);
            } catch (IllegalArgumentException e) {
                ask = "  (" + e.getMessage() + ")\n" + question;
                continue;
            }
            Grading.Verdict verdict = grade.apply(answer, attempt);
            if (!verdict.counted()) {
                ask = "  (" + verdict.text() + ")\n" + question;
                continue;
            }
            screen.wrap(indent, verdict.text());
            if (verdict.done()) {
                return verdict;
            }
            attempt++;
            ask = question;
        }
    }

    /** The note for an exercise that cannot be asked: one line, never a wait on stdin; none with --no-quiz. */
    private void skipped(Screen screen, String key) {
        if (off) {
            return;
        }
        screen.line("(exercise skipped: no terminal to type into; answer it with --answers %s=%s, see --help)",
                key, NOT_THE_ANSWER.get(key));
        screen.blank();
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

    /** "b,a,c", "b a c" or "bac" → [1, 0, 2], each a letter of one of {@code options} options. */
    static List<Integer> letters(String text, int count, int options) {
        List<Integer> choices = new ArrayList<>();
        for (String token : tokens(text, count)) {
            char letter = token.length() == 1 ? Character.toLowerCase(token.charAt(0)) : '?';
            if (letter < 'a' || letter >= 'a' + options) {
                choices = null;
                break;
            }
            choices.add(letter - 'a');
        }
        if (choices == null || choices.size() != count) {
            char last = Question.letter(options - 1);
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
