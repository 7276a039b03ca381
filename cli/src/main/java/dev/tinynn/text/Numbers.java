package dev.tinynn.text;

import java.math.BigDecimal;
import java.math.MathContext;

/** How numbers are written for people: enough digits to recompute by hand, no noise. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * At most ten significant digits, trailing zeros dropped: 0.5249791875, 1, −0.6, 2.44266217.
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

    /** A number that follows an operator: negative ones in parentheses, (−3.2). */
    public static String signed(double v) {
        return v < 0 ? "(" + num(v) + ")" : num(v);
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
