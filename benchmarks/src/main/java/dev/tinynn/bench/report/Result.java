package dev.tinynn.bench.report;

import java.util.Map;

/**
 * One JMH result: a benchmark at one set of parameters. {@code median} is the median of every
 * measurement iteration of every fork (ns per operation), {@code error} JMH's 99.9% confidence
 * half-width, {@code alloc} {@code gc.alloc.rate.norm} in bytes per operation (NaN without
 * {@code -prof gc}).
 */
record Result(String benchmark, Map<String, String> params, double median, double error, double alloc) {

    /** A row whose error is more than this share of its value is marked noisy. */
    static final double NOISY = 0.20;

    String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** The error bar is wider than {@value #NOISY} of the value (or JMH had too few samples for one). */
    boolean noisy() {
        return Double.isNaN(error) || error > NOISY * median;
    }

    /** The two error bars overlap: the difference between the two medians may be noise. */
    boolean overlaps(Result other) {
        double reach = (Double.isNaN(error) ? 0 : error) + (Double.isNaN(other.error) ? 0 : other.error);
        return Math.abs(median - other.median) <= reach;
    }
}
