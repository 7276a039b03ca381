package dev.tinynn.web;

import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may use the server: only the person who started it, as with Jupyter. Every request passes
 * three checks, in this order:
 * <ol>
 *   <li>its {@code Host} is {@code 127.0.0.1:PORT} or {@code localhost:PORT} (a page on another
 *       site that re-points its own name at 127.0.0.1, DNS rebinding, sends its own name);</li>
 *   <li>a POST's {@code Origin}, when present, is this server's own origin (another site's page
 *       cannot make the learner's browser run code here);</li>
 *   <li>it carries a session cookie this server issued, or the header {@code Authorization: token
 *       TOKEN}. The cookie is issued (HttpOnly, SameSite=Strict) on the first visit with
 *       {@code ?token=TOKEN}, which is then redirected to the same address without the token.</li>
 * </ol>
 * The token is 256 random bits, new at each start. Each cookie is its own random session id, which
 * also names the learner's code runner (one browser, one notebook).
 */
final class Guard {
    static final String COOKIE = "tinynn-session";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private volatile int port;

    Guard() {
        this.token = random();
    }

    String token() {
        return token;
    }

    void port(int port) {
        this.port = port;
    }

    /** Refuses the request (throws {@link Refused}) unless it passes the three checks; may redirect. */
    void check(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !(host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port))) {
            throw new Refused("this server answers only to 127.0.0.1:" + port + " or localhost:" + port);
        }
        String origin = ctx.header("Origin");
        if ("POST".equals(ctx.method().name()) && origin != null
                && !(origin.equals("http://127.0.0.1:" + port) || origin.equals("http://localhost:" + port))) {
            throw new Refused("a request from another site's page");
        }
        String given = ctx.queryParam("token");
        if (given != null && same(given, token) && "GET".equals(ctx.method().name())) {
            String session = random();
            sessions.add(session);
            ctx.header("Set-Cookie", COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict");
            ctx.redirect(withoutToken(ctx));
            ctx.skipRemainingHandlers();
            return;
        }
        if (session(ctx) == null) {
            throw new Refused("no token");
        }
    }

    /**
     * The session a request belongs to: its cookie's id, or {@code "token"} for a client that sends
     * the token in the Authorization header; {@code null} for neither.
     */
    String session(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null && sessions.contains(cookie)) {
            return cookie;
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.startsWith("token ")
                && same(authorization.substring("token ".length()).trim(), token)) {
            return "token";
        }
        return null;
    }

    private static String withoutToken(Context ctx) {
        StringBuilder query = new StringBuilder();
        ctx.queryParamMap().forEach((key, values) -> {
            if (!key.equals("token")) {
                for (String value : values) {
                    query.append(query.length() == 0 ? "?" : "&").append(encode(key)).append('=').append(encode(value));
                }
            }
        });
        return ctx.path() + query;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Compares in constant time, so the token cannot be guessed a character at a time. */
    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String random() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }

    /** A request that fails a check: HTTP 403. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why);
        }
    }
}
