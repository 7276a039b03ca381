package dev.tinynn.web;

import java.util.List;

/**
 * The seven pages' HTML: one frame (navigation, progress bar, backend choice, previous/next) around
 * each page's own text, both read from the jar. A page's numbers are filled in by its script from
 * the JSON API; its state lives in its address's query, so a reload or a bookmark shows the same.
 */
final class Pages {
    static final List<String> TITLES = List.of("The problem and the idea", "One neuron", "Sigmoid and decisions",
            "Loss and training", "Check your model", "Two inputs", "Backprop and limits");

    private final String frame;
    private final String defaultBackend;

    Pages(String defaultBackend) {
        this.frame = Sources.read("page.html");
        this.defaultBackend = defaultBackend;
    }

    String page(int n) {
        StringBuilder nav = new StringBuilder();
        for (int k = 1; k <= TITLES.size(); k++) {
            nav.append("<li><a href=\"/page/").append(k).append('"').append(k == n ? " aria-current=\"page\"" : "")
                    .append('>').append(k).append(". ").append(TITLES.get(k - 1)).append("</a></li>");
        }
        String prev = n > 1 ? "<a rel=\"prev\" href=\"/page/" + (n - 1) + "\">← " + (n - 1) + ". " + TITLES.get(n - 2) + "</a>" : "<span></span>";
        String next = n < TITLES.size() ? "<a rel=\"next\" href=\"/page/" + (n + 1) + "\">" + (n + 1) + ". " + TITLES.get(n) + " →</a>" : "<span></span>";
        return frame.replace("{{n}}", String.valueOf(n))
                .replace("{{title}}", TITLES.get(n - 1))
                .replace("{{nav}}", nav)
                .replace("{{prev}}", prev)
                .replace("{{next}}", next)
                .replace("{{backend}}", defaultBackend)
                .replace("{{content}}", Sources.read("pages/" + n + ".html"));
    }

    /** The page a request without the token gets (HTTP 403). */
    static String refused(String why) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>tinynn: not allowed</title></head>"
                + "<body><h1>Not allowed</h1><p>This tutorial server answers only the person who started it. Open the "
                + "address that <code>tinynn serve</code> printed (it ends with <code>?token=…</code>).</p>"
                + "<p><small>(" + why.replace("<", "&lt;") + ")</small></p></body></html>";
    }
}
