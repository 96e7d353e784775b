package dev.flexconf.server.http;

import dev.flexconf.model.TwilioError;
import dev.flexconf.server.store.StorageUnavailable;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every failure leave as Twilio's error body ({@code code}, {@code message}, {@code more_info},
 * {@code status}), those raised by Javalin itself (unknown path, wrong method, body too large)
 * included. An unexpected exception is logged with its stack trace and answered 500 20500 without it.
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    public static void install(JavalinConfig config) {
        config.routes.exception(TwilioException.class, (e, ctx) -> write(ctx, e.status(), e.code(),
                e.getMessage() != null ? e.getMessage() : TwilioException.notFoundMessage(ctx.path())));
        config.routes.exception(StorageUnavailable.class, (e, ctx) -> {
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            if (e.full()) {
                write(ctx, 507, 20507, "Insufficient storage: " + e.getMessage() + "; nothing of this request was kept."
                        + " Free some space and retry");
            } else {
                write(ctx, 503, 20503, "Service unavailable: " + e.getMessage() + "; nothing of this request was kept");
            }
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> fromJavalin(ctx, e.getStatus()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            Throwable framing = malformedFraming(e);
            if (framing != null) {
                // the client's bytes, not our failure: no stack trace, and the connection is not reused
                ctx.header("Connection", "close");
                write(ctx, 400, 20001, "Malformed request body: it did not arrive whole (a broken chunked encoding, a short body, or a stall)");
                return;
            }
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, 20500, "Internal server error");
        });
        for (int status : new int[] {404, 405, 413}) {
            config.routes.error(status, "*", ctx -> {
                if (!isTwilioError(ctx)) {
                    fromJavalin(ctx, ctx.statusCode());
                }
            });
        }
    }

    /**
     * The cause that says a request's body did not arrive whole (an invalid or truncated chunked
     * encoding, a body shorter than its Content-Length, a body that stalled past the idle timeout):
     * Jetty's EofException or HttpException, or a TimeoutException; null when the failure is something else.
     */
    static Throwable malformedFraming(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.io.EofException || t instanceof org.eclipse.jetty.http.HttpException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return t;
            }
        }
        return null;
    }

    /** The Twilio error model for a status, code and message; also used by the Jetty error handler. */
    public static TwilioError body(int status, int code, String message) {
        return new TwilioError()
                .code(code)
                .message(message)
                .moreInfo(URI.create("https://www.twilio.com/docs/errors/" + code))
                .status(status);
    }

    static void write(Context ctx, int status, int code, String message) {
        ctx.attribute(TwilioError.class.getName(), Boolean.TRUE);
        Json.respond(ctx, status, body(status, code, message));
    }

    private static boolean isTwilioError(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(TwilioError.class.getName()));
    }

    private static void fromJavalin(Context ctx, int status) {
        switch (status) {
            case 404 -> write(ctx, 404, 20404, TwilioException.notFoundMessage(ctx.path()));
            case 405 -> write(ctx, 405, 20004, "Method not allowed");
            case 413 -> write(ctx, 413, 20001, "Request body too large: the limit is " + Form.MAX_BYTES + " bytes");
            default -> write(ctx, status, status >= 500 ? 20500 : 20001, "Request rejected");
        }
    }
}
