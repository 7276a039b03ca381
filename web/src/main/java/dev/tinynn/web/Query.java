package dev.tinynn.web;

import java.util.List;
import java.util.Map;

/**
 * A request's query parameters as the API reads them: an absent or blank parameter is its
 * default; a number must be finite and within ±1,000,000; a bad one is refused with one sentence
 * that says what to write instead. One reader, so every endpoint refuses "abc" in the same words.
 */
final class Query {
    /** The largest number, either sign, a parameter may be: far beyond any page's, small enough to compute with. */
    static final double LARGEST = 1e6;

    private final Map<String, List<String>> params;

    Query(Map<String, List<String>> params) {
        this.params = params;
    }

    /** The first value of {@code key} as sent, untrimmed; null when the parameter is absent. */
    String given(String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The value of {@code key}, trimmed; {@code fallback} when it is absent or blank. */
    String text(String key, String fallback) {
        String value = given(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /**
     * The number {@code key}; {@code fallback} when it is absent or blank.
     *
     * @throws IllegalArgumentException when it is not a number or beyond ±{@link #LARGEST}
     */
    double number(String key, double fallback) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        double parsed = parse(value);
        if (Math.abs(parsed) > LARGEST) {
            throw new IllegalArgumentException(key + " must be between -1000000 and 1000000, got " + value);
        }
        return parsed;
    }

    /**
     * A finite number written as Java reads one.
     *
     * @throws IllegalArgumentException naming the value and showing how to write a number
     */
    static double parse(String value) {
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number; write one like 0.5 or -2", e);
        }
    }
}
