package dev.flexconf.server.http;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads each request's whole body before the handlers run, without a thread: Jetty delivers it as it
 * arrives and only a complete body is dispatched. So clients that send headers and then trickle or stall
 * their bodies hold a connection each until Jetty's idle timeout, never a thread, and everyone else is
 * still served. API bodies are bounded by {@code apiLimit} (over it: 413, Twilio's body, from the API's own
 * check when announced, from here when it arrives chunked), admin bodies (seed documents) by {@code
 * adminLimit} (over it: 413 here). The bytes received and not yet handed on are bounded over all
 * connections ({@link #PENDING_BYTES}; past it: 503, retry). A body whose framing breaks (an invalid
 * chunk, a short body, a stall past the idle timeout) is handed on as that failure, which the handlers
 * answer as a 400. A body refused for its size is still read to its end and thrown away (up to {@link
 * #DRAIN_BYTES}, for up to {@link #DRAIN_MILLIS}) after its answer is sent, so that a client still sending it
 * reads that answer instead of a reset connection. Thread-safe.
 */
public final class WholeBodies extends Handler.Wrapper {
    /** Bytes of bodies received at once and not yet handed to a handler, over all connections. */
    static final long PENDING_BYTES = 64L * 1024 * 1024;
    /** Bytes of a refused body read and thrown away after its answer, before the connection is closed. */
    static final long DRAIN_BYTES = 16L * 1024 * 1024;
    /** How long a refused body is read after its answer before the connection is closed anyway. */
    static final long DRAIN_MILLIS = 3_000;

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
        if (length == 0 || (length < 0 && !chunked)) {
            return next.handle(request, response, callback);
        }
        if (api && length > limit) {
            // an API body the API itself refuses unread (and journals); its bytes are thrown away after
            return next.handle(new Replay(request, List.of(Content.Chunk.EOF)), response, new Drain(request, callback));
        }
        if (length > limit) {
            refuse(response, new Drain(request, callback), 413, 20001, tooLarge(limit));
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
                        finish(() -> refuse(response, new Drain(request, callback), 413, 20001, tooLarge(limit)));
                        return;
                    }
                    if (pending.addAndGet(n) > PENDING_BYTES) {
                        pending.addAndGet(-n);
                        chunk.release();
                        finish(() -> refuse(response, new Drain(request, callback), 503, 20503,
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

    /**
     * Completes a refused request only once the rest of its body has been read and thrown away, or {@link
     * #DRAIN_BYTES} of it, or after {@link #DRAIN_MILLIS}: closing a connection with unread bytes makes the
     * kernel reset it, and a client still writing its body would see the reset instead of the answer.
     */
    private final class Drain implements Callback, Runnable {
        private final Request request;
        private final Callback callback;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile Scheduler.Task deadline;
        private long left = DRAIN_BYTES;

        Drain(Request request, Callback callback) {
            this.request = request;
            this.callback = callback;
        }

        @Override
        public void succeeded() {
            deadline = getServer().getScheduler().schedule(this::complete, DRAIN_MILLIS, TimeUnit.MILLISECONDS);
            run();
        }

        @Override
        public void failed(Throwable failure) {
            if (done.compareAndSet(false, true)) {
                callback.failed(failure);
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return callback.getInvocationType();
        }

        /** Reads what has arrived and throws it away; asks to be called again when more does. */
        @Override
        public void run() {
            try {
                while (!done.get()) {
                    Content.Chunk chunk = request.read();
                    if (chunk == null) {
                        request.demand(this);
                        return;
                    }
                    boolean end = chunk.isLast() || Content.Chunk.isFailure(chunk);
                    left -= chunk.remaining();
                    chunk.release();
                    if (end || left < 0) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                // the exchange ended meanwhile (the deadline passed): nothing left to read
            }
            complete();
        }

        private void complete() {
            if (done.compareAndSet(false, true)) {
                Scheduler.Task task = deadline;
                if (task != null) {
                    task.cancel();
                }
                callback.succeeded();
            }
        }
    }

    /** The request with its body already read (or refused unread): its chunks (or its failure), then the end. */
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

        /** What the handlers did not read is not theirs to consume: it was read here, or is drained here. */
        @Override
        public boolean consumeAvailable() {
            return true;
        }
    }
}
