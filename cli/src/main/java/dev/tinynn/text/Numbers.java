package dev.tinynn.text;

import dev.tinynn.lesson.Num;

/** How numbers are written for people: enough digits to recompute by hand, no noise. */
public final class Numbers {

    private Numbers() {
    }

    /** {@link Num#num(double)}: at most ten significant digits, the tutorial's one way of writing a number. */
    public static String num(double v) {
        return Num.num(v);
    }

    /** {@link Num#num(double, int)}. */
    public static String num(double v, int digits) {
        return Num.num(v, digits);
    }

    /** {@link Num#signed}: a number that follows an operator, negative ones in parentheses, (-3.2). */
    public static String signed(double v) {
        return Num.signed(v);
    }

    /** Every digit a double holds (the shortest text that reads back as the same double). */
    public static String full(double v) {
        String text = Double.toString(v);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** A vector as [a, b, …], each with {@link #full}. */
    public static String full(double[] v) {
        StringBuilder text = new StringBuilder("[");
        for (int j = 0; j < v.length; j++) {
            text.append(j == 0 ? "" : ", ").append(full(v[j]));
        }
        return text.append(']').toString();
    }
}
