package dev.tinynn.lesson;

/**
 * Something a page asks: a number ({@link NumberExercise}), the order of cards ({@link CardOrder}),
 * or one or more multiple-choice questions ({@link Quiz}). Its key names it on both screens: in
 * {@code tinynn tutorial --answers KEY=…} and in the browser's {@code POST /api/check}.
 */
public sealed interface Exercise permits NumberExercise, CardOrder, Quiz {

    /** raw2, p3, order, p25, w5, q5, q7. */
    String key();

    /** The page that asks it, 1-based. */
    int page();
}
