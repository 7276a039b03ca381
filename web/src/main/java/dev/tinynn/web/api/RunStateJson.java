package dev.tinynn.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /api/run/ID}: {@code waiting} (with the sentence saying what for), {@code running}, or
 * {@code unknown} (not begun, or answered); {@code message} is left out when there is none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunStateJson(String state, String message) {
    public static final RunStateJson UNKNOWN = new RunStateJson("unknown", null);
    public static final RunStateJson RUNNING = new RunStateJson("running", null);

    public static RunStateJson waiting(String why) {
        return new RunStateJson("waiting", why);
    }
}
