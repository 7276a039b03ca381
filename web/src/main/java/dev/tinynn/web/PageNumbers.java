package dev.tinynn.web;

import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.Examples;
import dev.tinynn.web.api.PageJson;

/**
 * {@code GET /api/page/N}: page N's numbers, computed on request by core and the backend the query
 * names, from the query's settings (each page's class computes its own: {@link Page1Numbers} …
 * {@link Page8Numbers}). The pages never compute or hard-code a tutorial number,
 * and their settings (the start w = 0.1, the example neurons of pages 2, 3 and 5, …) are the
 * tutorial content's {@link Examples}, as the terminal's are, so the two cannot disagree.
 */
final class PageNumbers {
    private final BackendCache backends;

    PageNumbers(BackendCache backends) {
        this.backends = backends;
    }

    /** @throws IllegalArgumentException for a page, a backend or a setting there is not, in one sentence */
    PageJson page(int n, Query query) {
        Backend backend = backends.of(query);
        return switch (n) {
            case 1 -> Page1Numbers.of(backend);
            case 2 -> Page2Numbers.of(backend, query.number("hours", Examples.Neuron.HOURS),
                    query.number("w", Examples.Neuron.WEIGHTS[0]), query.number("b", Examples.Neuron.BIAS));
            case 3 -> Page3Numbers.of(backend, query.number("z", 0),
                    query.number("threshold", Examples.Sigmoid.CUT_OFF));
            case 4 -> Page4Numbers.of(backend);
            case 5 -> Page5Numbers.of(backend);
            case 6 -> Page6Numbers.of(backends);
            case 7 -> Page7Numbers.of(backend, (int) query.number("row", Examples.Backprop.ROW + 1));
            case 8 -> Page8Numbers.of(backend);
            default -> throw new IllegalArgumentException("there are pages 1 to " + Pages.count());
        };
    }
}
