package dev.flexconf.server.store.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * The one thread that writes, with group commit: it takes the writes waiting in its queue (up to
 * {@link #MAX_BATCH}) and runs them one after another in one transaction, each inside its own savepoint,
 * then commits once. A write that throws is rolled back to its savepoint alone and its caller gets the
 * exception; a caller that gets a result is answered only after the commit, so whatever it returned is
 * durable. Callers see plain serial semantics: each write sees every write queued before it.
 *
 * <p>Owns {@code handle} (its connection and cached statements) from construction and closes it in
 * {@link #close()}; writes still queued then fail. Thread-safe; a write that runs on the writer thread
 * (work nested in a write) runs at once, inside the write that holds it. Work that must run with no
 * transaction open and no write under way (a checkpoint that has to finish) goes through {@link
 * #betweenTransactions(Consumer)}.
 */
final class Writer implements AutoCloseable {
    static final int MAX_BATCH = 256;
    private static final String SAVEPOINT = "flexconf_write";

    private final Handle handle;
    private final LinkedBlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicReference<Between> between = new AtomicReference<>();
    private volatile boolean closed;

    private record Job<R>(HandleCallback<R, RuntimeException> work, CompletableFuture<R> result) {
    }

    /** Work for the writer thread between two transactions, and its outcome. */
    private record Between(Consumer<Handle> work, CompletableFuture<Void> done) {
    }

    Writer(Handle handle, String name) {
        this.handle = handle;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code work} in a transaction of the writer thread and waits for its commit. */
    <R> R write(HandleCallback<R, RuntimeException> work) {
        if (Thread.currentThread() == thread) {
            return work.withHandle(handle);
        }
        Job<R> job = new Job<>(work, new CompletableFuture<>());
        if (closed) {
            throw new IllegalStateException("the database is closed");
        }
        queue.add(job);
        if (closed && queue.remove(job)) {
            throw new IllegalStateException("the database is closed"); // closed while it was being queued
        }
        try {
            return job.result().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a write", e);
        }
    }

    /**
     * Runs {@code work} on the writer thread with no transaction open, once the batch under way (if any)
     * has committed and before the next begins, and waits for it (at most until the writer stops). One
     * caller at a time: a second concurrent call waits for nothing and returns at once.
     */
    void betweenTransactions(Consumer<Handle> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!between.compareAndSet(null, new Between(work, done))) {
            return;
        }
        try {
            while (!closed) {
                try {
                    done.get(100, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    // the writer is between polls; look again
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            between.set(null);
        }
    }

    /** Runs the work {@link #betweenTransactions(Consumer)} left, if any. */
    private void runBetween() {
        Between pending = between.get();
        if (pending == null || pending.done().isDone()) {
            return;
        }
        try {
            pending.work().accept(handle);
            pending.done().complete(null);
        } catch (RuntimeException e) {
            pending.done().completeExceptionally(e);
        }
    }

    private void loop() {
        List<Job<?>> batch = new ArrayList<>();
        while (!closed) {
            try {
                runBetween();
                Job<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                break;
            } finally {
                for (Job<?> job : batch) {
                    if (!job.result().isDone()) {
                        job.result().completeExceptionally(new IllegalStateException("the write was not run"));
                    }
                }
                batch.clear();
            }
        }
    }

    /** Runs a batch in one transaction; completes each job only after the commit. */
    private void runBatch(List<Job<?>> batch) {
        Object[] values = new Object[batch.size()];
        RuntimeException[] failures = new RuntimeException[batch.size()];
        boolean savepoints = batch.size() > 1;
        try {
            handle.begin();
            for (int i = 0; i < batch.size(); i++) {
                if (savepoints) {
                    handle.execute("SAVEPOINT " + SAVEPOINT);
                }
                try {
                    values[i] = batch.get(i).work().withHandle(handle);
                } catch (RuntimeException e) {
                    if (!savepoints) {
                        throw e; // alone in its batch: the whole transaction rolls back
                    }
                    handle.execute("ROLLBACK TO " + SAVEPOINT);
                    failures[i] = e;
                }
                if (savepoints) {
                    handle.execute("RELEASE " + SAVEPOINT);
                }
            }
            handle.commit();
        } catch (RuntimeException | Error e) {
            rollbackQuietly();
            batch.forEach(job -> job.result().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), values[i], failures[i]);
        }
    }

    @SuppressWarnings("unchecked")
    private static void complete(Job<?> job, Object value, RuntimeException failure) {
        if (failure != null) {
            job.result().completeExceptionally(failure);
        } else {
            ((CompletableFuture<Object>) job.result()).complete(value);
        }
    }

    private void rollbackQuietly() {
        try {
            handle.rollback();
        } catch (RuntimeException e) {
            // the transaction is gone with the failure that got here; nothing more to undo
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Job<?> job;
        while ((job = queue.poll()) != null) {
            job.result().completeExceptionally(new IllegalStateException("the database is closed"));
        }
        handle.close();
    }
}
