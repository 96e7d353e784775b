package dev.flexconf.server.http;

import io.javalin.http.Context;

/**
 * The public base URL that every absolute URL in a response starts with: a fixed one when configured
 * (the emulator behind a proxy), else the request's own scheme and Host. Immutable.
 */
public final class BaseUrl {
    private final String fixed;

    /** @param fixed the base URL to use for every request, or null to take it from each request */
    public BaseUrl(String fixed) {
        this.fixed = fixed == null ? null : stripSlash(fixed);
    }

    public String of(Context ctx) {
        if (fixed != null) {
            return fixed;
        }
        String host = ctx.host();
        if (host == null || host.isBlank()) {
            host = "127.0.0.1:" + ctx.port();
        }
        return ctx.scheme() + "://" + host;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
