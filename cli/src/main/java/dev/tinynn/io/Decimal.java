package dev.tinynn.io;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a number a person wrote: in a CSV cell, or on the command line. Stricter than
 * {@link Double#parseDouble}, which also takes {@code 1d}, {@code 0x1p3} and {@code NaN}: here a
 * number is an optional sign, digits with at most one decimal point, and an optional exponent
 * ({@code 2.5}, {@code -3}, {@code .5}, {@code 1e-3}), and it must be finite.
 */
public final class Decimal {
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)");

    private Decimal() {
    }

    /**
     * The number written in {@code text}.
     *
     * @param where what holds the text, for the message: {@code "data.csv line 3, column 'hours'"}
     * @throws IllegalArgumentException one line naming {@code where}, the problem and the fix: an
     *     empty text, a text that is not a number, NaN or an infinite (or overflowing) value
     */
    public static double parse(String text, String where) {
        if (text != null && TextFiles.hasControlCharacters(text.strip())) {
            throw new IllegalArgumentException(where + ": '" + TextFiles.shown(text) + "' holds a control character,"
                    + " which no number has; write the number alone, such as 2.5");
        }
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(where + " is empty; fill in a number");
        }
        if (NOT_FINITE.matcher(trimmed.toLowerCase(Locale.ROOT)).matches()) {
            throw notFinite(trimmed, where);
        }
        if (!PLAIN.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(where + ": '" + TextFiles.shown(trimmed) + "' is not a number; write a plain number"
                    + " such as 2.5 (a decimal point, no units, no thousands separators)");
        }
        double value = Double.parseDouble(trimmed);
        if (!Double.isFinite(value)) {
            throw notFinite(trimmed, where);
        }
        return value;
    }

    private static IllegalArgumentException notFinite(String text, String where) {
        return new IllegalArgumentException(where + ": '" + TextFiles.shown(text) + "' is not a finite number (NaN and infinity cannot"
                + " be learned from); replace it with a measured value or remove the row");
    }
}
