package dev.tinynn.web.api;

/** The answer of {@code GET /api/page/N}: page N's numbers, one record per page. */
public sealed interface PageJson permits Page1Json, Page2Json, Page3Json, Page4Json, Page5Json, Page6Json, Page7Json,
        Page8Json {
}
