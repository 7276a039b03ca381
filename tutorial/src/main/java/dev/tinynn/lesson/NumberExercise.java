package dev.tinynn.lesson;

/**
 * A question whose answer is a number, right when within {@code tolerance} of {@code answer}.
 *
 * @param explanation how the answer is found, ending with it; shown after the answer, right or wrong
 */
public record NumberExercise(String key, int page, String question, double answer, double tolerance, String hint,
        String explanation) implements Exercise {

    /** The tolerance every number exercise has: a learner computing by hand rounds to two or three digits. */
    public static final double TOLERANCE = 0.005;

    public boolean isRight(double given) {
        return Math.abs(given - answer) <= tolerance;
    }
}
