package dev.flexconf.server.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.javalin.router.EndpointMetadata;

/**
 * A route's Twilio operationId ({@code CreatePluginConfiguration}, …), attached where the route is
 * registered ({@link Operations}), so that faults and the request journal can name the operation a
 * request matched.
 * Immutable.
 */
public record Operation(String id) implements EndpointMetadata {

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
