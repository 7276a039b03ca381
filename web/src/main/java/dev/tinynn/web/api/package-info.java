/**
 * The web API's answers as typed records, one per answer (its parts nested inside it), which
 * Jackson writes as JSON in the order of their components: the shape of every answer is read here,
 * in one place, and a key cannot be misspelt in one page and right in another. The server's
 * classes compute the numbers; these records only carry them. {@link dev.tinynn.web.api.TrainJson}
 * is also what {@code tinynn train --json} prints, so the two cannot drift.
 */
package dev.tinynn.web.api;
