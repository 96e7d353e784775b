package dev.flexconf.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.EndpointMetadata;
import java.util.Set;

/**
 * A route's Twilio operationId ({@code CreatePluginConfiguration}, …), attached where the route is
 * registered, so that faults and the request journal can name the operation a request matched.
 * Immutable.
 */
public record Operation(String id) implements EndpointMetadata {

    /** Registers {@code handler} for GET {@code path} as operation {@code id}. */
    public static void get(RoutesConfig routes, String id, String path, Handler handler) {
        routes.addEndpoint(new Endpoint(HandlerType.GET, path, handler, Set.of(new Operation(id))));
    }

    /** Registers {@code handler} for POST {@code path} as operation {@code id}. */
    public static void post(RoutesConfig routes, String id, String path, Handler handler) {
        routes.addEndpoint(new Endpoint(HandlerType.POST, path, handler, Set.of(new Operation(id))));
    }

    /** The operation the request matched, or null for a request that matched no operation. */
    public static String of(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            Operation operation = endpoint == null ? null : endpoint.metadata(Operation.class);
            return operation == null ? null : operation.id();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
