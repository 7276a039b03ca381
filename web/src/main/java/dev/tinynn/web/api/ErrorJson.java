package dev.tinynn.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every refusal and failure under {@code /api/}: one sentence, and for a refused training setting
 * the query parameter it is about (the page shows the sentence beside that field); left out otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorJson(String error, String field) {

    public static ErrorJson of(String sentence) {
        return new ErrorJson(sentence, null);
    }
}
