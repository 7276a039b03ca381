package dev.tinynn.web.api;

import java.util.List;

/** A quiz's question as the page shows it, without its answer (the server checks answers: {@link CheckJson}). */
public record QuizQuestion(String text, List<String> options) {
}
