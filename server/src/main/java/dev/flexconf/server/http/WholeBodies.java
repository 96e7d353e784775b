package dev.flexconf.server.http;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
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
 * still served. API bodies are bounded by {@code apiLimit} (over it: 413, Twilio's body, from the API's own
 * check when announced, from here when it arrives chunked), admin bodies (seed documents) by {@code
 * adminLimit} (over it: 413 here). The bytes received and not yet handed on are bounded over all
 * connections ({@link #PENDING_BYTES}; past it: 503, retry). A body whose framing breaks (an invalid
 * chunk, a short body, a stall past the idle timeout) is handed on as that failure, which the handlers
 * answer as a 400. Thread-safe.
 */
public final class WholeBodies extends Handler.Wrapper {
    /** Bytes of bodies received at once and not yet handed to a handler, over all connections. */
    static final long PENDING_BYTES = 64L * 1024 * 1024;

    private final int apiLimit;
    private final int adminLimit;
    private final AtomicLong pending = new AtomicLong();

    public WholeBodies(int apiLimit, int adminLimit) {
        this.apiLimit = apiLimit;
        this.adminLimit = adminLimit;
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
        int limit = api ? apiLimit : adminLimit;
        if (length == 0 || (length < 0 && !chunked) || (api && length > limit)) {
            // nothing to wait for, or an API body the API itself refuses unread (and journals)
            return next.handle(request, response, callback);
        }
        if (length > limit) {
            refuse(response, callback, 413, 20001, tooLarge(limit));
            return true;
        }
        new Body(next, request, response, callback, limit).run();
        return true;
    }

    private static String tooLarge(int limit) {
        return "Request body too large: the limit is " + limit + " bytes";
    }

    private static void refuse(Response response, Callback callback, int status, int code, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(Json.bytes(ErrorResponses.body(status, code, message))), callback);
    }

    /**
     * One body being read: each chunk copied as it comes (never into one growing array, whose copies would
     * need twice the body), counted in {@link #pending} until handed on.
     */
    private final class Body implements Runnable {
        private final Handler next;
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final int limit;
        private final List<byte[]> pieces = new ArrayList<>();
        private long size;

        Body(Handler next, Request request, Response response, Callback callback, int limit) {
            this.next = next;
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.limit = limit;
        }

        /** Reads what has arrived; asks to be called again when more does. */
        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    finish(() -> dispatch(List.of(Content.Chunk.from(chunk.getFailure(), true))));
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                int n = bytes.remaining();
                if (n > 0) {
                    if (size + n > limit) {
                        chunk.release();
                        finish(() -> refuse(response, callback, 413, 20001, tooLarge(limit)));
                        return;
                    }
                    if (pending.addAndGet(n) > PENDING_BYTES) {
                        pending.addAndGet(-n);
                        chunk.release();
                        finish(() -> refuse(response, callback, 503, 20503,
                                "Service unavailable: too many request bodies are arriving at once; retry"));
                        return;
                    }
                    byte[] piece = new byte[n];
                    bytes.get(piece);
                    pieces.add(piece);
                    size += n;
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    finish(() -> {
                        List<Content.Chunk> body = new ArrayList<>(pieces.size() + 1);
                        for (byte[] piece : pieces) {
                            body.add(Content.Chunk.from(ByteBuffer.wrap(piece), false));
                        }
                        body.add(Content.Chunk.EOF);
                        dispatch(body);
                    });
                    return;
                }
            }
        }

        /** Stops counting this body's bytes and runs {@code then} on a thread of the server's pool. */
        private void finish(Runnable then) {
            pending.addAndGet(-size);
            getServer().getThreadPool().execute(then);
        }

        private void dispatch(List<Content.Chunk> body) {
            try {
                if (!next.handle(new Replay(request, body), response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
            } catch (Throwable t) {
                Response.writeError(request, response, callback, t);
            }
        }
    }

    /** The request with its body already read: its chunks (or its failure), then the end. */
    private static final class Replay extends Request.Wrapper {
        private final List<Content.Chunk> chunks;
        private int at;

        Replay(Request request, List<Content.Chunk> chunks) {
            super(request);
            this.chunks = chunks;
        }

        @Override
        public Content.Chunk read() {
            if (at >= chunks.size()) {
                return Content.Chunk.EOF;
            }
            Content.Chunk next = chunks.get(at);
            if (!Content.Chunk.isFailure(next)) {
                at++;
            }
            return next;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }
}
