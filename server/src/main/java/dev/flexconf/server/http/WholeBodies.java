package dev.flexconf.server.http;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Reads each request's whole body before the handlers run, without a thread: Jetty delivers it as it
 * arrives and only a complete body is dispatched. So clients that send headers and then trickle or stall
 * their bodies hold a connection each until Jetty's idle timeout, never a thread, and everyone else is
 * still served. Every API body is read so, and every admin body that announces a length within
 * {@code limit}; a larger or chunked admin upload (a big seed document) is streamed by its handler.
 * Bounded: an API body over {@code limit} is answered 413 (Twilio's body) without being kept,
 * and bodies pending at once are bounded in bytes ({@link #PENDING_BYTES}; past it, 503). A body whose
 * framing breaks (an invalid chunk, a short body) is handed on as that failure, which the handlers answer
 * as a 400. Thread-safe.
 */
public final class WholeBodies extends Handler.Wrapper {
    /** Bytes of bodies being read at once, over all connections. */
    static final long PENDING_BYTES = 64L * 1024 * 1024;

    private final int limit;
    private final AtomicLong pending = new AtomicLong();

    public WholeBodies(int limit) {
        this.limit = limit;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        long length = request.getLength();
        boolean chunked = length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        boolean api = Request.getPathInContext(request).startsWith("/v1/");
        if (length == 0 || (length < 0 && !chunked) || length > limit || (chunked && !api)) {
            // nothing to wait for; refused unread downstream (the API's limit); or an admin upload (a seed
            // may be far larger than the API's limit), which its handler streams
            return next.handle(request, response, callback);
        }
        long reserved = length > 0 ? length : limit + 1L;
        if (pending.addAndGet(reserved) > PENDING_BYTES) {
            pending.addAndGet(-reserved);
            refuse(response, callback, 503, 20503, "Service unavailable: too many request bodies are arriving at once; retry");
            return true;
        }
        Content.Source.asByteArrayAsync(request, limit).whenComplete((bytes, failure) -> {
            pending.addAndGet(-reserved);
            getServer().getThreadPool().execute(() -> dispatch(next, request, response, callback, bytes, failure));
        });
        return true;
    }

    private void dispatch(Handler next, Request request, Response response, Callback callback, byte[] bytes, Throwable failure) {
        try {
            if (failure != null && ErrorResponses.malformedFraming(failure) == null) {
                // the one failure that is not the connection's: more than the limit arrived
                refuse(response, callback, 413, 20001, "Request body too large: the limit is " + limit + " bytes");
                return;
            }
            Request replay = new Replay(request, failure == null
                    ? Content.Chunk.from(ByteBuffer.wrap(bytes), true)
                    : Content.Chunk.from(failure, true));
            if (!next.handle(replay, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable t) {
            Response.writeError(request, response, callback, t);
        }
    }

    private static void refuse(Response response, Callback callback, int status, int code, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(Json.bytes(ErrorResponses.body(status, code, message))), callback);
    }

    /** The request with its body already read: one chunk (or its failure), then the end. */
    private static final class Replay extends Request.Wrapper {
        private Content.Chunk chunk;

        Replay(Request request, Content.Chunk chunk) {
            super(request);
            this.chunk = chunk;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk next = chunk;
            if (next == null) {
                return Content.Chunk.EOF;
            }
            if (!Content.Chunk.isFailure(next)) {
                chunk = null;
            }
            return next;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }
}
