package dev.tinynn.web;

import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.CardOrder;
import dev.tinynn.lesson.Exercise;
import dev.tinynn.lesson.Exercises;
import dev.tinynn.lesson.Grading;
import dev.tinynn.lesson.NumberExercise;
import dev.tinynn.lesson.Quiz;
import dev.tinynn.web.api.CheckJson;
import dev.tinynn.web.api.QuizQuestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pages' exercises, checked on the server so the right answers are not in the page, by the
 * tutorial's one grading rule ({@link Grading}), the same as the terminal's: a first wrong answer
 * gets the hint, a second the answer with its explanation; an answer that is not one ("abc", none
 * picked) is told what to give and uses no try. The explanations quote numbers computed now by the
 * chosen backend.
 */
final class Quizzes {

    private Quizzes() {
    }

    /** A quiz's questions, without their answers. */
    static List<QuizQuestion> questions(Quiz quiz) {
        return quiz.questions().stream().map(q -> new QuizQuestion(q.text(), q.options())).toList();
    }

    /**
     * Checks one answer.
     *
     * @param backend the backend whose numbers the explanations quote
     * @param exercise an exercise's key: raw2, p3, order, p25, w5, q5 or q7
     * @param question the question's index (quizzes only)
     * @param answer the learner's answer: a number (raw2, p25, w5), the card indices in order such as
     *     {@code 2,3,0,1} (order), an option's index (p3 and the quizzes)
     * @param attempt 1 for the first try, 2 for the retry
     * @return {@code right}, {@code text} (the explanation, a hint, the answer, or what to give),
     *     {@code verdict} (right, hint, answer or not-an-attempt), {@code done} (nothing more to try)
     *     and {@code counted} (whether it used a try)
     */
    static CheckJson check(Backend backend, String exercise, int question, String answer, int attempt) {
        Exercise e = Exercises.named(exercise, backend);
        Grading.Verdict verdict;
        if (e instanceof NumberExercise number) {
            verdict = Grading.number(number, answer, attempt);
        } else if (e instanceof CardOrder order) {
            verdict = Grading.order(order, indices(answer), attempt);
        } else {
            Quiz quiz = (Quiz) e;
            if (question < 0 || question >= quiz.questions().size()) {
                throw new IllegalArgumentException("there are questions 0 to " + (quiz.questions().size() - 1));
            }
            List<Integer> chosen = indices(answer);
            verdict = Grading.choice(quiz.questions().get(question), chosen == null || chosen.size() != 1 ? null
                    : chosen.get(0), attempt);
        }
        return new CheckJson(verdict.right(), verdict.text(),
                verdict.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), verdict.done(), verdict.counted());
    }

    /** "2,3,0,1" → [2, 3, 0, 1]; {@code null} when it is not a list of whole numbers. */
    private static List<Integer> indices(String answer) {
        List<Integer> chosen = new ArrayList<>();
        for (String part : answer.split(",")) {
            try {
                chosen.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return chosen;
    }
}
