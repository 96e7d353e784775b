package dev.flexconf.server.store.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Up to {@code size} long-lived Jdbi handles, each with its own SQLite connection and its own
 * {@link StatementCache}, opened when first needed and kept until {@link #close()}. A caller takes a
 * handle, uses it alone, and gives it back; when all are in use, taking waits for one (at most 30 s).
 * Thread-safe.
 */
final class HandlePool implements AutoCloseable {
    private static final int WAIT_SECONDS = 30;

    private final Jdbi jdbi;
    private final int size;
    private final BlockingQueue<Handle> idle;
    private final List<Handle> opened = new ArrayList<>();

    HandlePool(Jdbi jdbi, int size) {
        this.jdbi = jdbi;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    Handle take() {
        Handle handle = idle.poll();
        if (handle != null) {
            return handle;
        }
        synchronized (opened) {
            if (opened.size() < size) {
                Handle fresh = jdbi.open();
                opened.add(fresh);
                return fresh;
            }
        }
        try {
            Handle waited = idle.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (waited == null) {
                throw new IllegalStateException("no database connection came free within " + WAIT_SECONDS + " s");
            }
            return waited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a database connection", e);
        }
    }

    void give(Handle handle) {
        idle.offer(handle);
    }

    @Override
    public void close() {
        synchronized (opened) {
            opened.forEach(Handle::close);
            opened.clear();
            idle.clear();
        }
    }
}
