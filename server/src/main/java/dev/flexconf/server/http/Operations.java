package dev.flexconf.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.Set;

/**
 * Where the API's operations are registered: each route under its Twilio operationId
 * ({@link Operation}), each call passing through {@code guard} (the fault rules), which runs it now, later or
 * not at all. The guard runs
 * inside the endpoint rather than as a before-matched handler, which would cost Javalin a second route
 * match on every request (bench/README.md). Used while Javalin is configured, by one thread.
 */
public final class Operations {
    private final RoutesConfig routes;
    private final Guard guard;

    /** What every operation passes through: it calls {@code next} now, later (an async answer), or not at all. */
    @FunctionalInterface
    public interface Guard {
        void handle(Context ctx, Handler next) throws Exception;
    }

    public Operations(RoutesConfig routes, Guard guard) {
        this.routes = routes;
        this.guard = guard;
    }

    /** Registers {@code handler} for GET {@code path} as operation {@code id}. */
    public void get(String id, String path, Handler handler) {
        add(HandlerType.GET, id, path, handler);
    }

    /** Registers {@code handler} for POST {@code path} as operation {@code id}. */
    public void post(String id, String path, Handler handler) {
        add(HandlerType.POST, id, path, handler);
    }

    private void add(HandlerType type, String id, String path, Handler handler) {
        Handler guarded = ctx -> guard.handle(ctx, handler);
        routes.addEndpoint(new Endpoint(type, path, guarded, Set.of(new Operation(id))));
    }
}
