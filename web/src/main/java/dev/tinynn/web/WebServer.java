package dev.tinynn.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinynn.web.api.ErrorJson;
import dev.tinynn.web.api.ResetJson;
import dev.tinynn.web.api.SampleJson;
import dev.tinynn.web.runner.Runners;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;

/**
 * The tutorial's web server, {@code tinynn serve}: the pages ({@code /page/1} … {@code /page/8}),
 * their assets (all from the jar), and a small JSON API whose every number comes from core and the
 * chosen backend ({@link PageNumbers}, {@link TrainEndpoint}, {@link NetworkSteps}; every answer is a
 * record of {@link dev.tinynn.web.api}), plus {@code /api/run} and {@code /api/reset}, which hand a
 * learner's code to the {@link Runners}. Javalin on Jetty does the HTTP; {@link Guard} decides who may
 * use it. It binds 127.0.0.1 only: there is no way to bind elsewhere.
 */
public final class WebServer implements AutoCloseable {
    /** The port {@code tinynn serve} tries unless told otherwise. */
    public static final int DEFAULT_PORT = 8765;
    static final String HOST = "127.0.0.1";
    /** The largest request body the server reads (a code cell and its JSON). */
    static final int MAX_BODY = 1024 * 1024;
    static final String SERVER_FAILED = "The server failed to answer; run it again, and if it fails again restart "
            + "tinynn serve.";

    private final Javalin app;
    private final Guard guard;
    private final Runners runners;

    private WebServer(Javalin app, Guard guard, Runners runners) {
        this.app = app;
        this.guard = guard;
        this.runners = runners;
    }

