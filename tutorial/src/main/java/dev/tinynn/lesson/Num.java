package dev.tinynn.lesson;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How a number is written for people, on every screen: enough digits to recompute by hand, no noise,
 * and one minus sign, the ASCII hyphen-minus, so that a number copied from a page pastes into Python.
 */
public final class Num {
    /** The minus sign of every number shown. */
    public static final char MINUS = '-';
    /** What a learner is told when a typed answer is empty: it is not an attempt. */
    public static final String TYPE_A_NUMBER = "type a number, such as 0.75";

    private Num() {
    }

    /**
     * At most ten significant digits, trailing zeros dropped: 0.5249791875, 1, -0.6, 2.44266217.
     * Whole numbers print without a decimal point; very large or small ones in scientific notation.
     */
    public static String num(double v) {
        return num(v, 10);
    }

    /** Like {@link #num(double)}, with at most {@code digits} significant digits. */
    public static String num(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        double magnitude = Math.abs(v);
        return magnitude >= 1e-6 && magnitude < 1e15 ? rounded.toPlainString() : rounded.toString();
    }

    /** A number that follows an operator: negative ones in parentheses, (-3.2). */
    public static String signed(double v) {
        return v < 0 ? "(" + num(v) + ")" : num(v);
    }

    /**
     * A typed answer as a number: "0.71", "-1", "4.3e0", also with the typographic minus "−1".
     *
     * @throws IllegalArgumentException when it is not one (empty, "abc", "0,71", "1d"), saying "type a number"
     */
    public static double parse(String typed) {
        String trimmed = typed == null ? "" : typed.trim().replace('−', MINUS);
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(sentence(TYPE_A_NUMBER));
        }
        try {
            double value = Double.parseDouble(trimmed);
            if (Double.isFinite(value) && Character.isDigit(trimmed.charAt(trimmed.length() - 1))
                    || Double.isFinite(value) && trimmed.endsWith(".")) {
                return value;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException("'" + trimmed + "' is not a number; type a number with digits and a point,"
                + " such as 0.75");
    }

    /** Upper case first when the text starts with a word (not a symbol such as z or p). */
    static String sentence(String text) {
        boolean word = text.length() > 1 && isLower(text.charAt(0)) && isLower(text.charAt(1));
        return word ? Character.toUpperCase(text.charAt(0)) + text.substring(1) : text;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }
}
