package dev.tinynn.web.api;

/** {@code POST /api/reset}: {@code "reset"} once the session's runner has been ended (a fresh one is starting). */
public record ResetJson(String status) {
    public static final ResetJson RESET = new ResetJson("reset");
}