    /**
     * Starts the server on 127.0.0.1.
     *
     * @param port the port; 0 picks a free one
     * @param defaultBackend the backend the pages use until the learner picks another
     * @param runners runs the learner's code; closed with the server
     * @throws PortTakenException when the port is in use
     */
    public static WebServer start(int port, String defaultBackend, Runners runners) {
        Guard guard = new Guard();
        ObjectMapper json = new ObjectMapper();
        BackendCache backends = new BackendCache(defaultBackend);
        PageNumbers pageNumbers = new PageNumbers(backends);
        TrainEndpoint training = new TrainEndpoint(backends);
        Pages pages = new Pages(defaultBackend);
        RunStates runStates = new RunStates();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = HOST;
            config.routes.before(ctx -> {
                ctx.header("Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "frame-ancestors 'none'; form-action 'self'");
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Cache-Control", "no-store");
                guard.check(ctx);
            });
            config.http.maxRequestSize = MAX_BODY;
            config.routes.exception(Guard.Refused.class, (e, ctx) -> refuse(ctx, json, e.getMessage()));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, json, 400, e.getMessage()));
            // A refused training setting also names its field, so the page can say it beside that field.
            config.routes.exception(TrainLimits.OutOfRange.class, (e, ctx) ->
                    send(ctx.status(400), json, new ErrorJson(e.getMessage(), e.field())));
            config.routes.exception(JsonProcessingException.class, (e, ctx) -> error(ctx, json, 400,
                    "The request's body is not valid JSON; send an object such as {\"code\": \"1 + 1\"}."));
            config.routes.exception(Runners.BusyException.class, (e, ctx) -> {
                ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
                error(ctx, json, 503, e.getMessage());
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, json, e.getStatus(),
                    e.getStatus() == 404 ? "There is no " + ctx.method() + " " + ctx.path() + " on this server; "
                            + "docs/web.md lists the API's calls."
                    : e.getStatus() == 413 ? "The request is larger than this server's limit of " + MAX_BODY / 1024
                            + " KB (" + MAX_BODY + " bytes); send less code in one Run."
                    : e.getMessage()));
            // The learner reads one plain sentence; what failed goes to the server's stderr, for whoever runs it.
            config.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("tinynn serve: " + ctx.method() + " " + ctx.path() + " failed: " + e);
                error(ctx, json, 500, SERVER_FAILED);
            });
            config.routes.get("/", ctx -> ctx.redirect("/page/1"));
            config.routes.get("/page/{n}", ctx -> ctx.html(pages.page(pageNumber(ctx))));
            config.routes.get("/assets/{file}", WebServer::asset);
            config.routes.get("/api/backends", ctx -> send(ctx, json, backends.list()));
            config.routes.get("/api/page/{n}", ctx -> send(ctx, json, pageNumbers.page(pageNumber(ctx), query(ctx))));
            config.routes.get("/api/train", ctx -> send(ctx, json, training.train(query(ctx))));
            config.routes.get("/api/sample/{n}", ctx -> send(ctx, json,
                    new SampleJson(Sources.sampleCell(pageNumber(ctx), backends.of(query(ctx)).name()))));
            config.routes.post("/api/check", ctx -> {
                JsonNode body = json.readTree(ctx.body());
                send(ctx, json, Quizzes.check(backends.named(body.path("backend").asText(defaultBackend)),
                        body.path("exercise").asText(), body.path("question").asInt(0), body.path("answer").asText(),
                        body.path("attempt").asInt(1)));
            });
            config.routes.post("/api/run", ctx -> {
                JsonNode body = json.readTree(ctx.body());
                if (!body.path("code").isTextual()) {
                    throw new IllegalArgumentException("send JSON {\"code\": \"...\"}");
                }
                String session = guard.session(ctx);
                String run = body.path("run").asText("");
                try {
                    send(ctx, json, runners.run(session, body.path("code").asText(), runStates.listener(session, run)));
                } finally {
                    runStates.forget(session, run);
                }
            });
            config.routes.get("/api/run/{run}", ctx ->
                    send(ctx, json, runStates.state(guard.session(ctx), ctx.pathParam("run"))));
            config.routes.post("/api/network", new NetworkSteps(backends)::answer);
            config.routes.post("/api/reset", ctx -> {
                runners.reset(guard.session(ctx));
                send(ctx, json, ResetJson.RESET);
            });
        });
        try {
            app.start(HOST, port);
        } catch (RuntimeException e) {
            app.stop();
            if (causedBy(e, BindException.class)) {
                throw new PortTakenException(port);
            }
            throw e;
        }
        guard.port(app.port());
        return new WebServer(app, guard, runners);
    }

    /** The address to open, token included: {@code http://127.0.0.1:PORT/?token=TOKEN}. */
    public String address() {
        return "http://" + HOST + ":" + app.port() + "/?token=" + guard.token();
    }

    public int port() {
        return app.port();
    }

    /** The token that {@link #address()} carries, for clients that send it as {@code Authorization: token …}. */
    public String token() {
        return guard.token();
    }

    /** Stops the server and closes every runner JVM. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            runners.close();
        }
    }

    private static Query query(Context ctx) {
        return new Query(ctx.queryParamMap());
    }

    private static int pageNumber(Context ctx) {
        String n = ctx.pathParam("n");
        if (!n.matches("[1-9][0-9]?") || Integer.parseInt(n) > Pages.count()) {
            throw new IllegalArgumentException("there are pages 1 to " + Pages.count() + ", not '" + n + "'");
        }
        return Integer.parseInt(n);
    }

    private static void asset(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        if (!file.matches("[a-z0-9-]+\\.(js|css|svg)")) {
            ctx.status(404).result("no such asset");
            return;
        }
        try (InputStream in = WebServer.class.getResourceAsStream("assets/" + file)) {
            if (in == null) {
                ctx.status(404).result("no such asset");
                return;
            }
            String type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "image/svg+xml";
            ctx.contentType(type + "; charset=utf-8").result(in.readAllBytes());
        }
    }

    private static void refuse(Context ctx, ObjectMapper json, String why) {
        ctx.status(403);
        if (ctx.path().startsWith("/api/")) {
            send(ctx, json, ErrorJson.of("forbidden: " + why + "; open the address that 'tinynn serve' printed"));
        } else {
            ctx.html(Pages.refused(why));
        }
    }

    /** An error: under /api/ always JSON, {"error": "one sentence"}; elsewhere the sentence as text. */
    private static void error(Context ctx, ObjectMapper json, int status, String sentence) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            send(ctx, json, ErrorJson.of(sentence));
        } else {
            ctx.contentType("text/plain; charset=utf-8").result(sentence);
        }
    }

    private static void send(Context ctx, ObjectMapper json, Object value) {
        ctx.contentType("application/json").result(text(json, value));
    }

    private static String text(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The port asked for is in use by another program. */
    public static final class PortTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortTakenException(int port) {
            super("port " + port + " is already in use; choose another with --port, or --port 0 for any free port");
        }
    }
}
