/**
 * The web API's answers as typed records, one per answer with its parts nested inside it (a part
 * two answers share, such as {@link dev.tinynn.web.api.Gradients}, stands beside them), which
 * Jackson writes as JSON in the order of their components: the shape of every answer is read here,
 * in one place, and no key can be misspelt in one page and right in another. The server's classes
 * compute the numbers; these records only carry them. {@link dev.tinynn.web.api.TrainJson} is also
 * what {@code tinynn train --json} prints, so the two cannot drift apart.
 */
package dev.tinynn.web.api;
