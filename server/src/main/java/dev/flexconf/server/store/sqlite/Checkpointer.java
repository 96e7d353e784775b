package dev.flexconf.server.store.sqlite;

import org.jdbi.v3.core.Handle;
import org.slf4j.LoggerFactory;

/**
 * Keeps the write-ahead log short without stalling the writer. Every {@link #PERIOD_MS}, on a thread and a
 * connection of its own, a PASSIVE checkpoint copies (and syncs) the log's pages into the database file,
 * without waiting for or blocking the writer and the readers. Under steady writes that copy never
 * catches up with the log's end (the writer appends while it runs), so once the log holds {@link
 * #RESTART_PAGES} the writer finishes it between two of its transactions ({@link
 * Writer#betweenTransactions}): a second PASSIVE checkpoint on the writer's connection copies only the
 * pages written meanwhile, and the next write starts the log again from its beginning. The writer's own
 * automatic checkpoint (a whole copy inside the commit that crosses its threshold, the stall this class
 * exists to avoid) is left as the backstop for a reader that holds the log back. Owns {@code handle} and
 * closes it in {@link #close()}. Thread-safe.
 */
final class Checkpointer implements AutoCloseable {
    static final long PERIOD_MS = 100;
    /** Pages in the log (4 KiB each) from which the writer is asked to finish a checkpoint. */
    static final int RESTART_PAGES = 4_000;
    /** Pages appended during a checkpoint below which the writer is left to finish. */
    static final int CATCH_UP_PAGES = 256;

    private final Handle handle;
    private final Writer writer;
    private final Thread thread;
    private volatile boolean closed;

    Checkpointer(Handle handle, Writer writer, String name) {
        this.handle = handle;
        this.writer = writer;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** What one PASSIVE checkpoint left: pages in the log, and how many of them are in the database file. */
    private record Progress(int logPages, int copiedPages) {
    }

    private static Progress checkpoint(Handle h) {
        return h.createQuery("PRAGMA wal_checkpoint(PASSIVE)")
                .map((rs, ctx) -> new Progress(rs.getInt(2), rs.getInt(3)))
                .one();
    }

    /**
     * Checkpoints again while the writer appended more than {@link #CATCH_UP_PAGES} during the last one
     * (a few times at most), so that what is left for the writer is small.
     */
    private void catchUp(Progress last) {
        for (int i = 0; i < 4; i++) {
            Progress next = checkpoint(handle);
            boolean caughtUp = next.logPages() - last.logPages() < CATCH_UP_PAGES;
            last = next;
            if (caughtUp) {
                break;
            }
        }
    }

    private void loop() {
        while (!closed) {
            try {
                Thread.sleep(PERIOD_MS);
                Progress progress = checkpoint(handle);
                if (progress.logPages() >= RESTART_PAGES) {
                    catchUp(progress);
                    writer.betweenTransactions(Checkpointer::checkpoint);
                }
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
