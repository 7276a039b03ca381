package dev.tinynn.lesson;

import static dev.tinynn.lesson.Num.num;
import static dev.tinynn.lesson.Num.sentence;

import java.util.List;

/**
 * The one grading rule, the same on both screens: an answer is checked against the exercise's
 * answer (a number within its tolerance); a first wrong answer gets the hint and one more try; a
 * second wrong answer gets the answer and its explanation; a right answer gets the explanation.
 * Something that is not an answer at all (a number exercise given "abc" or nothing, a question
 * given no option) is not an attempt: it is told what to give, and the try is not used up.
 */
public final class Grading {
    /** Tries per exercise (per question of a quiz): the first, and one more after the hint. */
    public static final int TRIES = 2;

    private Grading() {
    }

    /** What became of one answer. */
    public enum Kind {
        /** Right: the explanation follows. */
        RIGHT,
        /** Wrong with a try left: the hint follows. */
        HINT,
        /** Wrong on the last try: the answer and its explanation follow. */
        ANSWER,
        /** Not an answer ("abc", nothing): told what to give; the try is not used. */
        NOT_AN_ATTEMPT
    }

    /**
     * One answer's verdict.
     *
     * @param text what the learner is told, one or more sentences
     */
    public record Verdict(Kind kind, String text) {

        public boolean right() {
            return kind == Kind.RIGHT;
        }

        /** Right, or the answer has been shown: nothing more to try. */
        public boolean done() {
            return kind == Kind.RIGHT || kind == Kind.ANSWER;
        }

        /** Whether the answer used up a try. */
        public boolean counted() {
            return kind != Kind.NOT_AN_ATTEMPT;
        }
    }

    /**
     * A number exercise's answer, as typed.
     *
     * @param attempt 1 for the first try, {@link #TRIES} for the last
     */
    public static Verdict number(NumberExercise exercise, String typed, int attempt) {
        double given;
        try {
            given = Num.parse(typed);
        } catch (IllegalArgumentException notANumber) {
            return new Verdict(Kind.NOT_AN_ATTEMPT, sentence(notANumber.getMessage()) + ".");
        }
        if (exercise.isRight(given)) {
            return right(exercise.explanation());
        }
        if (attempt < TRIES) {
            return hint(exercise.hint());
        }
        return new Verdict(Kind.ANSWER, "Not quite: " + num(given) + " is off by "
                + num(Math.abs(given - exercise.answer()), 3) + ". " + sentence(exercise.explanation()));
    }

    /**
     * A multiple-choice answer.
     *
     * @param chosen the option's index, or {@code null} when none was picked
     */
    public static Verdict choice(Question question, Integer chosen, int attempt) {
        int options = question.options().size();
        if (chosen == null || chosen < 0 || chosen >= options) {
            return new Verdict(Kind.NOT_AN_ATTEMPT, "Pick one of the " + options + " answers.");
        }
        if (chosen == question.answer()) {
            return right(question.why().get(chosen));
        }
        if (attempt < TRIES) {
            return hint(question.hint());
        }
        return new Verdict(Kind.ANSWER, "Not quite. " + sentence(question.why().get(chosen)) + " The answer is “"
                + question.options().get(question.answer()) + "”. " + sentence(question.why().get(question.answer())));
    }

    /**
     * An order of the cards.
     *
     * @param chosen the card indices (0-based) in the order the learner put them
     */
    public static Verdict order(CardOrder order, List<Integer> chosen, int attempt) {
        if (!order.isOrder(chosen)) {
            return new Verdict(Kind.NOT_AN_ATTEMPT, "Give each of the " + order.cards().size()
                    + " cards once, in the order the steps happen.");
        }
        int wrong = -1;
        for (int k = 0; k < order.right().size() && wrong < 0; k++) {
            if (!chosen.get(k).equals(order.right().get(k))) {
                wrong = k;
            }
        }
        if (wrong < 0) {
            return right(order.summary());
        }
        if (attempt < TRIES) {
            return hint("step " + (wrong + 1) + " is not “" + order.cards().get(chosen.get(wrong)) + "”. What does "
                    + "each step need that an earlier one makes?");
        }
        StringBuilder names = new StringBuilder();
        for (int card : order.right()) {
            names.append(names.length() == 0 ? "" : ", ").append(order.name(card).toLowerCase(java.util.Locale.ROOT));
        }
        return new Verdict(Kind.ANSWER, "Not quite. Step " + (wrong + 1) + " is “"
                + order.cards().get(order.right().get(wrong)) + "”, not “" + order.cards().get(chosen.get(wrong))
                + "”: " + order.reasons().get(wrong) + " The order is " + names + ". " + sentence(order.summary()));
    }

    private static Verdict right(String explanation) {
        return new Verdict(Kind.RIGHT, "Right. " + sentence(explanation));
    }

    private static Verdict hint(String hint) {
        return new Verdict(Kind.HINT, "Not yet. Hint: " + hint + " One more try.");
    }
}
