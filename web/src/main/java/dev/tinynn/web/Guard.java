package dev.tinynn.web;

import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who may use the server: only the person who started it, as with Jupyter. Every request passes
 * these checks, in this order:
 * <ol>
 *   <li>its {@code Host} is {@code 127.0.0.1:PORT} or {@code localhost:PORT} (a page on another
 *       site that re-points its own name at 127.0.0.1, DNS rebinding, sends its own name);</li>
 *   <li>its {@code Origin}, when present, is this server's own origin (another site's page cannot
 *       make the learner's browser run code here);</li>
 *   <li>a page carries this server's session cookie; an API call carries the cookie <em>and</em> the
 *       session's key in the header {@value #KEY_HEADER}; either may instead carry the header
 *       {@code Authorization: token TOKEN}.</li>
 * </ol>
 * The first visit with {@code ?token=TOKEN} makes a session: a random id in the cookie
 * {@code tinynn-session-PORT} (HttpOnly, SameSite=Strict) and a random key handed to the page in the
 * address's fragment ({@code #tinynn-key=KEY}), which a browser never sends to any server. The page
 * keeps the key in its origin's storage, which belongs to this scheme, host and port alone.
 *
 * <p>Why two parts: browsers do not scope cookies by port, so the cookie also goes to every other
 * service on 127.0.0.1, whose owner could replay it; the key cannot leave this origin, so a replayed
 * cookie opens the pages (the tutorial's text) but runs no code and reads no API. The port in the
 * cookie's name keeps two servers on different ports from overwriting each other's cookie. The token
 * is 256 random bits, new at each start; so are each session's id and key.
 */
final class Guard {
    /** The header that carries the session's key on API calls. */
    static final String KEY_HEADER = "X-Tinynn-Key";
    /** The address fragment's name for the key, read by the page's script. */
    static final String KEY_FRAGMENT = "tinynn-key";
    /** The most sessions kept: each token visit makes one, so the oldest go (a browser has only its latest). */
    static final int MAX_SESSIONS = 16;
    private static final String COOKIE_PREFIX = "tinynn-session-";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A path that may be redirected to as it is: no second slash at the start, nothing to escape. */
    private static final java.util.regex.Pattern SAFE_PATH = java.util.regex.Pattern.compile("/(?![/\\\\])[A-Za-z0-9/._-]*");

    private final String token;
    /** Session id to key, oldest first; at most {@link #MAX_SESSIONS}. */
    private final Map<String, String> sessions = Collections.synchronizedMap(new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_SESSIONS;
        }
    });
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

    /** The session cookie's name, with this server's port in it. */
    String cookie() {
        return COOKIE_PREFIX + port;
    }

    /** Refuses the request (throws {@link Refused}) unless it passes the checks; may redirect. */
    void check(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !(host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port))) {
            throw new Refused("this server answers only to 127.0.0.1:" + port + " or localhost:" + port);
        }
        String origin = ctx.header("Origin");
        if (origin != null && !(origin.equals("http://127.0.0.1:" + port) || origin.equals("http://localhost:" + port))) {
            throw new Refused("a request from another site's page");
        }
        String given = ctx.queryParam("token");
        if (given != null && same(given, token) && "GET".equals(ctx.method().name())) {
            String session = random();
            String key = random();
            String previous = ctx.cookie(cookie());
            if (previous != null) {
                sessions.remove(previous); // the new cookie replaces it in this browser
            }
            sessions.put(session, key);
            ctx.header("Set-Cookie", cookie() + "=" + session + "; Path=/; HttpOnly; SameSite=Strict");
            ctx.redirect(withoutToken(ctx) + "#" + KEY_FRAGMENT + "=" + key);
            ctx.skipRemainingHandlers();
            return;
        }
        if (session(ctx) == null) {
            throw new Refused(ctx.path().startsWith("/api/") && ctx.cookie(cookie()) != null
                    ? "no session key (the page sends it; other programs send the token)" : "no token");
        }
    }

    /**
     * The session a request belongs to: its cookie's id (for an API call only with the session's key
     * beside it), or {@code "token"} for a client that sends the token in the Authorization header;
     * {@code null} for neither.
     */
    String session(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.startsWith("token ")
                && same(authorization.substring("token ".length()).trim(), token)) {
            return "token";
        }
        String cookie = ctx.cookie(cookie());
        String key = cookie == null ? null : sessions.get(cookie);
        if (key == null) {
            return null;
        }
        if (!ctx.path().startsWith("/api/")) {
            return cookie;
        }
        String given = ctx.header(KEY_HEADER);
        return given != null && same(given, key) ? cookie : null;
    }

    /** Where the token swap goes: the same path of this server without the token; page 1 for anything else. */
    private static String withoutToken(Context ctx) {
        String path = ctx.path();
        if (path.equals("/") || !SAFE_PATH.matcher(path).matches()) {
            path = "/page/1";
        }
        StringBuilder query = new StringBuilder();
        ctx.queryParamMap().forEach((key, values) -> {
            if (!key.equals("token")) {
                for (String value : values) {
                    query.append(query.length() == 0 ? "?" : "&").append(encode(key)).append('=').append(encode(value));
                }
            }
        });
        return path + query;
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
