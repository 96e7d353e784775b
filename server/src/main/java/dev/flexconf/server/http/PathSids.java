package dev.flexconf.server.http;

import dev.flexconf.server.store.Sids;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sids in request paths. One that is not shaped like a sid answers as an unknown one does, a 404 for
 * the requested path: the Flex Plugins CLI takes only a 404 for "not found" (twilio/flex-plugin-builder,
 * packages/plugin-flex/src/sub-commands/information-flex-plugin.ts). Stateless.
 */
public final class PathSids {
    private PathSids() {
    }

    /** What {@code find} gives for path parameter {@code param} when it is a {@code prefix} sid; else a 404. */
    public static <T> T require(Context ctx, String param, String prefix, Function<String, Optional<T>> find) {
        String sid = ctx.pathParam(param);
        return (Sids.isSid(prefix, sid) ? find.apply(sid) : Optional.<T>empty())
                .orElseThrow(() -> TwilioException.notFound(ctx.path()));
    }
}
