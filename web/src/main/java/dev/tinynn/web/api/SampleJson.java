package dev.tinynn.web.api;

/** {@code GET /api/sample/N}: page N's sample as a code cell, ending with a call of its main method. */
public record SampleJson(String code) {
}
