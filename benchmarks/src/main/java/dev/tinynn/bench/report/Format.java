package dev.tinynn.bench.report;

import java.util.Locale;

/** How the report writes numbers: times, bytes, percentages, ratios, met/missed. */
final class Format {
    private Format() {
    }

    /** A time in ns: whole numbers with thousands separators from 100 up, three significant digits below. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** A time with its unit chosen for reading: ns, µs, ms or s. */
    static String time(double ns) {
        if (ns >= 1e9) {
            return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
        }
        if (ns >= 1e6) {
            return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        }
        if (ns >= 1e3) {
            return String.format(Locale.ROOT, "%.2f µs", ns / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f ns", ns);
    }

    static String bytes(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * v);
    }

    static String ratio(double v) {
        return String.format(Locale.ROOT, "%.2f×", v);
    }

    /** A value with "(noisy)" after it when its error bar is over 20% of it. */
    static String marked(Result r) {
        return num(r.median()) + (r.noisy() ? " (noisy)" : "");
    }

    /** A small difference in scientific notation: 6.5e-19. */
    static String sci(double v) {
        return Double.isNaN(v) ? "?" : String.format(Locale.ROOT, "%.1e", v);
    }

    /** A rate in GFLOP/s, one decimal (two significant digits below 1). */
    static String gflops(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, v < 1 ? "%.2g" : "%.1f", v);
    }
}
