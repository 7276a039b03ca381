package dev.tinynn.core.spi;

/**
 * The number of threads a backend was asked for in a system property such as
 * {@code -Dtinynn.fast.threads=2}, read the same way by every backend that has one: a whole
 * number ≥ 1, or absent. It lives in the SPI because backends never know each other, and a
 * backend's own default (one per core, or one) stays the backend's choice.
 */
public final class ThreadCount {
    private ThreadCount() {
    }

    /**
     * The value of {@code property} as a thread count, or {@code fallback} when it is not set.
     *
     * @throws IllegalArgumentException naming the property and the fix when it is set but is not a
     *         whole number ≥ 1
     */
    public static int fromProperty(String property, int fallback) {
        return parse(property, System.getProperty(property), fallback);
    }

    /** {@code value} (the property's text, or null when unset) as a thread count; see {@link #fromProperty}. */
    public static int parse(String property, String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int threads = Integer.parseInt(value.strip());
            if (threads > 0) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(property + " must be a whole number ≥ 1, not '" + value
                + "'; for example -D" + property + "=1");
    }
}
