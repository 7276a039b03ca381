package dev.tinynn.web.api;

/**
 * {@code POST /api/check}: whether the answer is right; the explanation, hint, answer or what to
 * give; the verdict (right, hint, answer or not-an-attempt); whether nothing more is to be tried;
 * and whether it used a try.
 */
public record CheckJson(boolean right, String text, String verdict, boolean done, boolean counted) {
}
