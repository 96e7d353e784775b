package dev.flexconf.server.store.sqlite;

import org.jdbi.v3.core.Handle;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log's pages into the database file beside the writer, on a thread and a
 * connection of its own: every {@link #PERIOD_MS} a PASSIVE checkpoint copies (and syncs) what no reader
 * still needs, without waiting for or blocking the writer and the readers. The writer's own automatic
 * checkpoint, which is what restarts the log once it has {@code CHECKPOINT_PAGES}, then finds all but
 * the last moments' pages already copied: the commit that runs it copies only those, instead of the
 * whole log. Owns {@code handle} and closes it in {@link #close()}. Thread-safe.
 */
final class Checkpointer implements AutoCloseable {
    static final long PERIOD_MS = 100;

    private final Handle handle;
    private final Thread thread;
    private volatile boolean closed;

    Checkpointer(Handle handle, String name) {
        this.handle = handle;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!closed) {
            try {
                Thread.sleep(PERIOD_MS);
                handle.createQuery("PRAGMA wal_checkpoint(PASSIVE)").mapToMap().list();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    // a full or failing disk: the writer reports it to its callers; try again next period
                    LoggerFactory.getLogger(Checkpointer.class).debug("checkpoint failed: {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handle.close();
    }
}
