package dev.tinynn.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /api/backends}: the backend the pages use unless told, and every backend present. */
public record BackendsJson(@JsonProperty("default") String defaultBackend, List<String> names) {
}
